import { BE_OFFSET, beToCe, ceToBe, formatThaiDate, todayInBangkok, toBangkokIsoDate } from './buddhist-era';

describe('BE and CE years', () => {
  it('differ by 543', () => {
    expect(BE_OFFSET).toBe(543);
    expect(beToCe(2568)).toBe(2025);
    expect(ceToBe(2025)).toBe(2568);
    expect(beToCe(ceToBe(1999))).toBe(1999);
  });

  it('rejects fractional years', () => {
    expect(() => beToCe(2568.5)).toThrow(RangeError);
    expect(() => ceToBe(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatThaiDate', () => {
  it('formats short and long month names with the BE year', () => {
    expect(formatThaiDate('2025-09-15')).toBe('15 ก.ย. 2568');
    expect(formatThaiDate('2025-09-15', 'short')).toBe('15 ก.ย. 2568');
    expect(formatThaiDate('2025-09-15', 'long')).toBe('15 กันยายน 2568');
  });

  it('writes Thai digits on request', () => {
    expect(formatThaiDate('2025-09-15', 'short', 'thai')).toBe('๑๕ ก.ย. ๒๕๖๘');
    expect(formatThaiDate('2024-02-29', 'long', 'thai')).toBe('๒๙ กุมภาพันธ์ ๒๕๖๗');
  });

  it('keeps the calendar day at both ends of the day and of the year', () => {
    expect(formatThaiDate('2024-10-01')).toBe('1 ต.ค. 2567');
    expect(formatThaiDate('2025-01-01')).toBe('1 ม.ค. 2568');
    expect(formatThaiDate('2024-12-31', 'long')).toBe('31 ธันวาคม 2567');
  });

  it('formats every month abbreviation', () => {
    const months = Array.from({ length: 12 }, (_, i) => formatThaiDate(`2025-${String(i + 1).padStart(2, '0')}-01`).split(' ')[1]);
    expect(months).toEqual(['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.']);
  });

  it('rejects non-ISO and impossible dates', () => {
    expect(() => formatThaiDate('15/09/2025')).toThrow(RangeError);
    expect(() => formatThaiDate('2025-02-29')).toThrow(RangeError);
  });
});

describe('Bangkok day helpers are re-exported', () => {
  it('todayInBangkok and toBangkokIsoDate are available here', () => {
    expect(todayInBangkok(new Date('2025-09-14T17:00:00Z'))).toBe('2025-09-15');
    expect(toBangkokIsoDate(new Date('2025-09-14T16:00:00Z'))).toBe('2025-09-14');
  });
});
