import { THAI_MONTHS, thaiMonthNumber } from './thai-months';

describe('thaiMonthNumber', () => {
  it('recognises all twelve abbreviations and full names', () => {
    for (const month of THAI_MONTHS) {
      expect(thaiMonthNumber(month.abbreviation)).toBe(month.number);
      expect(thaiMonthNumber(month.name)).toBe(month.number);
    }
    expect(THAI_MONTHS.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('tolerates a missing final dot, spaces inside and no dots', () => {
    expect(thaiMonthNumber('ก.ย')).toBe(9);
    expect(thaiMonthNumber('ก. ย.')).toBe(9);
    expect(thaiMonthNumber('กย')).toBe(9);
    expect(thaiMonthNumber('มี.ค')).toBe(3);
    expect(thaiMonthNumber('เม.ย')).toBe(4);
    expect(thaiMonthNumber('กุมภาพันธ')).toBe(2);
  });

  it('keeps look-alike abbreviations apart', () => {
    expect(thaiMonthNumber('ม.ค.')).toBe(1);
    expect(thaiMonthNumber('มี.ค.')).toBe(3);
    expect(thaiMonthNumber('มิ.ย.')).toBe(6);
    expect(thaiMonthNumber('พ.ค.')).toBe(5);
    expect(thaiMonthNumber('พ.ย.')).toBe(11);
    expect(thaiMonthNumber('ก.พ.')).toBe(2);
    expect(thaiMonthNumber('ก.ค.')).toBe(7);
  });

  it('returns undefined for anything else', () => {
    expect(thaiMonthNumber('ก.ข.')).toBeUndefined();
    expect(thaiMonthNumber('Sep')).toBeUndefined();
    expect(thaiMonthNumber('')).toBeUndefined();
  });
});
