import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { ImportedRow } from '../database/imported-row';

/** A complaint received through one of the province's channels. */
@Entity({ tableName: 'complaints' })
@Index({ properties: ['agencyCode', 'fiscalYear', 'category'] })
export class Complaint extends ImportedRow {
  @PrimaryKey({ type: 'text' }) complaintNo!: string;
  @Property({ type: 'date' }) receivedDate!: string;
  /** The fiscal year of the received date (BE). */
  @Property({ type: 'integer' }) fiscalYear!: number;
  /** website, damrongtham_phone, complaint_box, letter_fax, pobox_1111, other. */
  @Property({ type: 'text', nullable: true }) channel?: string | null;
  @Property({ type: 'text', nullable: true }) agencyCode?: string | null;
  /** procurement, bribery, impolite_service, delay, rule_violation, favouritism, fraud, other. */
  @Property({ type: 'text' }) category!: string;
  @Property({ type: 'text', nullable: true }) subject?: string | null;
  @Property({ type: 'text', nullable: true }) status?: string | null;
  @Property({ type: 'date', nullable: true }) firstResponseDate?: string | null;
  @Property({ type: 'date', nullable: true }) closedDate?: string | null;
}
