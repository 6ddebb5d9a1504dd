import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

export type FlagStatus = 'open' | 'confirmed' | 'dismissed';
export const FLAG_STATUSES: readonly FlagStatus[] = ['open', 'confirmed', 'dismissed'];

/**
 * A red flag: one rule found one entity (a contract, a vendor pair, an agency…) worth an auditor's look,
 * with the evidence. A rule and an entity key make one flag: a later run updates it in place, so an
 * auditor's triage (status, note) survives re-runs.
 */
@Entity({ tableName: 'flags' })
@Unique({ properties: ['ruleId', 'entityKey'] })
@Index({ properties: ['agencyCode', 'fiscalYear'] })
@Index({ properties: ['ruleId', 'status'] })
@Index({ properties: ['projectIds'], type: 'gin' })
@Index({ properties: ['vendorTins'], type: 'gin' })
export class Flag {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @Property({ type: 'text' }) ruleId!: string;
  @Property({ type: 'text' }) entityType!: string;
  /** Stable key of the flagged entity, e.g. `68065417947#4/2568` for a contract, `00701|0215551989966|2568` for an agency–vendor pair. */
  @Property({ type: 'text' }) entityKey!: string;
  @Property({ type: 'text', nullable: true }) agencyCode?: string | null;
  @Property({ type: 'integer', nullable: true }) fiscalYear?: number | null;
  /** 0–1: how strongly the rule holds (1 for a plain yes). */
  @Property({ type: 'decimal', precision: 5, scale: 4 }) score!: string;
  @Property({ type: 'text' }) severity!: string;
  /** The money at stake (THB), when the flag is about money. */
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true }) amount?: string | null;
  @Property({ type: 'text[]', defaultRaw: `'{}'` }) projectIds: string[] = [];
  @Property({ type: 'text[]', defaultRaw: `'{}'` }) vendorTins: string[] = [];
  @Property({ type: 'text[]', defaultRaw: `'{}'` }) paymentDocs: string[] = [];
  @Property({ type: 'jsonb' }) evidence!: Record<string, unknown>;
  @Property({ type: 'text', defaultRaw: `'open'` }) status: FlagStatus = 'open';
  @Property({ type: 'text', nullable: true }) note?: string | null;
  @Property({ type: 'bigint' }) firstRunId!: string;
  /** The latest run that found this flag; a confirmed or dismissed flag a later run no longer finds keeps an older one. */
  @Property({ type: 'bigint' }) lastRunId!: string;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) updatedAt: Date = new Date();
}
