import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ImportedRow } from '../database/imported-row';

/** One activity of an internal-control (ปค.5) or anti-corruption action plan, with its target as written and as parsed. */
@Entity({ tableName: 'control_plan_activities' })
@Unique({ properties: ['fiscalYear', 'agencyCode', 'planType', 'strategyNo', 'activityNo'] })
@Index({ properties: ['agencyCode', 'fiscalYear'] })
export class ControlPlanActivity extends ImportedRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @Property({ type: 'integer' }) fiscalYear!: number;
  /** An agency code, or `province` for the province's own plan. */
  @Property({ type: 'text' }) agencyCode!: string;
  /** anti_corruption or internal_control. */
  @Property({ type: 'text' }) planType!: string;
  @Property({ type: 'text', default: '' }) strategyNo: string = '';
  @Property({ type: 'text', nullable: true }) measureNo?: string | null;
  @Property({ type: 'text' }) activityNo!: string;
  @Property({ type: 'text', nullable: true }) activity?: string | null;
  @Property({ type: 'text', nullable: true }) risk?: string | null;
  @Property({ type: 'text', nullable: true }) indicator?: string | null;
  @Property({ type: 'text', nullable: true }) targetText?: string | null;
  @Property({ type: 'decimal', precision: 20, scale: 4, nullable: true }) targetValue?: string | null;
  @Property({ type: 'text', nullable: true }) targetUnit?: string | null;
  /** eq, gte, lte, gt, lt. */
  @Property({ type: 'text', nullable: true }) targetComparison?: string | null;
  /** count, percent, level, ratio. */
  @Property({ type: 'text', nullable: true }) targetScale?: string | null;
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true }) budget?: string | null;
  @Property({ type: 'text', nullable: true }) responsible?: string | null;
  @Property({ type: 'date', nullable: true }) dueDate?: string | null;
}
