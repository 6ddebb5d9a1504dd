import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** What one rule did in one run: the parameters it ran with, its counts and its time. */
@Entity({ tableName: 'risk_run_rules' })
export class RiskRunRule {
  @PrimaryKey({ type: 'bigint' }) runId!: string;
  @PrimaryKey({ type: 'text' }) ruleId!: string;
  @Property({ type: 'jsonb' }) parameters!: Record<string, unknown>;
  @Property({ type: 'integer' }) flagged = 0;
  @Property({ type: 'integer' }) clear = 0;
  @Property({ type: 'integer' }) notCalculable = 0;
  @Property({ type: 'integer' }) durationMs = 0;
}
