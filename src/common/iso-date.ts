/*
 * Calendar dates as ISO strings 'YYYY-MM-DD' (Gregorian), with no time and no time zone.
 *
 * Everything here works on a day number (days since 1970-01-01) computed with Date.UTC, never with
 * local-time Date methods, so the answers are the same whatever TZ the process runs in. A date is a
 * day on the Thai calendar; it never becomes an instant that could slide into the neighbouring day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
// Date.UTC reads years 0–99 as 1900–1999; shifting by 400 years (exactly 146097 days, a whole
// Gregorian cycle) sidesteps that without changing the weekday or leap-year pattern.
const DAYS_PER_400_YEARS = 146_097;

const MONTH_NAMES_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Leap years on the Gregorian (CE) year: a BE year must be converted first (BE 2567 = CE 2024 is leap). */
export function isLeapYear(yearCe: number): boolean {
  return (yearCe % 4 === 0 && yearCe % 100 !== 0) || yearCe % 400 === 0;
}

export function daysInMonth(yearCe: number, month: number): number {
  if (month === 2) return isLeapYear(yearCe) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** English month name for messages, e.g. monthNameEn(2) === 'February'. */
export function monthNameEn(month: number): string {
  const name = MONTH_NAMES_EN[month - 1];
  if (!name) throw new RangeError(`there is no month ${month}`);
  return name;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(month) || !Number.isInteger(day)) return false;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True when s is a 'YYYY-MM-DD' string naming a day that exists (no 2025-02-29). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const match = ISO_DATE.exec(s);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Builds 'YYYY-MM-DD' from CE year, month and day; RangeError when that day does not exist. */
export function toIsoDate(yearCe: number, month: number, day: number): string {
  if (!Number.isInteger(yearCe) || yearCe < 0 || yearCe > 9999 || !isRealDate(yearCe, month, day)) {
    throw new RangeError(`${yearCe}-${month}-${day} is not a real date`);
  }
  return `${String(yearCe).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (negative before it); RangeError for anything but a real ISO date. */
export function isoToDayNumber(iso: string): number {
  const match = ISO_DATE.exec(iso);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || !isRealDate(year, month, day)) {
    throw new RangeError(`"${iso}" is not an ISO date (YYYY-MM-DD)`);
  }
  if (year < 100) return Date.UTC(year + 400, month - 1, day) / MS_PER_DAY - DAYS_PER_400_YEARS;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function dayNumberToIso(dayNumber: number): string {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`day number must be whole, got ${dayNumber}`);
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = date.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) throw new RangeError(`day number ${dayNumber} is outside years 0000–9999`);
  return toIsoDate(year, date.getUTCMonth() + 1, date.getUTCDate());
}

/** Weekday of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayNumberWeekday(dayNumber: number): Weekday {
  return ((((dayNumber + 4) % 7) + 7) % 7) as Weekday;
}

export function addDays(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  return dayNumberToIso(isoToDayNumber(iso) + n);
}

/** b − a in days: daysBetween('2025-09-14', '2025-09-15') === 1. */
export function daysBetween(a: string, b: string): number {
  return isoToDayNumber(b) - isoToDayNumber(a);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: string): Weekday {
  return dayNumberWeekday(isoToDayNumber(iso));
}

/** Every day from start to end, both included; nothing when end is before start. */
export function* eachDay(start: string, end: string): Generator<string> {
  const last = isoToDayNumber(end);
  for (let day = isoToDayNumber(start); day <= last; day++) yield dayNumberToIso(day);
}

export function compareIso(a: string, b: string): -1 | 0 | 1 {
  const diff = daysBetween(b, a);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}
