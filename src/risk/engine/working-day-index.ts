import type { PoolClient } from 'pg';
import type { WorkingDayCalendar } from '../../common/working-days';
import { eachDay } from '../../common/iso-date';

/**
 * Working-day arithmetic for rule queries, from the service's one calendar (src/common/working-days.ts): a
 * temporary table `working_day_index (day, n)` where n counts the working days up to and including `day`.
 * The working days d with a < d ≤ b (rules-catalogue.md conventions) are `b.n − a.n`, joined on both dates, so
 * SQL never re-implements weekends and holidays. Dates outside the indexed years join nothing (null), which
 * rules report as not calculable.
 */
export async function createWorkingDayIndex(client: PoolClient, calendar: WorkingDayCalendar, fromYearCe: number, toYearCe: number): Promise<void> {
  const { days, counts } = numbering(calendar, fromYearCe, toYearCe);
  await client.query(`create temporary table working_day_index (day date primary key, n int not null) on commit drop`);
  await client.query(`insert into working_day_index select * from unnest($1::date[], $2::int[])`, [days, counts]);
  await client.query(`analyze working_day_index`);
}

/** Each day of the years with the count of working days up to it; kept per calendar, as every rule of a run needs it. */
const numberings = new WeakMap<WorkingDayCalendar, Map<string, { days: string[]; counts: number[] }>>();

function numbering(calendar: WorkingDayCalendar, fromYearCe: number, toYearCe: number): { days: string[]; counts: number[] } {
  const byRange = numberings.get(calendar) ?? new Map<string, { days: string[]; counts: number[] }>();
  numberings.set(calendar, byRange);
  const key = `${fromYearCe}-${toYearCe}`;
  let result = byRange.get(key);
  if (!result) {
    result = { days: [], counts: [] };
    let count = 0;
    for (const iso of eachDay(`${fromYearCe}-01-01`, `${toYearCe}-12-31`)) {
      if (calendar.isWorkingDay(iso)) count++;
      result.days.push(iso);
      result.counts.push(count);
    }
    byRange.set(key, result);
  }
  return result;
}
