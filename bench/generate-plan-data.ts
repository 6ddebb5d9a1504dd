import type { Candidate } from '../src/audit-plan/choose-auditees';
import type { AuditorProfile } from '../src/audit-plan/placement/placement-types';

/*
 * A synthetic province for the planner: auditees with risk scores, money at stake, last audits and first
 * contracts, and an audit unit with roles, skills, available days, past postings and absences. A seeded
 * generator makes every run plan the same year, so timings compare like with like.
 */

/** mulberry32: small, fast and good enough to spread test data; the same seed gives the same numbers. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export interface BenchAuditee extends Candidate {
  agencyCode: string;
  /** Projects: the first signed contract, null when none is signed yet. */
  firstContractDate: string | null;
}

export interface PlanData {
  auditees: BenchAuditee[];
  auditors: AuditorProfile[];
}

/** An ISO date `offset` days after `start` (UTC arithmetic: no zone can shift it). */
function dayAfter(start: string, offset: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

export function generatePlanData(options: {
  agencies: number;
  projects: number;
  auditors: number;
  fiscalYearStart: string;
  seed: number;
  /** The risk band of a score (scoring.yaml). */
  bandOf: (score: number) => string;
}): PlanData {
  const random = seededRandom(options.seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const agencyCodes = Array.from({ length: options.agencies }, (_, i) => String(10001 + i).padStart(5, '0'));

  const risk = () => {
    const likelihood = int(1, 5);
    const impact = int(1, 5);
    return { score: likelihood * impact, combined: likelihood + random(), band: options.bandOf(likelihood * impact) };
  };
  // Money at stake spreads over three orders of magnitude (100k to 500M THB), as provincial budgets do.
  const amount = () => Math.round(1e5 * Math.exp(random() * Math.log(5000)));

  const auditees: BenchAuditee[] = [
    ...agencyCodes.map((code) => ({
      auditeeType: 'agency' as const,
      key: code,
      agencyCode: code,
      ...risk(),
      amountAtStake: amount(),
      // A quarter never audited; the rest some time in the last six years.
      lastAudited: random() < 0.25 ? null : dayAfter(options.fiscalYearStart, -int(30, 6 * 365)),
      firstContractDate: null,
    })),
    ...Array.from({ length: options.projects }, (_, i) => ({
      auditeeType: 'budget_project' as const,
      key: `BP68-${String(i + 1).padStart(4, '0')}`,
      agencyCode: pick(agencyCodes),
      ...risk(),
      amountAtStake: amount(),
      lastAudited: null,
      // One in ten has no signed contract yet: it cannot be placed at all.
      firstContractDate: random() < 0.1 ? null : dayAfter(options.fiscalYearStart, int(0, 300)),
    })),
  ];

  const auditors: AuditorProfile[] = Array.from({ length: options.auditors }, (_, i) => {
    const role = i < options.auditors / 10 ? 'head' : i < options.auditors * 0.4 ? 'senior' : 'auditor';
    const skills = ['compliance'];
    if (random() < 0.8) skills.push('financial');
    if (random() < 0.5) skills.push('performance');
    if (skills.length === 1) skills.push(random() < 0.5 ? 'financial' : 'performance');
    const absences = Array.from({ length: int(0, 3) }, () => {
      const from = dayAfter(options.fiscalYearStart, int(0, 350));
      return { from, to: dayAfter(from, int(2, 14)) };
    });
    return {
      id: `IA${String(i + 1).padStart(2, '0')}`,
      name: `ผู้ตรวจสอบ ${i + 1}`,
      role,
      availableDays: random() < 0.1 ? null : int(120, 220),
      skills,
      pastAgencies: Array.from({ length: int(0, 3) }, () => ({ agencyCode: pick(agencyCodes), yearLeft: int(2560, 2568) })),
      unavailable: absences,
    };
  });
  return { auditees, auditors };
}
