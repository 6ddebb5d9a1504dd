import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One plan per fiscal year is `approved`; approving another makes it `superseded`. */
export type AuditPlanStatus = 'draft' | 'approved' | 'superseded';

/**
 * One generated annual audit plan (แผนการตรวจสอบประจำปี) of a fiscal year: the request, the settings and
 * rule files it was made with, what could not be placed, and its approval. Plans are never overwritten:
 * generating again makes the next revision, and every edit of an engagement raises `version` and is kept
 * in `audit_plan_events`. An approved plan is locked. A fiscal year has at most one approved plan (a partial unique
 * index): approving another supersedes it, and the superseded plan stays, locked, with the plan that replaced it.
 */
@Entity({ tableName: 'audit_plans' })
@Index({ properties: ['fiscalYear', 'revision'] })
@Index({ name: 'audit_plans_one_approved_per_fiscal_year', expression: `create unique index "audit_plans_one_approved_per_fiscal_year" on "audit_plans" ("fiscal_year") where "status" = 'approved'` })
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
  /** The plan whose approval superseded this one, and when. */
  @Property({ type: 'bigint', nullable: true }) supersededByPlanId?: string | null;
  @Property({ type: 'timestamptz', nullable: true }) supersededAt?: Date | null;
}
