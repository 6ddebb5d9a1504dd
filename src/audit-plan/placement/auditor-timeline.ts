import type { AuditorProfile } from './placement-types';
import type { PlanDays } from './plan-days';

/**
 * One auditor's year as the planner fills it: which working days are taken (by an engagement or an
 * absence) and how many of their available days are left. Prefix sums answer "free for these n days?"
 * in constant time, which keeps placing a thousand engagements among fifty auditors fast.
 */
export class AuditorTimeline {
  private readonly taken: Uint8Array;
  private prefix: Int32Array;
  remaining: number;

  constructor(
    readonly auditor: AuditorProfile,
    private readonly days: PlanDays,
  ) {
    this.taken = new Uint8Array(days.count);
    for (const range of auditor.unavailable) {
      for (let i = days.firstIndexOnOrAfter(range.from); i < days.count && days.days[i] <= range.to; i++) this.taken[i] = 1;
    }
    this.prefix = this.sums();
    this.remaining = auditor.availableDays ?? days.count;
  }

  /** Free on every one of the `length` working days from `from`, with that many available days left. */
  canTake(from: number, length: number): boolean {
    return this.remaining >= length && this.prefix[from + length] - this.prefix[from] === 0;
  }

  take(from: number, length: number): void {
    this.taken.fill(1, from, from + length);
    this.remaining -= length;
    this.prefix = this.sums();
  }

  private sums(): Int32Array {
    const prefix = new Int32Array(this.taken.length + 1);
    for (let i = 0; i < this.taken.length; i++) prefix[i + 1] = prefix[i] + this.taken[i];
    return prefix;
  }
}
