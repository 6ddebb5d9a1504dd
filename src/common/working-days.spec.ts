import fc from 'fast-check';
import { addDays, dayNumberToIso, dayOfWeek, eachDay } from './iso-date';
import { curatedCalendar, WorkingDayCalendar } from './working-days';

/** Counts by walking the days: slow, obviously right, and the reference for the fast version. */
function naiveBetween(calendar: WorkingDayCalendar, a: string, b: string): number {
  const [from, to, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (const day of eachDay(addDays(from, 1), to)) if (calendar.isWorkingDay(day)) count++;
  return count === 0 ? 0 : sign * count;
}

describe('WorkingDayCalendar with a few holidays', () => {
  // Songkran 2025: Sun 13, Mon 14, Tue 15 April, substitution Wed 16 April.
  const calendar = new WorkingDayCalendar([
    { date: '2025-04-13', name: 'วันสงกรานต์' },
    { date: '2025-04-14', name: 'วันสงกรานต์' },
    { date: '2025-04-15', name: 'วันสงกรานต์' },
    { date: '2025-04-16', name: 'วันหยุดชดเชยวันสงกรานต์' },
    { date: '2025-04-16', name: 'วันหยุดพิเศษ' },
  ]);

  it('treats weekends and holidays as days off', () => {
    expect(calendar.isWorkingDay('2025-04-11')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2025-04-12')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2025-04-14')).toBe(false); // Monday, Songkran
    expect(calendar.isWorkingDay('2025-04-17')).toBe(true); // Thursday
  });

  it('names holidays, joining names on a shared date, and says nothing for plain weekends', () => {
    expect(calendar.holidayOn('2025-04-14')).toBe('วันสงกรานต์');
    expect(calendar.holidayOn('2025-04-16')).toBe('วันหยุดชดเชยวันสงกรานต์ / วันหยุดพิเศษ');
    expect(calendar.holidayOn('2025-04-12')).toBeUndefined();
    expect(calendar.holidayOn('2025-04-17')).toBeUndefined();
  });

  it('counts working days d with a < d ≤ b', () => {
    expect(calendar.workingDaysBetween('2025-04-10', '2025-04-11')).toBe(1); // Thu → Fri
    expect(calendar.workingDaysBetween('2025-04-11', '2025-04-11')).toBe(0);
    expect(calendar.workingDaysBetween('2025-04-11', '2025-04-16')).toBe(0); // weekend + Songkran + substitution
    expect(calendar.workingDaysBetween('2025-04-11', '2025-04-17')).toBe(1);
    expect(calendar.workingDaysBetween('2025-04-12', '2025-04-18')).toBe(2); // the start day never counts
    expect(calendar.workingDaysBetween('2025-04-04', '2025-04-25')).toBe(12); // 15 weekdays − 3 weekday holidays
  });

  it('is negative when b is before a', () => {
    expect(calendar.workingDaysBetween('2025-04-17', '2025-04-11')).toBe(-1);
    expect(calendar.workingDaysBetween('2025-04-25', '2025-04-04')).toBe(-12);
  });

  it('adds working days forwards and backwards', () => {
    expect(calendar.addWorkingDays('2025-04-11', 1)).toBe('2025-04-17');
    expect(calendar.addWorkingDays('2025-04-10', 2)).toBe('2025-04-17');
    expect(calendar.addWorkingDays('2025-04-12', 1)).toBe('2025-04-17');
    expect(calendar.addWorkingDays('2025-04-17', -1)).toBe('2025-04-11');
    expect(calendar.addWorkingDays('2025-04-13', 0)).toBe('2025-04-13');
    expect(() => calendar.addWorkingDays('2025-04-13', 1.5)).toThrow(RangeError);
  });

  it('finds the next working day on or after a date', () => {
    expect(calendar.nextWorkingDayOnOrAfter('2025-04-11')).toBe('2025-04-11');
    expect(calendar.nextWorkingDayOnOrAfter('2025-04-12')).toBe('2025-04-17');
  });

  it('lists the working days in a range, both ends included', () => {
    expect(calendar.workingDaysIn('2025-04-10', '2025-04-18')).toEqual(['2025-04-10', '2025-04-11', '2025-04-17', '2025-04-18']);
    expect(calendar.workingDaysIn('2025-04-12', '2025-04-16')).toEqual([]);
    expect(calendar.workingDaysIn('2025-04-18', '2025-04-10')).toEqual([]);
  });

  it('rejects malformed dates, in the constructor too', () => {
    expect(() => calendar.workingDaysBetween('2025-04-10', '18/04/2568')).toThrow(RangeError);
    expect(() => new WorkingDayCalendar([{ date: '2025-02-29', name: 'x' }])).toThrow(RangeError);
  });

  it('counts with no holidays at all: five per full week', () => {
    const plain = new WorkingDayCalendar([]);
    expect(plain.workingDaysBetween('2025-09-14', '2025-09-21')).toBe(5); // Sun → Sun
    expect(plain.workingDaysBetween('2025-09-13', '2025-09-14')).toBe(0); // Sat → Sun
    expect(plain.workingDaysBetween('1969-12-26', '1970-01-05')).toBe(6); // across the anchor
    expect(plain.workingDaysBetween('2024-10-01', '2025-10-01')).toBe(261);
  });
});

describe('the curated calendar', () => {
  const calendar = curatedCalendar();

  it('applies Thai holidays', () => {
    expect(calendar.isWorkingDay('2025-12-05')).toBe(false); // Father's Day, Friday
    expect(calendar.isWorkingDay('2024-04-16')).toBe(false); // Songkran substitution
    expect(calendar.isWorkingDay('2024-04-17')).toBe(true);
    expect(calendar.holidayOn('2025-05-12')).toBe('วันหยุดชดเชยวันวิสาขบูชา');
  });

  it('counts the 7-working-day standstill around Songkran 2025', () => {
    // Winner announced Wed 9 April 2025: Thu 10, Fri 11, (Sat 12 – Wed 16 off), Thu 17, Fri 18, Mon 21, Tue 22, Wed 23.
    expect(calendar.addWorkingDays('2025-04-09', 7)).toBe('2025-04-23');
    expect(calendar.workingDaysBetween('2025-04-09', '2025-04-22')).toBe(6);
  });

  it('counts the working days of FY2568', () => {
    // 261 weekdays from 1 Oct 2024 to 30 Sep 2025, less the weekday holidays in that year.
    const weekdays = new WorkingDayCalendar([]).workingDaysBetween('2024-09-30', '2025-09-30');
    expect(weekdays).toBe(261);
    expect(calendar.workingDaysBetween('2024-09-30', '2025-09-30')).toBe(calendar.workingDaysIn('2024-10-01', '2025-09-30').length);
    expect(calendar.workingDaysIn('2024-10-01', '2025-09-30').length).toBeLessThan(245);
  });

  it('adds the administrators\' extra days', () => {
    const withExtra = curatedCalendar([{ date: '2025-09-15', name: 'วันหยุดราชการประจำจังหวัด' }]);
    expect(withExtra.isWorkingDay('2025-09-15')).toBe(false);
    expect(calendar.isWorkingDay('2025-09-15')).toBe(true);
    expect(curatedCalendar()).toBe(calendar);
  });

  it('agrees with walking the days, in both directions (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 19_600, max: 21_200 }), fc.integer({ min: -400, max: 400 }), (start, span) => {
        const a = dayNumberToIso(start);
        const b = dayNumberToIso(start + span);
        expect(calendar.workingDaysBetween(a, b)).toBe(naiveBetween(calendar, a, b));
      }),
      { numRuns: 300 },
    );
  });

  it('inverts addWorkingDays for positive n (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 19_600, max: 21_200 }), fc.integer({ min: 1, max: 60 }), (start, n) => {
        const a = dayNumberToIso(start);
        const result = calendar.addWorkingDays(a, n);
        expect(calendar.workingDaysBetween(a, result)).toBe(n);
        expect(calendar.isWorkingDay(result)).toBe(true);
        expect([0, 6]).not.toContain(dayOfWeek(result));
      }),
    );
  });
});
