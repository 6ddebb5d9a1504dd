import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An entity a rule examined but could not judge in a run (a field missing, too few records for a
 * statistic), with the reason. Kept so that "not calculable" is never mistaken for "clear". Only the
 * latest run of each rule keeps its rows.
 */
@Entity({ tableName: 'risk_not_calculable' })
@Index({ properties: ['ruleId', 'entityKey'] })
export class NotCalculableResult {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @Property({ type: 'bigint' }) runId!: string;
  @Property({ type: 'text' }) ruleId!: string;
  @Property({ type: 'text' }) entityType!: string;
  @Property({ type: 'text' }) entityKey!: string;
  @Property({ type: 'text', nullable: true }) agencyCode?: string | null;
  @Property({ type: 'integer', nullable: true }) fiscalYear?: number | null;
  @Property({ type: 'text' }) reason!: string;
  @Property({ type: 'text[]', defaultRaw: `'{}'` }) projectIds: string[] = [];
}
