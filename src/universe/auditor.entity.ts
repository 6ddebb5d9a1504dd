import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { ImportedRow } from '../database/imported-row';

export interface PastAgency {
  agencyCode: string;
  /** The BE fiscal year the auditor left that agency. */
  yearLeft: number;
}

export interface DateRange {
  from: string;
  to: string;
}

/** A member of the audit unit, for scheduling: skills, capacity, independence, absences. */
@Entity({ tableName: 'auditors' })
export class Auditor extends ImportedRow {
  @PrimaryKey({ type: 'text' }) auditorId!: string;
  @Property({ type: 'text' }) name!: string;
  /** head, senior, auditor. */
  @Property({ type: 'text' }) role!: string;
  @Property({ type: 'integer', nullable: true }) availableDays?: number | null;
  /** financial, compliance, performance, it. */
  @Property({ type: 'text[]', defaultRaw: `'{}'` }) skills: string[] = [];
  @Property({ type: 'jsonb', defaultRaw: `'[]'` }) pastAgencies: PastAgency[] = [];
  @Property({ type: 'jsonb', defaultRaw: `'[]'` }) unavailable: DateRange[] = [];
}
