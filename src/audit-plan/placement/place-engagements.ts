import { AuditorTimeline } from './auditor-timeline';
import { AuditorProfile, canLead, EngagementRequest, hasSkill, isIndependentOf, Placement, PlacementRules } from './placement-types';
import { PlanDays } from './plan-days';

export interface Unplaced {
  key: string;
  reason: string;
}

export interface PlacementResult {
  placed: Placement[];
  unplaced: Unplaced[];
}

/**
 * Places engagements on the fiscal year's working days, in the order given (the caller puts higher risk
 * first, so it gets the earlier dates and the first pick of people). Each engagement takes the earliest run
 * of consecutive working days, on or after its earliest start and outside blackout windows, for which a
 * leader and the rest of a team are all free, skilled for the audit type, independent of the agency and
 * have the days left. Among those free, the people with the most days left are chosen, which spreads the
 * work. What cannot be placed is returned with the reason.
 */
export function placeEngagements(requests: readonly EngagementRequest[], auditors: readonly AuditorProfile[], rules: PlacementRules): PlacementResult {
  const days = new PlanDays(rules.fiscalYear, rules.calendar, rules.blackouts);
  const timelines = auditors.map((a) => new AuditorTimeline(a, days));
  const placed: Placement[] = [];
  const unplaced: Unplaced[] = [];

  for (const request of requests) {
    const outcome = placeOne(request, timelines, days, rules);
    if ('reason' in outcome) unplaced.push({ key: request.key, reason: outcome.reason });
    else placed.push(outcome);
  }
  return { placed, unplaced };
}

function placeOne(request: EngagementRequest, timelines: AuditorTimeline[], days: PlanDays, rules: PlacementRules): Placement | { reason: string } {
  if (request.earliestStart === null) return { reason: request.noStartReason ?? 'it has no possible start date' };
  const skill = rules.skillFor[request.auditType];
  const qualified = timelines.filter((t) => hasSkill(t.auditor, request.auditType, rules));
  const independent = qualified.filter((t) => isIndependentOf(t.auditor, request.agencyCode, rules));
  const leaders = independent.filter((t) => canLead(t.auditor, rules));
  const n = request.workingDays;

  if (leaders.length === 0) {
    const barred = qualified.filter((t) => canLead(t.auditor, rules) && !independent.includes(t)).map((t) => t.auditor.id);
    return {
      reason:
        `no ${rules.leaderRoles.join(' or ')} with the ${skill} skill can lead it` +
        (barred.length ? ` (${barred.join(', ')} worked in agency ${request.agencyCode} within the cooling-off period)` : ''),
    };
  }
  if (independent.length < rules.teamSize) {
    return { reason: `only ${independent.length} auditor(s) with the ${skill} skill are independent of agency ${request.agencyCode}; a team needs ${rules.teamSize}` };
  }

  const first = days.firstIndexOnOrAfter(request.earliestStart);
  for (let from = first; from + n <= days.count; from++) {
    if (days.touchesBlackout(from, n)) continue;
    const freeLeaders = leaders.filter((t) => t.canTake(from, n));
    if (freeLeaders.length === 0) continue;
    const leader = mostDaysLeft(freeLeaders)[0];
    const members = mostDaysLeft(independent.filter((t) => t !== leader && t.canTake(from, n))).slice(0, rules.teamSize - 1);
    if (members.length < rules.teamSize - 1) continue;
    const team = [leader, ...members];
    for (const t of team) t.take(from, n);
    return { key: request.key, start: days.days[from], end: days.days[from + n - 1], auditors: team.map((t) => t.auditor.id) };
  }

  if (!leaders.some((t) => t.remaining >= n)) {
    return { reason: `no eligible leader (${leaders.map((t) => t.auditor.id).join(', ')}) has ${n} working days left in the year` };
  }
  const startText = first < days.count ? days.days[first] : request.earliestStart;
  return {
    reason: `no run of ${n} consecutive working days from ${startText} to the end of the year (outside blackouts) when a leader and ${rules.teamSize - 1} more qualified, independent auditor(s) are all free`,
  };
}

/** Most available days left first; ties by id, so the same input always gives the same plan. */
function mostDaysLeft(timelines: AuditorTimeline[]): AuditorTimeline[] {
  return [...timelines].sort((a, b) => b.remaining - a.remaining || a.auditor.id.localeCompare(b.auditor.id));
}
