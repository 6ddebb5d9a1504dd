import { addDays } from '../common/iso-date';
import type { EngagementRequest } from './placement/placement-types';
import type { AuditType, PlanningSettings } from './planning-settings.schema';

/** What the placer needs to know of a chosen auditee. */
export interface PlannedAuditee {
  auditeeType: 'agency' | 'budget_project';
  key: string;
  /** The agency audited, or the project's owner. */
  agencyCode: string;
  /** Projects: the first signed contract of their e-GP projects, null when none is signed yet. */
  firstContractDate?: string | null;
}

/**
 * The placement request of one engagement: an agency may start on the first day of the year; a project's
 * performance audit only `daysAfterFirstContract` after its first contract is signed, and not at all before one is.
 */
export function engagementRequestOf(
  auditee: PlannedAuditee,
  auditType: AuditType,
  workingDays: number,
  yearStart: string,
  planning: PlanningSettings,
): EngagementRequest {
  const request = { key: `${auditee.auditeeType}:${auditee.key}`, auditType, agencyCode: auditee.agencyCode, workingDays };
  if (auditee.auditeeType === 'agency') return { ...request, earliestStart: yearStart };
  if (!auditee.firstContractDate) {
    return {
      ...request,
      earliestStart: null,
      noStartReason: 'none of its e-GP projects has a signed contract yet: a performance audit starts after the first contract',
    };
  }
  const opens = addDays(auditee.firstContractDate, planning.performance.daysAfterFirstContract);
  return { ...request, earliestStart: opens > yearStart ? opens : yearStart };
}
