import { BE_OFFSET } from './buddhist-era';
import { isIsoDate, toIsoDate } from './iso-date';

/*
 * The Thai government fiscal year (ปีงบประมาณ) runs 1 October – 30 September and is named by the
 * Buddhist Era year in which it ends: FY2568 = 2024-10-01 … 2025-09-30.
 * Quarters: Q1 Oct–Dec, Q2 Jan–Mar, Q3 Apr–Jun, Q4 Jul–Sep.
 */

export type FiscalQuarter = 1 | 2 | 3 | 4;

export interface DateRange {
  start: string;
  end: string;
}

/** Fiscal years this service accepts (BE); a wider range would let typos through. */
export const FISCAL_YEAR_BE_RANGE = { min: 2500, max: 2700 } as const;

const FIRST_MONTH = 10; // October

/** RangeError unless fiscalYearBe is a whole BE year in 2500..2700; calls out CE years passed by mistake. */
export function assertFiscalYearBe(fiscalYearBe: number): void {
  const { min, max } = FISCAL_YEAR_BE_RANGE;
  if (Number.isInteger(fiscalYearBe) && fiscalYearBe >= min && fiscalYearBe <= max) return;
  const looksCe = Number.isInteger(fiscalYearBe) && fiscalYearBe + BE_OFFSET >= min && fiscalYearBe + BE_OFFSET <= max;
  const hint = looksCe ? ` ${fiscalYearBe} looks like a CE year: did you mean FY${fiscalYearBe + BE_OFFSET}?` : '';
  throw new RangeError(`fiscal years are Buddhist Era years from ${min} to ${max} (e.g. 2568), got ${fiscalYearBe}.${hint}`);
}

function parts(isoDate: string): [number, number] {
  if (!isIsoDate(isoDate)) throw new RangeError(`"${isoDate}" is not an ISO date (YYYY-MM-DD)`);
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  return [year, month];
}

/** The BE fiscal year a date falls in: fiscalYearOf('2024-10-01') === 2568. */
export function fiscalYearOf(isoDate: string): number {
  const [year, month] = parts(isoDate);
  return (month >= FIRST_MONTH ? year + 1 : year) + BE_OFFSET;
}

export function fiscalQuarterOf(isoDate: string): FiscalQuarter {
  const [, month] = parts(isoDate);
  // Shift so October is month 0 of the fiscal year, then three months per quarter.
  return (Math.floor(((month - FIRST_MONTH + 12) % 12) / 3) + 1) as FiscalQuarter;
}

export function fiscalYearRange(fiscalYearBe: number): DateRange {
  assertFiscalYearBe(fiscalYearBe);
  const endYearCe = fiscalYearBe - BE_OFFSET;
  return { start: toIsoDate(endYearCe - 1, 10, 1), end: toIsoDate(endYearCe, 9, 30) };
}

const QUARTER_MONTHS: Record<FiscalQuarter, { first: number; last: number; lastDay: number; previousCalendarYear: boolean }> = {
  1: { first: 10, last: 12, lastDay: 31, previousCalendarYear: true },
  2: { first: 1, last: 3, lastDay: 31, previousCalendarYear: false },
  3: { first: 4, last: 6, lastDay: 30, previousCalendarYear: false },
  4: { first: 7, last: 9, lastDay: 30, previousCalendarYear: false },
};

export function fiscalQuarterRange(fiscalYearBe: number, quarter: FiscalQuarter): DateRange {
  assertFiscalYearBe(fiscalYearBe);
  const months = QUARTER_MONTHS[quarter];
  if (!months) throw new RangeError(`a fiscal quarter is 1, 2, 3 or 4, got ${quarter}`);
  const yearCe = fiscalYearBe - BE_OFFSET - (months.previousCalendarYear ? 1 : 0);
  return { start: toIsoDate(yearCe, months.first, 1), end: toIsoDate(yearCe, months.last, months.lastDay) };
}
