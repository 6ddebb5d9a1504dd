import fc from 'fast-check';
import { formatThaiDate } from './buddhist-era';
import { ValueParseError } from './errors';
import { asciiToThaiDigits } from './thai-digits';
import { parseThaiDate } from './thai-date';

function messageOf(raw: string): string {
  try {
    parseThaiDate(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ValueParseError);
    return (error as Error).message;
  }
  throw new Error(`expected ${raw} to be rejected`);
}

describe('parseThaiDate', () => {
  describe('missing values', () => {
    it.each([null, undefined, '', '   ', '-', ' - ', '\u00A0', '–'])('%j → null', (raw) => {
      expect(parseThaiDate(raw)).toBeNull();
    });
  });

  describe('day, Thai month, year', () => {
    it.each([
      ['15 ก.ย. 68', '2025-09-15'],
      ['15 ก.ย.68', '2025-09-15'],
      ['15ก.ย.68', '2025-09-15'],
      ['15 ก.ย 68', '2025-09-15'],
      ['15  ก. ย.   68', '2025-09-15'],
      ['๑๕ ก.ย. ๖๘', '2025-09-15'],
      ['15-ก.ย.-64', '2021-09-15'],
      ['15 - ก.ย. - 64', '2021-09-15'],
      ['15 ก.ย. 2568', '2025-09-15'],
      ['15 กันยายน 2568', '2025-09-15'],
      ['15 กันยายน พ.ศ. 2568', '2025-09-15'],
      ['15 กันยายน พ.ศ.2568', '2025-09-15'],
      ['วันที่ 15 กันยายน 2568', '2025-09-15'],
      ['15 กันยายน ค.ศ. 2025', '2025-09-15'],
      ['15 ก.ย. 2025', '2025-09-15'],
      ['1 ม.ค. 00', '1957-01-01'],
      ['5 ธ.ค. 99', '2056-12-05'],
      ['15 ก.ย. 68 14:30', '2025-09-15'],
      ['15 ก.ย. 2568 เวลา 14:30 น.', '2025-09-15'],
      ['\u00A015\u200Bก.ย.\u00A068 ', '2025-09-15'],
    ])('%j → %s', (raw, iso) => {
      expect(parseThaiDate(raw)).toBe(iso);
    });

    it('reads all twelve abbreviations and full names', () => {
      const abbreviations = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
      const names = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
      abbreviations.forEach((abbreviation, i) => {
        const iso = `2025-${String(i + 1).padStart(2, '0')}-01`;
        expect(parseThaiDate(`1 ${abbreviation} 68`)).toBe(iso);
        expect(parseThaiDate(`1 ${abbreviation.slice(0, -1)} 68`)).toBe(iso); // final dot missing
        expect(parseThaiDate(`1 ${names[i]} 2568`)).toBe(iso);
      });
    });
  });

  describe('numeric day/month/year', () => {
    it.each([
      ['31/03/2559', '2016-03-31'],
      ['31-03-2559', '2016-03-31'],
      ['31.03.2559', '2016-03-31'],
      ['1/3/2559', '2016-03-01'],
      ['31/03/2016', '2016-03-31'],
      ['๓๑/๐๓/๒๕๕๙', '2016-03-31'],
      ['31/03/2559 14:30', '2016-03-31'],
      ['31/03/2559 14:30:59', '2016-03-31'],
      ['29/02/2567', '2024-02-29'],
    ])('%j → %s', (raw, iso) => {
      expect(parseThaiDate(raw)).toBe(iso);
    });
  });

  describe('ISO order', () => {
    it.each([
      ['2025-09-15', '2025-09-15'],
      ['2025-9-5', '2025-09-05'],
      ['2025/09/15', '2025-09-15'],
      ['2568-09-15', '2025-09-15'],
      ['2025-09-15T10:30:00', '2025-09-15'],
      ['2025-09-15 23:59', '2025-09-15'],
      ['2025-09-15T10:30:00.123', '2025-09-15'],
      ['2567-02-29', '2024-02-29'],
    ])('%j → %s', (raw, iso) => {
      expect(parseThaiDate(raw)).toBe(iso);
    });

    it('reads an instant with an offset as the day it is in Bangkok', () => {
      // JSON APIs write Bangkok midnight as 17:00 UTC the day before.
      expect(parseThaiDate('2025-09-14T17:00:00.000Z')).toBe('2025-09-15');
      expect(parseThaiDate('2025-09-14T16:59:59Z')).toBe('2025-09-14');
      expect(parseThaiDate('2025-09-15T00:00:00+07:00')).toBe('2025-09-15');
      expect(parseThaiDate('2025-09-15T00:00:00+0700')).toBe('2025-09-15');
      expect(parseThaiDate('2025-09-14T20:00:00-05:00')).toBe('2025-09-15');
      expect(parseThaiDate('2025-09-14 17:30:00+00')).toBe('2025-09-15'); // PostgreSQL's timestamptz text
    });
  });

  describe('Excel serial day numbers', () => {
    it.each([
      ['45915', '2025-09-15'],
      ['45915.0', '2025-09-15'],
      ['45915.75', '2025-09-15'],
      ['๔๕๙๑๕', '2025-09-15'],
      ['1', '1900-01-01'],
      ['61', '1900-03-01'],
    ])('%j → %s', (raw, iso) => {
      expect(parseThaiDate(raw)).toBe(iso);
    });

    it('rejects serial 60 and numbers outside 1..80000', () => {
      expect(messageOf('60')).toContain('never existed');
      expect(() => parseThaiDate('0')).toThrow(ValueParseError);
      expect(() => parseThaiDate('80001')).toThrow(ValueParseError);
    });
  });

  describe('impossible dates name the reason', () => {
    it('gives the month length in CE terms', () => {
      expect(messageOf('31 ก.พ. 68')).toBe('31 ก.พ. 68 is not a real date (February 2025 has 28 days)');
      expect(messageOf('29/02/2568')).toBe('29/02/2568 is not a real date (February 2025 has 28 days)');
      expect(messageOf('31 เม.ย. 2568')).toBe('31 เม.ย. 2568 is not a real date (April 2025 has 30 days)');
      expect(messageOf('2025-02-29')).toBe('2025-02-29 is not a real date (February 2025 has 28 days)');
      expect(messageOf('30 ก.พ. 67')).toBe('30 ก.พ. 67 is not a real date (February 2024 has 29 days)');
    });

    it('judges leap years on the CE year, not the BE number', () => {
      // 2567 is not divisible by 4 but CE 2024 is a leap year; 2568 ↔ 2025 is not.
      expect(parseThaiDate('29 ก.พ. 67')).toBe('2024-02-29');
      expect(parseThaiDate('29 ก.พ. 2567')).toBe('2024-02-29');
      expect(() => parseThaiDate('29 ก.พ. 68')).toThrow('February 2025 has 28 days');
      // BE 2443 = CE 1900, not a leap year even though it is divisible by 4 as CE.
      expect(() => parseThaiDate('29/02/2443')).toThrow('February 1900 has 28 days');
    });

    it('names a missing month or day', () => {
      expect(messageOf('15/13/2568')).toBe('15/13/2568 is not a real date (there is no month 13)');
      expect(messageOf('0 ม.ค. 68')).toBe('0 ม.ค. 68 is not a real date (there is no day 0)');
    });

    it('rejects impossible times even though the time is dropped', () => {
      expect(messageOf('31/03/2559 25:00')).toContain('time that does not exist');
      expect(messageOf('2025-09-15T10:61')).toContain('time that does not exist');
    });
  });

  describe('garbage and ambiguity', () => {
    it('rejects an unknown month name', () => {
      expect(messageOf('15 ก.ข. 68')).toBe('"15 ก.ข. 68" has an unknown month "ก.ข."');
      expect(messageOf('15 Sep 2025')).toContain('unknown month "Sep"');
    });

    it('rejects two-digit years in numeric dates rather than guess', () => {
      expect(messageOf('31/03/59')).toContain('write the year in full');
    });

    it.each(['abc', '15 ก.ย.', 'ก.ย. 68', '2025-09', '15/09', '1.2.3.4', '2025-09-15 garbage', '15 ก.ย. 568'])('rejects %j', (raw) => {
      expect(() => parseThaiDate(raw)).toThrow(ValueParseError);
    });

    it('rejects implausible years', () => {
      expect(messageOf('15/09/2300')).toContain('implausible year');
      expect(messageOf('15 ก.ย. พ.ศ. 2025')).toContain('implausible Buddhist Era year');
      expect(messageOf('15 ก.ย. ค.ศ. 2568')).toContain('implausible CE year');
    });
  });

  it('reads back what formatThaiDate writes, in every style (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-03-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        expect(parseThaiDate(formatThaiDate(iso, 'short'))).toBe(iso);
        expect(parseThaiDate(formatThaiDate(iso, 'long', 'thai'))).toBe(iso);
        const [y, m, d] = iso.split('-');
        expect(parseThaiDate(`${d}/${m}/${Number(y) + 543}`)).toBe(iso);
        expect(parseThaiDate(asciiToThaiDigits(`${d}/${m}/${Number(y) + 543}`))).toBe(iso);
      }),
    );
  });
});

describe('parseThaiDate: a year alone', () => {
  it('refuses a bare 4-digit year instead of reading it as an Excel serial', () => {
    expect(() => parseThaiDate('2568')).toThrow('is a year, not a date');
    expect(() => parseThaiDate('2025')).toThrow('is a year, not a date');
    expect(parseThaiDate('45915')).toBe('2025-09-15');
  });
});
