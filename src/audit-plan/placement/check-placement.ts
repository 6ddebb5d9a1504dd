import { AuditorProfile, canLead, EngagementRequest, hasSkill, isIndependentOf, Placement, PlacementRules } from './placement-types';
import { PlanDays } from './plan-days';

/**
 * Every constraint a placed engagement must meet, checked against the rest of the plan: used to refuse an
 * edit with its reasons, and by the property tests to prove what the planner places. Returns the broken
 * constraints in words (empty when it is fine).
 */
export function violationsOf(
  placement: Placement,
  request: EngagementRequest,
  others: readonly { placement: Placement; request: EngagementRequest }[],
  auditors: readonly AuditorProfile[],
  rules: PlacementRules,
  days: PlanDays = new PlanDays(rules.fiscalYear, rules.calendar, rules.blackouts),
): string[] {
  const problems: string[] = [];
  const from = days.indexOf(placement.start);
  const to = days.indexOf(placement.end);
  if (from === undefined) problems.push(`${placement.start} is not a working day of fiscal year ${rules.fiscalYear}`);
  if (to === undefined) problems.push(`${placement.end} is not a working day of fiscal year ${rules.fiscalYear}`);
  if (from !== undefined && to !== undefined) {
    if (to - from + 1 !== request.workingDays) {
      problems.push(`${placement.start} to ${placement.end} holds ${to - from + 1} working days; the engagement needs ${request.workingDays}`);
    }
    if (days.touchesBlackout(from, Math.max(0, to - from + 1))) {
      const window = days.blackouts.find((w) => placement.end >= w.from && placement.start <= w.to)!;
      problems.push(`it overlaps the blackout ${window.from} to ${window.to} (${window.reason})`);
    }
  }
  if (request.earliestStart === null) problems.push(request.noStartReason ?? 'it has no possible start date');
  else if (placement.start < request.earliestStart) problems.push(`it starts before ${request.earliestStart}, its earliest start`);

  if (placement.auditors.length !== rules.teamSize) problems.push(`the team has ${placement.auditors.length} people; it needs ${rules.teamSize}`);
  if (new Set(placement.auditors).size !== placement.auditors.length) problems.push('the team names someone twice');
  const byId = new Map(auditors.map((a) => [a.id, a]));
  placement.auditors.forEach((id, i) => {
    const auditor = byId.get(id);
    if (!auditor) {
      problems.push(`${id} is not an auditor of the unit`);
      return;
    }
    if (i === 0 && !canLead(auditor, rules)) problems.push(`${id} (${auditor.role}) cannot lead: the leader must be ${rules.leaderRoles.join(' or ')}`);
    if (!hasSkill(auditor, request.auditType, rules)) problems.push(`${id} lacks the ${rules.skillFor[request.auditType]} skill`);
    if (!isIndependentOf(auditor, request.agencyCode, rules)) problems.push(`${id} worked in agency ${request.agencyCode} within the cooling-off period`);
    // An absence only matters on a day the engagement works: one on a weekend or holiday inside it does not.
    const absence = auditor.unavailable.find((r) => {
      const first = days.firstIndexOnOrAfter(r.from > placement.start ? r.from : placement.start);
      const last = r.to < placement.end ? r.to : placement.end;
      return first < days.count && days.days[first] <= last;
    });
    if (absence) problems.push(`${id} is unavailable ${absence.from} to ${absence.to}`);
    const clash = others.find((o) => o.placement.auditors.includes(id) && o.placement.start <= placement.end && o.placement.end >= placement.start);
    if (clash) problems.push(`${id} is on ${clash.request.key} from ${clash.placement.start} to ${clash.placement.end}`);
    if (auditor.availableDays !== null) {
      const used = others.filter((o) => o.placement.auditors.includes(id)).reduce((sum, o) => sum + o.request.workingDays, 0);
      if (used + request.workingDays > auditor.availableDays) {
        problems.push(`${id} has ${auditor.availableDays - used} available working day(s) left; the engagement needs ${request.workingDays}`);
      }
    }
  });
  return problems;
}
