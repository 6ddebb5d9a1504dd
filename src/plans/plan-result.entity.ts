import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ImportedRow } from '../database/imported-row';

/** What an activity achieved by a report date. */
@Entity({ tableName: 'plan_results' })
@Unique({ properties: ['fiscalYear', 'agencyCode', 'planType', 'strategyNo', 'activityNo', 'reportedDate'] })
export class PlanResult extends ImportedRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @Property({ type: 'integer' }) fiscalYear!: number;
  @Property({ type: 'text' }) agencyCode!: string;
  @Property({ type: 'text' }) planType!: string;
  @Property({ type: 'text', default: '' }) strategyNo: string = '';
  @Property({ type: 'text' }) activityNo!: string;
  @Property({ type: 'date' }) reportedDate!: string;
  @Property({ type: 'text', nullable: true }) actualText?: string | null;
  @Property({ type: 'decimal', precision: 20, scale: 4, nullable: true }) actualValue?: string | null;
  @Property({ type: 'text', nullable: true }) actualUnit?: string | null;
  @Property({ type: 'text', nullable: true }) output?: string | null;
  @Property({ type: 'text', nullable: true }) outcome?: string | null;
  /** done, in_progress, not_started. */
  @Property({ type: 'text', nullable: true }) status?: string | null;
}
