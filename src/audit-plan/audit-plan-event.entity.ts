import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One change to a plan: an engagement moved or re-staffed, the plan approved, or superseded by another's approval; who, when, before and after. */
@Entity({ tableName: 'audit_plan_events' })
@Index({ properties: ['planId', 'at'] })
export class AuditPlanEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @Property({ type: 'bigint' }) planId!: string;
  @Property({ type: 'bigint', nullable: true }) engagementId?: string | null;
  /** edit | approve | supersede (`after.supersededBy`: the plan approved in its place). */
  @Property({ type: 'text' }) kind!: string;
  @Property({ type: 'jsonb', nullable: true }) before?: Record<string, unknown> | null;
  @Property({ type: 'jsonb', nullable: true }) after?: Record<string, unknown> | null;
  @Property({ type: 'integer' }) version!: number;
  @Property({ type: 'text', nullable: true }) by?: string | null;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) at: Date = new Date();
}
