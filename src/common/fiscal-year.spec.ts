import fc from 'fast-check';
import { addDays, dayNumberToIso } from './iso-date';
import {
  assertFiscalYearBe,
  fiscalQuarterOf,
  fiscalQuarterRange,
  fiscalYearOf,
  fiscalYearRange,
  type FiscalQuarter,
} from './fiscal-year';

describe('fiscalYearOf', () => {
  it.each([
    ['2024-09-30', 2567],
    ['2024-10-01', 2568],
    ['2025-01-01', 2568],
    ['2025-09-30', 2568],
    ['2025-10-01', 2569],
    ['2024-02-29', 2567],
  ])('%s is in FY%d', (iso, fy) => {
    expect(fiscalYearOf(iso)).toBe(fy);
  });

  it('rejects non-ISO dates', () => {
    expect(() => fiscalYearOf('15/09/2568')).toThrow(RangeError);
  });
});

describe('fiscalQuarterOf', () => {
  it.each([
    ['2024-10-01', 1],
    ['2024-12-31', 1],
    ['2025-01-01', 2],
    ['2025-03-31', 2],
    ['2025-04-01', 3],
    ['2025-06-30', 3],
    ['2025-07-01', 4],
    ['2025-09-30', 4],
  ])('%s is in Q%d', (iso, quarter) => {
    expect(fiscalQuarterOf(iso)).toBe(quarter);
  });
});

describe('fiscalYearRange', () => {
  it('runs 1 October to 30 September, ending in the named BE year', () => {
    expect(fiscalYearRange(2568)).toEqual({ start: '2024-10-01', end: '2025-09-30' });
    expect(fiscalYearRange(2567)).toEqual({ start: '2023-10-01', end: '2024-09-30' });
  });

  it('rejects CE years with a hint, and nonsense years', () => {
    expect(() => fiscalYearRange(2025)).toThrow(RangeError);
    expect(() => fiscalYearRange(2025)).toThrow(/fiscal years are Buddhist Era.*2025 looks like a CE year: did you mean FY2568\?/);
    expect(() => fiscalYearRange(68)).toThrow('fiscal years are Buddhist Era');
    expect(() => fiscalYearRange(2499)).toThrow(RangeError);
    expect(() => fiscalYearRange(2701)).toThrow(RangeError);
    expect(() => fiscalYearRange(2568.5)).toThrow(RangeError);
    expect(() => assertFiscalYearBe(Number.NaN)).toThrow(RangeError);
    expect(() => assertFiscalYearBe(2500)).not.toThrow();
    expect(() => assertFiscalYearBe(2700)).not.toThrow();
  });
});

describe('fiscalQuarterRange', () => {
  it('gives the four quarters of FY2568', () => {
    expect(fiscalQuarterRange(2568, 1)).toEqual({ start: '2024-10-01', end: '2024-12-31' });
    expect(fiscalQuarterRange(2568, 2)).toEqual({ start: '2025-01-01', end: '2025-03-31' });
    expect(fiscalQuarterRange(2568, 3)).toEqual({ start: '2025-04-01', end: '2025-06-30' });
    expect(fiscalQuarterRange(2568, 4)).toEqual({ start: '2025-07-01', end: '2025-09-30' });
  });

  it('rejects bad quarters and CE years', () => {
    expect(() => fiscalQuarterRange(2568, 5 as FiscalQuarter)).toThrow(RangeError);
    expect(() => fiscalQuarterRange(2025, 1)).toThrow('Buddhist Era');
  });

  it('tiles the fiscal year without gaps or overlaps', () => {
    const quarters = ([1, 2, 3, 4] as const).map((q) => fiscalQuarterRange(2567, q));
    expect(quarters[0]!.start).toBe(fiscalYearRange(2567).start);
    expect(quarters[3]!.end).toBe(fiscalYearRange(2567).end);
    for (let i = 1; i < 4; i++) expect(quarters[i]!.start).toBe(addDays(quarters[i - 1]!.end, 1));
  });
});

it('every date lies inside the range of its own fiscal year and quarter (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: -4_000, max: 60_000 }), (day) => {
      const iso = dayNumberToIso(day);
      const fy = fiscalYearOf(iso);
      const year = fiscalYearRange(fy);
      const quarter = fiscalQuarterRange(fy, fiscalQuarterOf(iso));
      expect(year.start <= iso && iso <= year.end).toBe(true);
      expect(quarter.start <= iso && iso <= quarter.end).toBe(true);
    }),
  );
});
