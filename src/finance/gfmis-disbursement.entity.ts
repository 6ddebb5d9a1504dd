import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ImportedRow } from '../database/imported-row';

/** One line of the GFMIS disbursement report: an agency's budget type at a report date, in baht. */
@Entity({ tableName: 'gfmis_disbursements' })
@Unique({ properties: ['fiscalYear', 'asOf', 'agencyCode', 'budgetType'] })
@Index({ properties: ['agencyCode', 'fiscalYear'] })
export class GfmisDisbursement extends ImportedRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @Property({ type: 'integer' }) fiscalYear!: number;
  @Property({ type: 'date' }) asOf!: string;
  @Property({ type: 'text' }) agencyCode!: string;
  @Property({ type: 'text', nullable: true }) agencyName?: string | null;
  /** current (รายจ่ายประจำ) or investment (รายจ่ายลงทุน). */
  @Property({ type: 'text' }) budgetType!: string;
  /** Amounts in baht: a report in ล้านบาท is converted exactly on import. */
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true }) budgetAfterTransfer?: string | null;
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true }) allocated?: string | null;
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true }) spendingPlan?: string | null;
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true }) commitments?: string | null;
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true }) disbursed?: string | null;
  /** The unit the file used (บาท or ล้านบาท), kept for the record. */
  @Property({ type: 'text', nullable: true }) sourceUnit?: string | null;
}
