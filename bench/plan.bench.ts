import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { chooseAuditees } from '../src/audit-plan/choose-auditees';
import { violationsOf } from '../src/audit-plan/placement/check-placement';
import { placeEngagements, type PlacementResult } from '../src/audit-plan/placement/place-engagements';
import type { AuditorProfile, EngagementRequest, PlacementRules } from '../src/audit-plan/placement/placement-types';
import { PlanDays } from '../src/audit-plan/placement/plan-days';
import { blackoutsOf, type PlanningSettings } from '../src/audit-plan/planning-settings.schema';
import { sizeEngagement } from '../src/audit-plan/size-engagement';
import { fiscalYearRange } from '../src/common/fiscal-year';
import { curatedCalendar } from '../src/common/working-days';
import { loadRuleFiles } from '../src/risk/rule-loader';
import type { ScoringSettings } from '../src/risk/rule-file.schema';
import { generatePlanData, type BenchAuditee } from './generate-plan-data';
import { bandOf } from '../src/risk/scores/score-model';
import { engagementRequestOf } from '../src/audit-plan/engagement-request';

/**
 * `npm run bench:plan`: the planning core (choose → size → place) of AuditPlansService.generate over a
 * synthetic province of BENCH_AGENCIES agencies (default 800) and BENCH_PROJECTS budget projects (200)
 * with BENCH_AUDITORS auditors (50), for fiscal year 2568 on the curated Thai holiday calendar with the
 * blackouts, sizing and team rules of the shipped rules/planning.yaml. Two requests: every auditee (the
 * worst case: most of them cannot fit, and each of those scans the whole year before it is refused) and
 * the founding request of 12 + 5. BENCH_RUNS (default 5) timed runs of each; the best and the median are
 * reported. No database: this measures the algorithm, not the reads and writes around it.
 */
const FISCAL_YEAR = 2568;
const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 800);
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 200);
const AUDITORS = Number(process.env.BENCH_AUDITORS ?? 50);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SEED = Number(process.env.BENCH_SEED ?? 2568);
const GOAL_MS = 5_000;

interface Timed {
  chooseMs: number;
  sizeMs: number;
  placeMs: number;
  totalMs: number;
  requests: EngagementRequest[];
  result: PlacementResult;
}

function main(): void {
  const started = performance.now();
  const { planning, scoring } = loadRuleFiles(join(__dirname, '..', 'rules'));
  const yearStart = fiscalYearRange(FISCAL_YEAR).start;
  const rules: PlacementRules = {
    fiscalYear: FISCAL_YEAR,
    calendar: curatedCalendar(),
    blackouts: blackoutsOf(planning, Number(yearStart.slice(0, 4))),
    teamSize: planning.team.size,
    leaderRoles: planning.team.leaderRoles,
    skillFor: planning.skills,
    coolingOffYears: planning.independence.coolingOffYears,
  };
  const { auditees, auditors } = generatePlanData({
    agencies: AGENCIES,
    projects: PROJECTS,
    auditors: AUDITORS,
    fiscalYearStart: yearStart,
    seed: SEED,
    bandOf: (score) => bandOf(score, scoring.bands).key,
  });
  const days = new PlanDays(FISCAL_YEAR, rules.calendar, rules.blackouts);

  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(
    `fiscal year ${FISCAL_YEAR}: ${days.count} working days on the curated calendar, blackouts ${rules.blackouts.map((b) => `${b.from}..${b.to}`).join(', ')}; ` +
      `team of ${rules.teamSize}, leaders ${rules.leaderRoles.join('/')}, cooling-off ${rules.coolingOffYears} year(s)`,
  );
  console.log(
    `data (seed ${SEED}): ${AGENCIES} agencies + ${PROJECTS} projects, ${AUDITORS} auditors ` +
      `(${auditors.reduce((n, a) => n + (a.availableDays ?? days.count), 0).toLocaleString('en-US')} auditor-days available); set up in ${(performance.now() - started).toFixed(0)} ms`,
  );

  const requests = [
    { label: `every auditee (${AGENCIES} financial + ${PROJECTS} performance)`, financialAudits: AGENCIES, performanceAudits: PROJECTS },
    { label: `the planning.yaml defaults (${planning.defaults.financialAudits} + ${planning.defaults.performanceAudits})`, ...planning.defaults },
  ];
  for (const request of requests) {
    const runs = Array.from({ length: RUNS }, () => planOnce(auditees, request, planning, scoring, rules, auditors, yearStart));
    const last = runs[runs.length - 1];
    const totals = runs.map((r) => r.totalMs).sort((a, b) => a - b);
    const median = totals[Math.floor(totals.length / 2)];
    const best = runs.find((r) => r.totalMs === totals[0])!;
    const same = runs.every((r) => JSON.stringify(r.result) === JSON.stringify(last.result));
    const problems = check(last, auditors, rules, days);
    const booked = last.result.placed.reduce((n, p) => n + p.auditors.length * last.requests.find((r) => r.key === p.key)!.workingDays, 0);

    console.log(`\n${request.label}: ${last.requests.length} engagements`);
    console.log(`  placed ${last.result.placed.length}, not placed ${last.result.unplaced.length}; ${booked.toLocaleString('en-US')} auditor-days booked`);
    for (const [reason, count] of reasonsOf(last.result)) console.log(`    not placed ×${count}: ${reason}`);
    console.log(`  best of ${RUNS}: choose ${best.chooseMs.toFixed(1)} ms, size ${best.sizeMs.toFixed(1)} ms, place ${best.placeMs.toFixed(1)} ms, total ${best.totalMs.toFixed(1)} ms`);
    console.log(
      `  median total ${median.toFixed(1)} ms, first run ${runs[0].totalMs.toFixed(1)} ms (code not yet optimised by the JIT); ` +
        `${Math.max(...totals) < GOAL_MS ? 'every run within' : 'a run OVER'} the 5 s goal; runs in order ${runs.map((r) => r.totalMs.toFixed(0)).join(', ')} ms`,
    );
    console.log(`  every run gave the same plan: ${same ? 'yes' : 'NO'}; constraint violations in the plan: ${problems}`);
  }
  console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; whole bench ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** What AuditPlansService.generate does before it writes: choose, rank by risk, size, then place. */
function planOnce(
  auditees: BenchAuditee[],
  counts: { financialAudits: number; performanceAudits: number },
  planning: PlanningSettings,
  scoring: ScoringSettings,
  rules: PlacementRules,
  auditors: readonly AuditorProfile[],
  yearStart: string,
): Timed {
  const t0 = performance.now();
  const chosen = chooseAuditees(auditees, {
    ...counts,
    mustInclude: [],
    exclude: [],
    riskBandsFirst: planning.coverage.riskBandsFirst,
    coverageCycleYears: planning.coverage.cycleYears,
    asOf: yearStart,
  });
  chosen.sort((a, b) => b.candidate.score - a.candidate.score || b.candidate.combined - a.candidate.combined || a.candidate.key.localeCompare(b.candidate.key));
  const t1 = performance.now();
  const requests = chosen.map((c): EngagementRequest => {
    const { workingDays } = sizeEngagement(c.auditType, c.candidate.band, c.candidate.amountAtStake, planning.sizing);
    return engagementRequestOf(c.candidate, c.auditType, workingDays, yearStart, planning);
  });
  const t2 = performance.now();
  const result = placeEngagements(requests, auditors, rules);
  const t3 = performance.now();
  return { chooseMs: t1 - t0, sizeMs: t2 - t1, placeMs: t3 - t2, totalMs: t3 - t0, requests, result };
}

/** The earliest start as AuditPlansService gives it: agencies from the first day, projects after their first contract. */

/** Every placement checked against the rest with the planner's own constraint checker (outside the timing). */
function check(run: Timed, auditors: readonly AuditorProfile[], rules: PlacementRules, days: PlanDays): number {
  const requestByKey = new Map(run.requests.map((r) => [r.key, r]));
  const all = run.result.placed.map((placement) => ({ placement, request: requestByKey.get(placement.key)! }));
  return all.reduce((n, one) => n + violationsOf(one.placement, one.request, all.filter((o) => o !== one), auditors, rules, days).length, 0);
}

/** Unplaced reasons grouped, with the specifics (ids, dates, day counts) blurred so like counts with like. */
function reasonsOf(result: PlacementResult): [string, number][] {
  const counts = new Map<string, number>();
  for (const { reason } of result.unplaced) {
    const general = reason.replace(/\([^)]*\)/g, '(…)').replace(/\d{4}-\d{2}-\d{2}/g, 'DATE').replace(/\b\d+\b/g, 'N').replace(/agency \S+/g, 'agency X');
    counts.set(general, (counts.get(general) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

main();
