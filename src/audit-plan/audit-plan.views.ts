import { z } from 'zod';
import { fiscalYearBe } from '../common/fiscal-year-schema';
import type { AuditType } from './planning-settings.schema';
import type { EngagementReasons } from './rationale';

/** POST /api/audit-plans and `cli plan generate`. */
export const planRequestSchema = z.strictObject({
  fiscalYear: fiscalYearBe(),
  financialAudits: z.number().int().min(0).max(1000).optional(),
  performanceAudits: z.number().int().min(0).max(1000).optional(),
  /** Agency codes or budget-project codes to audit whatever their risk. */
  mustInclude: z.array(z.string().trim().min(1)).optional(),
  /** Agency codes or budget-project codes never to choose. */
  exclude: z.array(z.string().trim().min(1)).optional(),
  coverageCycleYears: z.number().int().min(1).max(20).optional(),
});
export type PlanRequest = z.output<typeof planRequestSchema>;

/** PATCH /api/audit-plans/{id}/engagements/{eid}: move it, re-staff it, or both. */
export const engagementChangeSchema = z
  .strictObject({
    start: z.iso.date({ error: 'must be a date as YYYY-MM-DD' }).optional(),
    /** Auditor ids, the leader first. */
    auditors: z.array(z.string().trim().min(1)).min(1).optional(),
  })
  .refine((c) => c.start !== undefined || c.auditors !== undefined, 'give a new start, a new team, or both');

export interface EngagementView {
  id: string;
  rank: number;
  auditeeType: 'agency' | 'budget_project';
  auditeeKey: string;
  auditeeName: string;
  agencyCode: string;
  auditType: AuditType;
  start: string;
  end: string;
  workingDays: number;
  /** Auditor ids, the leader first. */
  auditors: string[];
  auditorNames: string[];
  earliestStart: string | null;
  riskScore: number;
  likelihood: number;
  impact: number;
  band: string;
  amountAtStake: string;
  rationale: string;
  reasons: EngagementReasons;
}

export interface UnplacedView {
  auditeeType: 'agency' | 'budget_project';
  auditeeKey: string;
  auditeeName: string;
  auditType: AuditType;
  workingDays: number;
  riskScore: number;
  reason: string;
}

export interface AuditPlanView {
  id: string;
  fiscalYear: number;
  revision: number;
  version: number;
  /** At most one plan of a fiscal year is approved; the one it replaced is superseded. */
  status: 'draft' | 'approved' | 'superseded';
  rulesHash: string;
  request: Record<string, unknown>;
  settings: Record<string, unknown>;
  createdBy: string | null;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  /** The plan whose approval superseded this one, and when (who: in `history`). */
  supersededBy: string | null;
  supersededAt: string | null;
  engagements: EngagementView[];
  unplaced: UnplacedView[];
  /** Working days each auditor is booked for, against what they have. */
  workload: { auditorId: string; name: string; bookedDays: number; availableDays: number | null }[];
  /** The plan's events, oldest first: edits, its approval, its supersession (empty for an agency user). */
  history: PlanEventView[];
}

export interface PlanEventView {
  kind: 'edit' | 'approve' | 'supersede';
  engagementId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  version: number;
  by: string | null;
  at: string;
}
