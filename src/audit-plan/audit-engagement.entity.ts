import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One engagement (งานตรวจสอบ) of a plan: who is audited, how, when, by whom, and why. */
@Entity({ tableName: 'audit_engagements' })
@Index({ properties: ['planId', 'rank'] })
export class AuditEngagement {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @Property({ type: 'bigint' }) planId!: string;
  /** Its place in the plan's risk order, 1 = highest. */
  @Property({ type: 'integer' }) rank!: number;
  /** agency | budget_project. */
  @Property({ type: 'text' }) auditeeType!: string;
  @Property({ type: 'text' }) auditeeKey!: string;
  @Property({ type: 'text' }) auditeeName!: string;
  /** The agency audited, or the project's owner: the one auditors must be independent of. */
  @Property({ type: 'text' }) agencyCode!: string;
  /** financial | performance. */
  @Property({ type: 'text' }) auditType!: string;
  @Property({ type: 'date' }) startDate!: string;
  @Property({ type: 'date' }) endDate!: string;
  @Property({ type: 'integer' }) workingDays!: number;
  /** Auditor ids, the leader first. */
  @Property({ type: 'text[]' }) auditors!: string[];
  @Property({ type: 'date', nullable: true }) earliestStart?: string | null;
  @Property({ type: 'integer' }) riskScore!: number;
  @Property({ type: 'integer' }) likelihood!: number;
  @Property({ type: 'integer' }) impact!: number;
  @Property({ type: 'text' }) band!: string;
  @Property({ type: 'decimal', precision: 18, scale: 2 }) amountAtStake!: string;
  /** Why it was chosen and how it was sized, in words, for the plan document. */
  @Property({ type: 'text' }) rationale!: string;
  /** The same reasons, structured: selection, sizing, the score's largest parts, the most serious flags. */
  @Property({ type: 'jsonb' }) reasons!: Record<string, unknown>;
}
