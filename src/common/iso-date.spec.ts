import fc from 'fast-check';
import {
  addDays,
  compareIso,
  dayNumberToIso,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  eachDay,
  isIsoDate,
  isLeapYear,
  isoToDayNumber,
  monthNameEn,
  toIsoDate,
} from './iso-date';

describe('isLeapYear and daysInMonth', () => {
  it('follows the Gregorian rule on CE years', () => {
    expect(isLeapYear(2024)).toBe(true); // BE 2567
    expect(isLeapYear(2025)).toBe(false); // BE 2568
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
  });

  it('gives month lengths', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });

  it('names months in English for messages', () => {
    expect(monthNameEn(2)).toBe('February');
    expect(() => monthNameEn(13)).toThrow(RangeError);
  });
});

describe('isIsoDate', () => {
  it.each(['2025-09-15', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])('accepts %s', (s) => {
    expect(isIsoDate(s)).toBe(true);
  });

  it.each(['2025-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-9-15', '2025-09-15T00:00', ' 2025-09-15', '', 20250915, null])(
    'rejects %j',
    (s) => {
      expect(isIsoDate(s)).toBe(false);
    },
  );
});

describe('toIsoDate', () => {
  it('pads and validates', () => {
    expect(toIsoDate(2025, 9, 5)).toBe('2025-09-05');
    expect(() => toIsoDate(2025, 2, 29)).toThrow(RangeError);
    expect(() => toIsoDate(2025, 2, 1.5)).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it('maps the epoch and back', () => {
    expect(isoToDayNumber('1970-01-01')).toBe(0);
    expect(isoToDayNumber('1969-12-31')).toBe(-1);
    expect(dayNumberToIso(20_346)).toBe('2025-09-15');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-09-30', 1)).toBe('2025-10-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-09-15', 0)).toBe('2025-09-15');
    expect(() => addDays('2025-09-15', 0.5)).toThrow(RangeError);
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });

  it('handles years below 100 that Date.UTC would read as 19xx', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(daysBetween('0001-01-01', '0401-01-01')).toBe(146_097);
  });

  it('counts days as b − a', () => {
    expect(daysBetween('2025-09-14', '2025-09-15')).toBe(1);
    expect(daysBetween('2025-09-15', '2025-09-14')).toBe(-1);
    expect(daysBetween('2024-10-01', '2025-09-30')).toBe(364);
    expect(daysBetween('2023-10-01', '2024-09-30')).toBe(365); // FY2567 holds 29 Feb 2024
  });

  it('gives weekdays with 0 = Sunday', () => {
    expect(dayOfWeek('2025-09-15')).toBe(1); // Monday
    expect(dayOfWeek('2024-04-13')).toBe(6); // Saturday
    expect(dayOfWeek('2025-04-13')).toBe(0); // Sunday
    expect(dayOfWeek('1969-12-28')).toBe(0); // before the epoch
  });

  it('agrees with addDays/daysBetween round trips (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), fc.integer({ min: -5000, max: 5000 }), (day, n) => {
        const iso = dayNumberToIso(day);
        expect(isIsoDate(iso)).toBe(true);
        expect(daysBetween(iso, addDays(iso, n))).toBe(n);
      }),
    );
  });
});

describe('eachDay', () => {
  it('includes both ends', () => {
    expect([...eachDay('2024-02-27', '2024-03-01')]).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
  });

  it('gives one day when start equals end and none when end is earlier', () => {
    expect([...eachDay('2025-09-15', '2025-09-15')]).toEqual(['2025-09-15']);
    expect([...eachDay('2025-09-15', '2025-09-14')]).toEqual([]);
  });
});

describe('compareIso', () => {
  it('orders dates', () => {
    expect(compareIso('2025-09-14', '2025-09-15')).toBe(-1);
    expect(compareIso('2025-09-15', '2025-09-15')).toBe(0);
    expect(compareIso('2026-01-01', '2025-12-31')).toBe(1);
    expect(() => compareIso('2025-09-15', '15/09/2025')).toThrow(RangeError);
  });
});
