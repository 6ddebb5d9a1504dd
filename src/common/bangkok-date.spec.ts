import { todayInBangkok, toBangkokIsoDate } from './bangkok-date';

describe('toBangkokIsoDate', () => {
  it('moves to the next day once Bangkok passes midnight, while UTC is still on the previous day', () => {
    expect(toBangkokIsoDate(new Date('2025-09-14T16:59:59Z'))).toBe('2025-09-14');
    expect(toBangkokIsoDate(new Date('2025-09-14T17:00:00Z'))).toBe('2025-09-15');
  });

  it('crosses the fiscal-year and calendar-year boundaries on Bangkok time', () => {
    expect(toBangkokIsoDate(new Date('2025-09-30T17:30:00Z'))).toBe('2025-10-01');
    expect(toBangkokIsoDate(new Date('2024-12-31T18:00:00Z'))).toBe('2025-01-01');
  });

  it('reads instants written with other offsets', () => {
    expect(toBangkokIsoDate(new Date('2025-09-15T00:30:00+07:00'))).toBe('2025-09-15');
    expect(toBangkokIsoDate(new Date('2025-09-14T23:30:00-05:00'))).toBe('2025-09-15');
  });

  it('rejects an invalid Date', () => {
    expect(() => toBangkokIsoDate(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('todayInBangkok', () => {
  it('uses the given instant', () => {
    expect(todayInBangkok(new Date('2025-09-30T23:00:00Z'))).toBe('2025-10-01');
  });

  it('defaults to now and returns an ISO date', () => {
    expect(todayInBangkok()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
