import { dayOfWeek } from './iso-date';
import {
  CURATED_HOLIDAY_RANGE,
  CURATED_HOLIDAY_YEARS,
  curatedThaiHolidays,
  mergeHolidaysByDate,
  substitutionDays,
  type Holiday,
} from './thai-holidays';

const holidays = curatedThaiHolidays();
const byDate = new Map(holidays.map((h) => [h.date, h]));
const datesOf = (kind: Holiday['kind']): string[] => holidays.filter((h) => h.kind === kind).map((h) => h.date);

describe('curatedThaiHolidays', () => {
  it('covers FY2567 to the end of CE 2027', () => {
    expect(CURATED_HOLIDAY_YEARS).toEqual({ from: 2024, to: 2027 });
    expect(holidays[0]!.date >= CURATED_HOLIDAY_RANGE.start).toBe(true);
    expect(holidays.at(-1)!.date <= CURATED_HOLIDAY_RANGE.end).toBe(true);
    expect(byDate.get('2023-10-13')?.name).toBe('วันนวมินทรมหาราช');
    expect(byDate.has('2023-09-30')).toBe(false);
  });

  it('is sorted by date with no duplicate dates', () => {
    const dates = holidays.map((h) => h.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('holds every fixed day in every year, with Thai names', () => {
    const fixed = ['01-01', '04-06', '04-13', '04-14', '04-15', '05-04', '06-03', '07-28', '08-12', '10-13', '10-23', '12-05', '12-10', '12-31'];
    for (let year = 2024; year <= 2027; year++) {
      for (const monthDay of fixed) {
        const holiday = byDate.get(`${year}-${monthDay}`);
        expect(holiday?.kind).toBe('public');
        expect(holiday?.name).toMatch(/^วัน/);
      }
    }
    expect(byDate.get('2025-04-13')?.name).toBe('วันสงกรานต์');
    expect(byDate.get('2025-12-10')?.name).toBe('วันรัฐธรรมนูญ');
  });

  it('holds the lunar days, with Khao Phansa the day after Asarnha Bucha', () => {
    const lunar: Array<[string, string]> = [
      ['2024-02-24', 'วันมาฆบูชา'], ['2024-05-22', 'วันวิสาขบูชา'], ['2024-07-20', 'วันอาสาฬหบูชา'], ['2024-07-21', 'วันเข้าพรรษา'],
      ['2025-02-12', 'วันมาฆบูชา'], ['2025-05-11', 'วันวิสาขบูชา'], ['2025-07-10', 'วันอาสาฬหบูชา'], ['2025-07-11', 'วันเข้าพรรษา'],
      ['2026-03-03', 'วันมาฆบูชา'], ['2026-05-31', 'วันวิสาขบูชา'], ['2026-07-29', 'วันอาสาฬหบูชา'], ['2026-07-30', 'วันเข้าพรรษา'],
      ['2027-02-21', 'วันมาฆบูชา'], ['2027-05-20', 'วันวิสาขบูชา'], ['2027-07-18', 'วันอาสาฬหบูชา'], ['2027-07-19', 'วันเข้าพรรษา'],
    ];
    for (const [date, name] of lunar) expect(byDate.get(date)).toMatchObject({ name, kind: 'public' });
  });

  it('gives the substitution days the government announced for 2024 and 2025', () => {
    const announced = [
      '2024-02-26', // Makha Bucha, Sat 24 Feb
      '2024-04-08', // Chakri, Sat 6 Apr
      '2024-04-16', // Songkran, Sat 13 and Sun 14 Apr: one day only
      '2024-05-06', // Coronation, Sat 4 May
      '2024-07-22', // Asarnha Bucha Sat 20 and Khao Phansa Sun 21 Jul: one day only
      '2024-07-29', // King's Birthday, Sun 28 Jul
      '2024-10-14', // Navaminda Day, Sun 13 Oct
      '2025-04-07', // Chakri, Sun 6 Apr
      '2025-04-16', // Songkran, Sun 13 Apr
      '2025-05-05', // Coronation, Sun 4 May
      '2025-05-12', // Visakha Bucha, Sun 11 May
    ];
    const substitutions = datesOf('substitution');
    for (const date of announced) expect(substitutions).toContain(date);
    expect(byDate.get('2024-04-16')?.name).toBe('วันหยุดชดเชยวันสงกรานต์');
    expect(byDate.get('2024-07-22')?.name).toBe('วันหยุดชดเชยวันอาสาฬหบูชา');
    expect(byDate.get('2024-07-22')?.nameEn).toBe('Substitution for Asarnha Bucha Day');
    // Not days off: a second Songkran substitution, a Khao Phansa substitution, or 2 Jan 2024 (moved to 29 Dec 2023).
    expect(byDate.has('2024-04-17')).toBe(false);
    expect(byDate.has('2024-07-23')).toBe(false);
    expect(byDate.has('2024-01-02')).toBe(false);
    expect(byDate.get('2023-12-29')?.kind).toBe('cabinet');
    expect(byDate.get('2023-12-11')?.name).toBe('วันหยุดชดเชยวันรัฐธรรมนูญ');
  });

  it('computes the substitution days for 2026 and 2027 by the same rule', () => {
    expect(datesOf('substitution').filter((d) => d >= '2026-01-01')).toEqual([
      '2026-06-01', // Visakha Bucha, Sun 31 May
      '2026-12-07', // 5 December, Saturday
      '2027-02-22', // Makha Bucha, Sun 21 Feb
      '2027-07-20', // Asarnha Bucha Sun 18 Jul; Mon 19 is Khao Phansa
      '2027-10-25', // Chulalongkorn Day, Sat 23 Oct
      '2027-12-06', // 5 December, Sunday
    ]);
  });

  it('puts every substitution day on a weekday that is otherwise a working day', () => {
    for (const date of datesOf('substitution')) {
      expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(date));
      expect(byDate.get(date)?.name).toMatch(/^วันหยุดชดเชย/);
    }
  });

  it('includes the verified cabinet and government days', () => {
    expect(byDate.get('2024-04-12')?.kind).toBe('cabinet');
    expect(byDate.get('2026-01-02')?.kind).toBe('cabinet');
    expect(byDate.get('2024-05-10')).toMatchObject({ name: 'วันพืชมงคล', kind: 'government' });
    expect(byDate.get('2025-05-09')).toMatchObject({ name: 'วันพืชมงคล', kind: 'government' });
  });

  it('returns fresh objects so callers cannot corrupt the table', () => {
    const first = curatedThaiHolidays();
    first[0]!.name = 'changed';
    first.pop();
    expect(curatedThaiHolidays()[0]!.name).not.toBe('changed');
    expect(curatedThaiHolidays()).toHaveLength(holidays.length);
  });
});

describe('mergeHolidaysByDate', () => {
  it('joins the names of holidays that share a date and keeps the strongest kind', () => {
    const merged = mergeHolidaysByDate([
      { date: '2023-06-03', name: 'วันวิสาขบูชา', nameEn: 'Visakha Bucha Day', kind: 'public' },
      { date: '2023-06-01', name: 'A', kind: 'cabinet' },
      { date: '2023-06-03', name: 'วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าฯ พระบรมราชินี', kind: 'public' },
      { date: '2023-06-01', name: 'A', kind: 'public' },
    ]);
    expect(merged).toEqual([
      { date: '2023-06-01', name: 'A', kind: 'public' },
      {
        date: '2023-06-03',
        name: 'วันวิสาขบูชา / วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าฯ พระบรมราชินี',
        nameEn: 'Visakha Bucha Day',
        kind: 'public',
      },
    ]);
  });
});

describe('substitutionDays', () => {
  const day = (date: string, name = 'X'): Holiday => ({ date, name, kind: 'public' });

  it('gives one day for two holidays on the same Saturday (3 June 2023)', () => {
    const subs = substitutionDays([day('2023-06-03', 'A'), day('2023-06-03', 'B')], []);
    expect(subs).toEqual([{ date: '2023-06-05', name: 'วันหยุดชดเชยA / B', kind: 'substitution' }]);
  });

  it('gives one day for a weekend run spanning the new year (31 Dec 2022 – 1 Jan 2023)', () => {
    expect(substitutionDays([day('2022-12-31'), day('2023-01-01')], []).map((s) => s.date)).toEqual(['2023-01-02']);
  });

  it('skips declared days off and holidays after the weekend', () => {
    // Sat 6 Apr 2024 would move to Mon 8, which is declared off here, so Tue 9.
    const subs = substitutionDays([day('2024-04-06'), day('2024-04-13'), day('2024-04-14'), day('2024-04-15')], ['2024-04-08']);
    expect(subs.map((s) => s.date)).toEqual(['2024-04-09', '2024-04-16']);
    // Sat 5 Dec 2026 with a holiday on Mon 7: the substitution goes to Tue 8.
    expect(substitutionDays([day('2026-12-05'), day('2026-12-07')], []).map((s) => s.date)).toEqual(['2026-12-08']);
  });

  it('never gives two runs the same substitution day', () => {
    // Sun 1 Mar and Sat 7 Mar are separate runs; with Mon 2 – Fri 6 all off, both want Mon 9.
    const weekdaysOff = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];
    const subs = substitutionDays([day('2026-03-01'), day('2026-03-07')], weekdaysOff);
    expect(subs.map((s) => s.date)).toEqual(['2026-03-09', '2026-03-10']);
  });

  it('gives nothing for holidays on weekdays', () => {
    expect(substitutionDays([day('2025-07-10'), day('2025-07-11')], [])).toEqual([]);
  });
});
