import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { ImportedRow } from '../database/imported-row';

/** A GFMIS payment document (ขบ01 against a PO, ขบ02 without), linked to e-GP by project and contract. */
@Entity({ tableName: 'gfmis_payments' })
@Index({ properties: ['egpProjectId'] })
@Index({ properties: ['vendorTin', 'postingDate'] })
@Index({ properties: ['agencyCode', 'fiscalYear'] })
export class GfmisPayment extends ImportedRow {
  @PrimaryKey({ type: 'text' }) docNo!: string;
  @Property({ type: 'text', nullable: true }) docType?: string | null;
  @Property({ type: 'text', nullable: true }) agencyCode?: string | null;
  @Property({ type: 'text', nullable: true }) disbursingUnit?: string | null;
  @Property({ type: 'text', nullable: true }) vendorTin?: string | null;
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true }) amount?: string | null;
  @Property({ type: 'date', nullable: true }) postingDate?: string | null;
  /** The fiscal year (BE) of the posting date, set by the import from the one fiscal-year function. */
  @Property({ type: 'integer', nullable: true }) fiscalYear?: number | null;
  @Property({ type: 'text', nullable: true }) poNo?: string | null;
  @Property({ type: 'text', nullable: true }) egpProjectId?: string | null;
  @Property({ type: 'text', nullable: true }) contractNo?: string | null;
  @Property({ type: 'text', nullable: true }) invoiceNo?: string | null;
}
