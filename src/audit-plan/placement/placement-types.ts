import type { WorkingDayCalendar } from '../../common/working-days';
import type { AuditType, DateWindow } from '../planning-settings.schema';

/** A member of the audit unit as the planner sees them (auditors.csv). */
export interface AuditorProfile {
  id: string;
  name: string;
  role: string;
  /** Working days the auditor can give to engagements in the fiscal year; null: no limit stated. */
  availableDays: number | null;
  skills: readonly string[];
  pastAgencies: readonly { agencyCode: string; yearLeft: number }[];
  unavailable: readonly { from: string; to: string }[];
}

/** An engagement to place: who is audited, how, for how long, and from when. */
export interface EngagementRequest {
  /** Stable key within a plan: `agency:00701`, `budget_project:RY68-001`. */
  key: string;
  auditType: AuditType;
  /** The agency the auditors must be independent of (a project's owner). */
  agencyCode: string;
  workingDays: number;
  /** The first day it may start (a performance audit: after the project's first contract); null: cannot start at all. */
  earliestStart: string | null;
  /** Why there is no earliest start, when there is none. */
  noStartReason?: string;
}

/** Where and with whom an engagement sits. */
export interface Placement {
  key: string;
  start: string;
  end: string;
  /** The leader first. */
  auditors: string[];
}

export interface PlacementRules {
  fiscalYear: number;
  calendar: WorkingDayCalendar;
  blackouts: readonly DateWindow[];
  teamSize: number;
  leaderRoles: readonly string[];
  skillFor: Readonly<Record<AuditType, string>>;
  coolingOffYears: number;
}

/** Whether an auditor worked in the agency recently enough to be barred from auditing it. */
export function isIndependentOf(auditor: AuditorProfile, agencyCode: string, rules: Pick<PlacementRules, 'fiscalYear' | 'coolingOffYears'>): boolean {
  return !auditor.pastAgencies.some((p) => p.agencyCode === agencyCode && p.yearLeft >= rules.fiscalYear - rules.coolingOffYears);
}

export function hasSkill(auditor: AuditorProfile, auditType: AuditType, rules: Pick<PlacementRules, 'skillFor'>): boolean {
  return auditor.skills.includes(rules.skillFor[auditType]);
}

export function canLead(auditor: AuditorProfile, rules: Pick<PlacementRules, 'leaderRoles'>): boolean {
  return rules.leaderRoles.includes(auditor.role);
}
