import { fiscalYearRange } from '../../common/fiscal-year';
import type { WorkingDayCalendar } from '../../common/working-days';
import type { DateWindow } from '../planning-settings.schema';

/**
 * The working days of one fiscal year, numbered 0…n−1, and which of them fall in a blackout window. An
 * engagement occupies a run of consecutive working days (weekends and holidays between them are not
 * worked and do not count).
 */
export class PlanDays {
  readonly days: readonly string[];
  private readonly indexByDate = new Map<string, number>();
  /** blackedOut[i] is 1 when day i is in a blackout window; prefix sums make "any in a run" O(1). */
  private readonly blackoutPrefix: Int32Array;

  constructor(fiscalYear: number, calendar: WorkingDayCalendar, readonly blackouts: readonly DateWindow[]) {
    const { start, end } = fiscalYearRange(fiscalYear);
    this.days = calendar.workingDaysIn(start, end);
    this.days.forEach((d, i) => this.indexByDate.set(d, i));
    this.blackoutPrefix = new Int32Array(this.days.length + 1);
    this.days.forEach((d, i) => {
      this.blackoutPrefix[i + 1] = this.blackoutPrefix[i] + (this.blackoutOn(d) ? 1 : 0);
    });
  }

  get count(): number {
    return this.days.length;
  }

  /** The index of a working day of the year, or undefined for another date. */
  indexOf(date: string): number | undefined {
    return this.indexByDate.get(date);
  }

  /** The first working day on or after a date (its index; `count` when none is left). */
  firstIndexOnOrAfter(date: string): number {
    let low = 0;
    let high = this.days.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.days[mid] < date) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Whether any of the `length` working days from index `from` is in a blackout window. */
  touchesBlackout(from: number, length: number): boolean {
    return this.blackoutPrefix[from + length] - this.blackoutPrefix[from] > 0;
  }

  blackoutOn(date: string): DateWindow | undefined {
    return this.blackouts.find((w) => date >= w.from && date <= w.to);
  }
}
