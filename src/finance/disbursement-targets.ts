import { FISCAL_YEAR_BE_RANGE, fiscalQuarterOf, fiscalQuarterRange, fiscalYearOf, type FiscalQuarter } from '../common/fiscal-year';

/*
 * The Cabinet's disbursement targets (docs/domain.md, "GFMIS disbursement"): the share of the allocation
 * (จัดสรร) an agency should have disbursed by the end of each fiscal quarter, cumulative, per budget type.
 * This file is the one place the figures live; the disbursement-behind-target rule and the finance office's
 * disbursement-rate view both read them from here. When the Cabinet sets new figures for a year, add that
 * year to DISBURSEMENT_TARGETS_BY_FISCAL_YEAR.
 */

/** `current` รายจ่ายประจำ and `investment` รายจ่ายลงทุน as stored by the gfmis-disbursements import; `overall` is both together. */
export const DISBURSEMENT_BUDGET_TYPES = ['overall', 'current', 'investment'] as const;
export type DisbursementBudgetType = (typeof DISBURSEMENT_BUDGET_TYPES)[number];

/** Percent of the allocation disbursed by the end of Q1, Q2, Q3 and Q4 (cumulative, 0–100). */
export type CumulativeTargets = readonly [q1: number, q2: number, q3: number, q4: number];

export type DisbursementTargetTable = Readonly<Record<DisbursementBudgetType, CumulativeTargets>>;

/** The quarterly pattern used in practice (overall 32/54/77/93), shipped as the default for every year. */
export const DEFAULT_DISBURSEMENT_TARGETS: DisbursementTargetTable = {
  overall: [32, 54, 77, 93],
  current: [35, 56, 79, 98],
  investment: [19, 45, 65, 75],
};

/**
 * Years whose Cabinet resolution differs from the defaults; a type left out keeps the default. FY2566
 * and FY2569 (year-end 93/98/75, FY2566 Q1 32/35/19) match the defaults, so nothing is listed yet.
 */
export const DISBURSEMENT_TARGETS_BY_FISCAL_YEAR: Readonly<Record<number, Partial<DisbursementTargetTable>>> = {};

export interface DisbursementTargetConfig {
  defaults: DisbursementTargetTable;
  byFiscalYear: Readonly<Record<number, Partial<DisbursementTargetTable>>>;
}

export const CABINET_DISBURSEMENT_TARGETS: DisbursementTargetConfig = {
  defaults: DEFAULT_DISBURSEMENT_TARGETS,
  byFiscalYear: DISBURSEMENT_TARGETS_BY_FISCAL_YEAR,
};

/** The cumulative target (percent) for the end of a quarter of a fiscal year (BE). */
export function cumulativeDisbursementTarget(
  fiscalYearBe: number,
  budgetType: DisbursementBudgetType,
  quarter: FiscalQuarter,
  config: DisbursementTargetConfig = CABINET_DISBURSEMENT_TARGETS,
): number {
  const targets = config.byFiscalYear[fiscalYearBe]?.[budgetType] ?? config.defaults[budgetType];
  return targets[quarter - 1];
}

/** The target a report as of `isoDate` is judged against: that of the quarter the date falls in. */
export function disbursementTargetAt(
  isoDate: string,
  budgetType: DisbursementBudgetType,
  config: DisbursementTargetConfig = CABINET_DISBURSEMENT_TARGETS,
): { fiscalYear: number; quarter: FiscalQuarter; targetPercent: number } {
  const fiscalYear = fiscalYearOf(isoDate);
  const quarter = fiscalQuarterOf(isoDate);
  return { fiscalYear, quarter, targetPercent: cumulativeDisbursementTarget(fiscalYear, budgetType, quarter, config) };
}

/** One quarter of one fiscal year for one budget type, with its dates: a row of the table SQL joins reports to. */
export interface QuarterTarget {
  fiscalYear: number;
  budgetType: DisbursementBudgetType;
  quarter: FiscalQuarter;
  start: string;
  end: string;
  targetPercent: number;
}

const QUARTERS: readonly FiscalQuarter[] = [1, 2, 3, 4];

/**
 * Every quarter of the given fiscal years (all years the service accepts when none are given) with its
 * dates and target, so a query can find a report's quarter by its as-of date without knowing the calendar.
 */
export function quarterTargetSchedule(
  fiscalYears: readonly number[] | null,
  config: DisbursementTargetConfig = CABINET_DISBURSEMENT_TARGETS,
): QuarterTarget[] {
  const years = fiscalYears ?? allAcceptedFiscalYears();
  return years.flatMap((fiscalYear) =>
    QUARTERS.flatMap((quarter) => {
      const { start, end } = fiscalQuarterRange(fiscalYear, quarter);
      return DISBURSEMENT_BUDGET_TYPES.map((budgetType) => ({
        fiscalYear,
        budgetType,
        quarter,
        start,
        end,
        targetPercent: cumulativeDisbursementTarget(fiscalYear, budgetType, quarter, config),
      }));
    }),
  );
}

function allAcceptedFiscalYears(): number[] {
  const { min, max } = FISCAL_YEAR_BE_RANGE;
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}
