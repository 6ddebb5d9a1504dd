import { Inject, Injectable } from '@nestjs/common';
import { SqlDatabase } from '../database/sql-database';
import { ImportEvents } from '../imports/import-events';
import { curatedThaiHolidays, Holiday } from '../common/thai-holidays';
import { curatedCalendar, WorkingDayCalendar } from '../common/working-days';

export interface CalendarDay extends Holiday {
  /** 'curated' from the shipped table, 'table' from the administrators' `holidays` table. */
  origin: 'curated' | 'table';
}

/**
 * The one working-day calendar of the service: the curated Thai table plus the administrators'
 * `holidays` table. Built once and rebuilt when that table changes.
 */
@Injectable()
export class WorkingCalendarService {
  private cached?: Promise<WorkingDayCalendar>;

  constructor(
    @Inject(SqlDatabase) private readonly sql: SqlDatabase,
    events: ImportEvents,
  ) {
    events.written.subscribe((batch) => {
      if (batch.source === 'holidays') this.invalidate();
    });
  }

  calendar(): Promise<WorkingDayCalendar> {
    this.cached ??= this.extraDays().then((extra) => curatedCalendar(extra));
    return this.cached;
  }

  /** Call after the holidays table changes. */
  invalidate(): void {
    this.cached = undefined;
  }

  /** Every day off in a CE year, both origins, by date. A date in both shows the table's entry. */
  async daysOff(yearCe: number): Promise<CalendarDay[]> {
    const inYear = (d: { date: string }) => d.date.startsWith(`${yearCe}-`);
    const table = (await this.extraDays()).filter(inYear).map((d) => ({ ...d, origin: 'table' as const }));
    const tableDates = new Set(table.map((d) => d.date));
    const curated = curatedThaiHolidays()
      .filter((d) => inYear(d) && !tableDates.has(d.date))
      .map((d) => ({ ...d, origin: 'curated' as const }));
    return [...curated, ...table].sort((a, b) => a.date.localeCompare(b.date));
  }

  private extraDays(): Promise<Holiday[]> {
    return this.sql.query<Holiday>(`select to_char(date, 'YYYY-MM-DD') as date, name, kind from holidays order by date`);
  }
}
