import { dayNumberToIso, dayNumberWeekday, isoToDayNumber } from './iso-date';
import { curatedThaiHolidays, type Holiday } from './thai-holidays';

/*
 * Working days for deadlines such as "7 working days after the winner is announced". A working day
 * is Monday–Friday and not a holiday. Counting follows the rules catalogue: the working days from A
 * to B are the working days d with A < d ≤ B.
 *
 * Rules call workingDaysBetween once per contract, so it must be cheap: it counts weekdays with
 * arithmetic and weekday holidays with a binary search over a sorted array, O(log holidays) per call
 * with no per-day loop, whatever the distance between the dates.
 */

export type HolidayEntry = Pick<Holiday, 'date' | 'name'>;

// A Monday (1970-01-05) anchors the weekday arithmetic; any Monday would do.
const MONDAY_DAY_NUMBER = 4;

/** Weekdays (Mon–Fri) in [MONDAY, dayNumber): a running total whose differences count weekdays. */
function weekdaysBefore(dayNumber: number): number {
  const offset = dayNumber - MONDAY_DAY_NUMBER;
  const weeks = Math.floor(offset / 7);
  return weeks * 5 + Math.min(offset - weeks * 7, 5);
}

/** How many entries of the sorted array are ≤ value. */
function countAtMost(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function isWeekendDay(dayNumber: number): boolean {
  const weekday = dayNumberWeekday(dayNumber);
  return weekday === 0 || weekday === 6;
}

export class WorkingDayCalendar {
  /** Holiday name by day number; names of holidays sharing a date are joined. */
  private readonly names = new Map<number, string>();
  /** Day numbers of holidays that fall on a weekday, sorted: only these reduce a weekday count. */
  private readonly weekdayHolidays: number[];

  constructor(holidays: Iterable<HolidayEntry>) {
    for (const { date, name } of holidays) {
      const day = isoToDayNumber(date); // RangeError for a malformed date: better now than a silent miscount
      const seen = this.names.get(day);
      this.names.set(day, seen === undefined || seen === name ? name : `${seen} / ${name}`);
    }
    this.weekdayHolidays = [...this.names.keys()].filter((day) => !isWeekendDay(day)).sort((a, b) => a - b);
  }

  isWorkingDay(iso: string): boolean {
    return this.isWorkingDayNumber(isoToDayNumber(iso));
  }

  /** The holiday's name, or undefined when the date is not a holiday (an ordinary weekend included). */
  holidayOn(iso: string): string | undefined {
    return this.names.get(isoToDayNumber(iso));
  }

  /**
   * Working days d with a < d ≤ b. 0 when a = b; negative when b < a (minus the working days
   * d with b < d ≤ a), so workingDaysBetween(a, b) === -workingDaysBetween(b, a).
   */
  workingDaysBetween(a: string, b: string): number {
    const from = isoToDayNumber(a);
    const to = isoToDayNumber(b);
    const weekdays = weekdaysBefore(to + 1) - weekdaysBefore(from + 1);
    const holidays = countAtMost(this.weekdayHolidays, to) - countAtMost(this.weekdayHolidays, from);
    return weekdays - holidays;
  }

  /**
   * n > 0: the n-th working day after iso (so workingDaysBetween(iso, result) === n);
   * n < 0: the |n|-th working day before iso; n = 0: iso itself, working day or not.
   */
  addWorkingDays(iso: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays needs a whole number of days, got ${n}`);
    let day = isoToDayNumber(iso);
    const step = Math.sign(n);
    for (let remaining = Math.abs(n); remaining > 0; ) {
      day += step;
      if (this.isWorkingDayNumber(day)) remaining--;
    }
    return dayNumberToIso(day);
  }

  nextWorkingDayOnOrAfter(iso: string): string {
    let day = isoToDayNumber(iso);
    while (!this.isWorkingDayNumber(day)) day++;
    return dayNumberToIso(day);
  }

  /** The working days from start to end, both included; empty when end is before start. */
  workingDaysIn(start: string, end: string): string[] {
    const days: string[] = [];
    const last = isoToDayNumber(end);
    for (let day = isoToDayNumber(start); day <= last; day++) {
      if (this.isWorkingDayNumber(day)) days.push(dayNumberToIso(day));
    }
    return days;
  }

  private isWorkingDayNumber(day: number): boolean {
    return !isWeekendDay(day) && !this.names.has(day);
  }
}

let curatedOnly: WorkingDayCalendar | undefined;

/**
 * The calendar of the curated Thai holidays plus extra days off (the administrators' `holidays`
 * table: Cabinet and government days, corrections). Without extras the calendar is built once and shared.
 */
export function curatedCalendar(extra?: Iterable<HolidayEntry>): WorkingDayCalendar {
  if (extra === undefined) {
    curatedOnly ??= new WorkingDayCalendar(curatedThaiHolidays());
    return curatedOnly;
  }
  return new WorkingDayCalendar([...curatedThaiHolidays(), ...extra]);
}
