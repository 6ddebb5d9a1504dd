import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** `interrupted`: its process died before it finished (marked at the next start-up, src/jobs/interrupted-work.sweeper.ts). */
export type RiskRunStatus = 'running' | 'succeeded' | 'failed' | 'interrupted';

/**
 * One run of the rules: which rule files were in force (their hash), the scope (fiscal year, rule ids),
 * the reference date used for "overdue", who started it, and how it ended. Per-rule counts and
 * parameters are in `risk_run_rules`.
 */
@Entity({ tableName: 'risk_runs' })
@Index({ properties: ['startedAt'] })
export class RiskRun {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @Property({ type: 'text' }) status!: RiskRunStatus;
  /** The fiscal year examined (BE), or null for every year in the data. */
  @Property({ type: 'integer', nullable: true }) fiscalYear?: number | null;
  /** "Overdue" is judged at this date: the end of the fiscal year when that is past, otherwise today. */
  @Property({ type: 'date' }) referenceDate!: string;
  /** sha256 of the rule files in force (GET /api/rules `hash`). */
  @Property({ type: 'text' }) rulesHash!: string;
  @Property({ type: 'text[]' }) ruleIds!: string[];
  /** 'api', 'cli', 'schedule' and who. */
  @Property({ type: 'text', nullable: true }) startedBy?: string | null;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) startedAt: Date = new Date();
  @Property({ type: 'timestamptz', nullable: true }) finishedAt?: Date | null;
  @Property({ type: 'integer', nullable: true }) durationMs?: number | null;
  @Property({ type: 'text', nullable: true }) error?: string | null;
  /** The session name (`audit-radar:<instance id>`) of the process that ran it; set by the column's default. */
  @Property({ type: 'text', nullable: true, defaultRaw: `current_setting('application_name')` }) runner?: string | null;
}
