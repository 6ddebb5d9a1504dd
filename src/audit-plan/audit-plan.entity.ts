import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

export type AuditPlanStatus = 'draft' | 'approved';

/**
 * One generated annual audit plan (แผนการตรวจสอบประจำปี) of a fiscal year: the request, the settings and
 * rule files it was made with, what could not be placed, and its approval. Plans are never overwritten:
 * generating again makes the next revision, and every edit of an engagement raises `version` and is kept
 * in `audit_plan_events`. An approved plan is locked.
 */
@Entity({ tableName: 'audit_plans' })
@Index({ properties: ['fiscalYear', 'revision'] })
export class AuditPlan {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @Property({ type: 'integer' }) fiscalYear!: number;
  /** 1 for the first plan generated for the fiscal year, 2 for the next… */
  @Property({ type: 'integer' }) revision!: number;
  /** Raised by every accepted edit. */
  @Property({ type: 'integer' }) version: number = 1;
  @Property({ type: 'text' }) status: AuditPlanStatus = 'draft';
  @Property({ type: 'jsonb' }) request!: Record<string, unknown>;
  @Property({ type: 'jsonb' }) settings!: Record<string, unknown>;
  @Property({ type: 'text' }) rulesHash!: string;
  /** Chosen auditees that could not be placed, with the reason. */
  @Property({ type: 'jsonb' }) unplaced!: unknown[];
  @Property({ type: 'text', nullable: true }) createdBy?: string | null;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'text', nullable: true }) approvedBy?: string | null;
  @Property({ type: 'timestamptz', nullable: true }) approvedAt?: Date | null;
}
