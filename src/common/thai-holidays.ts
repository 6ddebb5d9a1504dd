import { addDays, dayNumberToIso, dayNumberWeekday, isoToDayNumber, toIsoDate } from './iso-date';

/*
 * The curated table of Thai government days off, CE 2024–2027 plus October–December 2023 so that
 * FY2567 (2023-10-01 … 2024-09-30) through FY2570 are whole. It exists because the npm package
 * `date-holidays` has wrong lunar dates and knows neither substitution days nor government-only days.
 * Administrators add and correct days through the `holidays` table (kinds public, substitution,
 * cabinet, government); curatedCalendar() in working-days.ts combines both.
 */

export type HolidayKind = 'public' | 'substitution' | 'cabinet' | 'government';

export interface Holiday {
  date: string;
  name: string;
  nameEn?: string;
  kind: HolidayKind;
}

/** Whole CE years the table covers (it also holds Oct–Dec 2023, the start of FY2567). */
export const CURATED_HOLIDAY_YEARS = { from: 2024, to: 2027 } as const;
/** First and last day the table speaks for: FY2567 begins 2023-10-01. */
export const CURATED_HOLIDAY_RANGE = { start: '2023-10-01', end: '2027-12-31' } as const;

interface NamedDay {
  name: string;
  nameEn: string;
}

// Annual government holidays on fixed dates (Cabinet resolutions; see domain.md).
const FIXED_DAYS: ReadonlyArray<NamedDay & { month: number; day: number }> = [
  { month: 1, day: 1, name: 'วันขึ้นปีใหม่', nameEn: "New Year's Day" },
  { month: 4, day: 6, name: 'วันจักรี', nameEn: 'Chakri Memorial Day' },
  { month: 4, day: 13, name: 'วันสงกรานต์', nameEn: 'Songkran Festival' },
  { month: 4, day: 14, name: 'วันสงกรานต์', nameEn: 'Songkran Festival' },
  { month: 4, day: 15, name: 'วันสงกรานต์', nameEn: 'Songkran Festival' },
  { month: 5, day: 4, name: 'วันฉัตรมงคล', nameEn: 'Coronation Day' },
  {
    month: 6, day: 3,
    name: 'วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าฯ พระบรมราชินี',
    nameEn: "H.M. Queen Suthida's Birthday",
  },
  {
    month: 7, day: 28,
    name: 'วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว',
    nameEn: "H.M. King Maha Vajiralongkorn's Birthday",
  },
  {
    month: 8, day: 12,
    name: 'วันเฉลิมพระชนมพรรษาสมเด็จพระบรมราชชนนีพันปีหลวง และวันแม่แห่งชาติ',
    nameEn: "H.M. Queen Sirikit The Queen Mother's Birthday and National Mother's Day",
  },
  { month: 10, day: 13, name: 'วันนวมินทรมหาราช', nameEn: 'King Bhumibol Adulyadej The Great Memorial Day' },
  { month: 10, day: 23, name: 'วันปิยมหาราช', nameEn: 'Chulalongkorn Memorial Day' },
  {
    month: 12, day: 5,
    name: 'วันคล้ายวันพระบรมราชสมภพ พระบาทสมเด็จพระบรมชนกาธิเบศร มหาภูมิพลอดุลยเดชมหาราช บรมนาถบพิตร วันชาติ และวันพ่อแห่งชาติ',
    nameEn: "King Bhumibol Adulyadej The Great's Birthday, National Day and National Father's Day",
  },
  { month: 12, day: 10, name: 'วันรัฐธรรมนูญ', nameEn: 'Constitution Day' },
  { month: 12, day: 31, name: 'วันสิ้นปี', nameEn: "New Year's Eve" },
];

const MAKHA_BUCHA: NamedDay = { name: 'วันมาฆบูชา', nameEn: 'Makha Bucha Day' };
const VISAKHA_BUCHA: NamedDay = { name: 'วันวิสาขบูชา', nameEn: 'Visakha Bucha Day' };
const ASARNHA_BUCHA: NamedDay = { name: 'วันอาสาฬหบูชา', nameEn: 'Asarnha Bucha Day' };
const KHAO_PHANSA: NamedDay = { name: 'วันเข้าพรรษา', nameEn: 'Buddhist Lent Day (Khao Phansa)' };

/*
 * Buddhist holidays follow the Thai lunar calendar and move every year. 2024–2026 are from domain.md.
 * 2027 (Makha Bucha 21 Feb, Visakha Bucha 20 May, Asarnha Bucha 18 Jul) comes from the Thai
 * government's announced calendar; lunar dates are occasionally revised (an extra lunar month or
 * day), so administrators correct any day through the `holidays` table. Khao Phansa is always the
 * day after Asarnha Bucha.
 */
const LUNAR_DAYS: Readonly<Record<number, { makha: string; visakha: string; asarnha: string }>> = {
  2024: { makha: '2024-02-24', visakha: '2024-05-22', asarnha: '2024-07-20' },
  2025: { makha: '2025-02-12', visakha: '2025-05-11', asarnha: '2025-07-10' },
  2026: { makha: '2026-03-03', visakha: '2026-05-31', asarnha: '2026-07-29' },
  2027: { makha: '2027-02-21', visakha: '2027-05-20', asarnha: '2027-07-18' },
};

/*
 * Days off that are not annual holidays, each checked against published government calendars. Days
 * announced later (and Royal Ploughing Ceremony days from 2026, which the Royal Household sets each
 * year) are for administrators to add through the `holidays` table.
 */
const DECLARED_DAYS: readonly Holiday[] = [
  {
    date: '2023-12-29',
    name: 'วันหยุดราชการเพิ่มเป็นกรณีพิเศษ (เลื่อนวันหยุดชดเชยวันสิ้นปีจากวันที่ 2 มกราคม 2567)',
    nameEn: "Special holiday (Cabinet moved the New Year's Eve substitution day here from 2 January 2024)",
    kind: 'cabinet',
  },
  {
    date: '2024-04-12',
    name: 'วันหยุดราชการเพิ่มเป็นกรณีพิเศษ (เทศกาลสงกรานต์)',
    nameEn: 'Special holiday for Songkran (Cabinet resolution of 13 February 2024)',
    kind: 'cabinet',
  },
  { date: '2024-05-10', name: 'วันพืชมงคล', nameEn: 'Royal Ploughing Ceremony Day', kind: 'government' },
  { date: '2025-05-09', name: 'วันพืชมงคล', nameEn: 'Royal Ploughing Ceremony Day', kind: 'government' },
  {
    date: '2026-01-02',
    name: 'วันหยุดราชการเพิ่มเป็นกรณีพิเศษ (เทศกาลปีใหม่)',
    nameEn: 'Special holiday for the New Year (Cabinet resolution)',
    kind: 'cabinet',
  },
];

/** Computed substitution days the Cabinet cancelled because it moved them (see DECLARED_DAYS). */
const CANCELLED_SUBSTITUTIONS: ReadonlySet<string> = new Set(['2024-01-02']);

function annualHolidays(): Holiday[] {
  const days: Holiday[] = [];
  for (let year = CURATED_HOLIDAY_YEARS.from - 1; year <= CURATED_HOLIDAY_YEARS.to; year++) {
    for (const fixed of FIXED_DAYS) {
      days.push({ date: toIsoDate(year, fixed.month, fixed.day), name: fixed.name, nameEn: fixed.nameEn, kind: 'public' });
    }
    const lunar = LUNAR_DAYS[year];
    if (lunar) {
      days.push({ date: lunar.makha, ...MAKHA_BUCHA, kind: 'public' });
      days.push({ date: lunar.visakha, ...VISAKHA_BUCHA, kind: 'public' });
      days.push({ date: lunar.asarnha, ...ASARNHA_BUCHA, kind: 'public' });
      days.push({ date: addDays(lunar.asarnha, 1), ...KHAO_PHANSA, kind: 'public' });
    }
  }
  return days;
}

const KIND_PRIORITY: readonly HolidayKind[] = ['public', 'substitution', 'government', 'cabinet'];

function joinNames(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || a === b) return b ?? a;
  return b === undefined ? a : `${a} / ${b}`;
}

/** One entry per date, sorted; holidays sharing a date have their names joined. */
export function mergeHolidaysByDate(holidays: Iterable<Holiday>): Holiday[] {
  const byDate = new Map<string, Holiday>();
  for (const holiday of holidays) {
    const seen = byDate.get(holiday.date);
    if (!seen) {
      byDate.set(holiday.date, { ...holiday });
      continue;
    }
    seen.name = joinNames(seen.name, holiday.name)!;
    const nameEn = joinNames(seen.nameEn, holiday.nameEn);
    if (nameEn !== undefined) seen.nameEn = nameEn;
    if (KIND_PRIORITY.indexOf(holiday.kind) < KIND_PRIORITY.indexOf(seen.kind)) seen.kind = holiday.kind;
  }
  return [...byDate.values()].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

function isWeekend(dayNumber: number): boolean {
  const weekday = dayNumberWeekday(dayNumber);
  return weekday === 0 || weekday === 6;
}

/**
 * Substitution days (วันหยุดชดเชย) by the Cabinet rule of 1 May 2001 and 3 February 2004: an annual
 * holiday on a Saturday or Sunday moves to the next working day, but a run of consecutive holidays
 * gets at most one substitution day. That is how the government applied it: Asarnha Bucha (Sat
 * 8 Jul 2017) and Khao Phansa (Sun 9 Jul) gave only Monday 10 July; Songkran 2024 (Sat 13, Sun 14,
 * Mon 15 April) gave only Tuesday 16 April; 31 Dec 2022 and 1 Jan 2023 gave only 2 January.
 * The substitution day is the first day after the run that is not a weekend, a holiday, a declared
 * day off or a substitution day already given.
 */
export function substitutionDays(annual: readonly Holiday[], otherDaysOff: Iterable<string>): Holiday[] {
  const merged = mergeHolidaysByDate(annual);
  const taken = new Set<number>([...merged.map((h) => isoToDayNumber(h.date)), ...[...otherDaysOff].map(isoToDayNumber)]);
  const substitutions: Holiday[] = [];
  let i = 0;
  while (i < merged.length) {
    // A run: holidays on consecutive calendar days.
    let end = i;
    while (end + 1 < merged.length && isoToDayNumber(merged[end + 1]!.date) === isoToDayNumber(merged[end]!.date) + 1) end++;
    const onWeekend = merged.slice(i, end + 1).find((h) => isWeekend(isoToDayNumber(h.date)));
    if (onWeekend) {
      let day = isoToDayNumber(merged[end]!.date) + 1;
      while (isWeekend(day) || taken.has(day)) day++;
      taken.add(day);
      substitutions.push({
        date: dayNumberToIso(day),
        name: `วันหยุดชดเชย${onWeekend.name}`,
        ...(onWeekend.nameEn ? { nameEn: `Substitution for ${onWeekend.nameEn}` } : {}),
        kind: 'substitution',
      });
    }
    i = end + 1;
  }
  return substitutions;
}

let curated: readonly Holiday[] | undefined;

function buildCurated(): readonly Holiday[] {
  const annual = annualHolidays();
  const substitutions = substitutionDays(annual, DECLARED_DAYS.map((d) => d.date)).filter(
    (s) => !CANCELLED_SUBSTITUTIONS.has(s.date),
  );
  const all = mergeHolidaysByDate([...annual, ...substitutions, ...DECLARED_DAYS]);
  return all.filter((h) => h.date >= CURATED_HOLIDAY_RANGE.start && h.date <= CURATED_HOLIDAY_RANGE.end);
}

/** The curated days off, sorted by date, one entry per date. Returns fresh objects each call. */
export function curatedThaiHolidays(): Holiday[] {
  curated ??= buildCurated();
  return curated.map((h) => ({ ...h }));
}
