import { z } from 'zod';
import { isIsoDate } from '../common/iso-date';

/*
 * The one schema of `rules/planning.yaml`: how the annual audit plan is sized and placed. Auditors edit the
 * file; POST /api/rules/reload reads it with the rules, and a broken file keeps the settings in force.
 */

export const AUDIT_TYPES = ['financial', 'performance'] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

export const BAND_KEYS_NOTE = 'the band keys of scoring.yaml (low, medium, high, very_high)';

const workingDays = z.number().int('must be a whole number of working days').min(1, 'must be at least 1 working day').max(200, 'must be at most 200 working days');

/** Month-day (`09-17`) of a window that repeats every fiscal year. */
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a month and day as MM-DD, e.g. 09-17');

const sizeStep = z.strictObject({
  /** Money at stake (THB, allocation + contract value of the fiscal year) from which the extra days apply. */
  from: z.number().positive('must be an amount above 0 (THB)'),
  addDays: z.number().int().min(0, 'must be 0 or more'),
});

export const planningSchema = z.strictObject({
  /** How many of each audit the plan asks for unless the request says otherwise (the founding case: 12 and 5). */
  defaults: z.strictObject({
    financialAudits: z.number().int().min(0).max(1000),
    performanceAudits: z.number().int().min(0).max(1000),
  }),
  /** Working days per engagement by audit type and risk band, before the size steps. */
  sizing: z.strictObject({
    baseDays: z.record(z.enum(AUDIT_TYPES), z.record(z.string(), workingDays)),
    /** Extra days for big auditees; the largest step reached applies. */
    sizeSteps: z.array(sizeStep).superRefine((steps, ctx) => {
      steps.forEach((s, i) => {
        if (i > 0 && s.from <= steps[i - 1].from) ctx.addIssue({ code: 'custom', path: [i, 'from'], message: 'steps must rise: from must be above the previous step' });
      });
    }),
  }),
  team: z.strictObject({
    /** People per engagement, the leader included. */
    size: z.number().int().min(1, 'a team has at least its leader').max(20),
    /** Roles that may lead an engagement. */
    leaderRoles: z.array(z.enum(['head', 'senior', 'auditor'])).min(1),
  }),
  /** The skill a team member needs for each audit type (auditors.csv skills). */
  skills: z.record(z.enum(AUDIT_TYPES), z.string().min(1)),
  independence: z.strictObject({
    /** Nobody audits an agency they left in this fiscal year or the `coolingOffYears` before it (1 = this or the previous year). */
    coolingOffYears: z.number().int().min(0).max(20),
  }),
  coverage: z.strictObject({
    /** Auditees in these risk bands (scoring.yaml keys) are chosen first, before the coverage cycle applies. */
    riskBandsFirst: z.array(z.string().min(1)),
    /** Then an agency not audited for this many years (or never) is chosen before the rest of the ranking. */
    cycleYears: z.number().int().min(1).max(20),
  }),
  /** Windows of every fiscal year with no audit work (month-day, both ends included), e.g. the year-end close. */
  blackouts: z.array(
    z.strictObject({ from: monthDay, to: monthDay, reason: z.string().min(1) }),
  ),
  performance: z.strictObject({
    /** A performance audit starts at least this many calendar days after the project's first contract is signed. */
    daysAfterFirstContract: z.number().int().min(0).max(366),
  }),
});

export type PlanningSettings = z.output<typeof planningSchema>;

/** A concrete date range (ISO, both ends included). */
export interface DateWindow {
  from: string;
  to: string;
  reason: string;
}

/** The blackout windows of one fiscal year as dates: a window from October to December falls in the first CE year. */
export function blackoutsOf(settings: PlanningSettings, fiscalYearStartCe: number): DateWindow[] {
  return settings.blackouts.map(({ from, to, reason }) => {
    const yearOf = (md: string) => (Number(md.slice(0, 2)) >= 10 ? fiscalYearStartCe : fiscalYearStartCe + 1);
    const window = { from: `${yearOf(from)}-${from}`, to: `${yearOf(to)}-${to}`, reason };
    if (!isIsoDate(window.from) || !isIsoDate(window.to)) throw new RangeError(`blackout ${from}..${to} is not a date in fiscal year starting ${fiscalYearStartCe}`);
    return window;
  });
}
