import fc from 'fast-check';
import { ValueParseError } from '../../common/errors';
import { parseAmount } from '../../common/money';
import {
  readAmount,
  readBudgetYear,
  readCode,
  readCoordinate,
  readDate,
  readProjectId,
  readTaxId,
  readText,
} from './egp-values';

describe('readText', () => {
  it.each([undefined, '', '   ', '-', ' – ', '\u200B', '\u00A0-\u00A0'])('%j is missing', (raw) => {
    expect(readText(raw)).toBeNull();
  });

  it('trims and normalises spaces, keeping the words', () => {
    expect(readText('  กองช่าง ')).toBe('กองช่าง');
    expect(readText('บริษัท\u00A0ระยอง  ก่อสร้าง\tจำกัด')).toBe('บริษัท ระยอง ก่อสร้าง จำกัด');
    expect(readText('ก่อสร้าง\u200Bถนน')).toBe('ก่อสร้างถนน');
    expect(readText('-1-')).toBe('-1-');
  });
});

describe('readCode', () => {
  it('makes Thai digits ASCII so codes match across files', () => {
    expect(readCode(' ๓๔/๒๕๖๘ ')).toBe('34/2568');
    expect(readCode('สญ.12/2567')).toBe('สญ.12/2567');
    expect(readCode('-')).toBeNull();
  });
});

describe('readProjectId', () => {
  it('accepts 11 digits, Thai digits and spaces included', () => {
    expect(readProjectId('67019123456')).toBe('67019123456');
    expect(readProjectId(' ๖๗๐๑๙๑๒๓๔๕๖ ')).toBe('67019123456');
  });

  it('accepts plan-stage ids starting with P', () => {
    expect(readProjectId('P67100012345')).toBe('P67100012345');
    expect(readProjectId('p67100012345')).toBe('P67100012345');
  });

  it.each([
    [undefined, 'is required but empty'],
    ['', 'is required but empty'],
    ['-', 'is required but empty'],
    ['6701912345', 'is not an e-GP project id'],
    ['670191234567', 'is not an e-GP project id'],
    ['6701912345A', 'is not an e-GP project id'],
    ['6.70191E+10', 'damaged by Excel'],
  ])('%j is rejected (%s)', (raw, message) => {
    expect(() => readProjectId(raw)).toThrow(ValueParseError);
    expect(() => readProjectId(raw)).toThrow(message);
  });
});

describe('readBudgetYear', () => {
  it('reads BE years, Thai digits included', () => {
    expect(readBudgetYear('2568')).toBe(2568);
    expect(readBudgetYear(' ๒๕๖๗ ')).toBe(2567);
    expect(readBudgetYear('')).toBeNull();
    expect(readBudgetYear('-')).toBeNull();
  });

  it('names a CE year as such', () => {
    expect(() => readBudgetYear('2025')).toThrow('looks like a Christian Era year; fiscal years are Buddhist Era (2568)');
  });

  it.each(['68', '2568.0', '3000', '1500', 'ปี 2568'])('rejects %j', (raw) => {
    expect(() => readBudgetYear(raw)).toThrow(ValueParseError);
  });
});

describe('readDate', () => {
  it('reads the e-GP forms into ISO dates', () => {
    expect(readDate('15 ก.ย. 67')).toBe('2024-09-15');
    expect(readDate('15-ก.ย.-64')).toBe('2021-09-15');
    expect(readDate('๑ ต.ค. ๖๗')).toBe('2024-10-01');
    expect(readDate('2025-09-15')).toBe('2025-09-15');
  });

  it('is null for none', () => {
    expect(readDate(undefined)).toBeNull();
    expect(readDate('')).toBeNull();
    expect(readDate('-')).toBeNull();
  });

  it('rejects impossible dates, the same way every time (the answer is remembered)', () => {
    expect(() => readDate('31 ก.พ. 68')).toThrow('February 2025 has 28 days');
    expect(() => readDate('31 ก.พ. 68')).toThrow('February 2025 has 28 days');
    expect(() => readDate('วันจันทร์')).toThrow(ValueParseError);
  });
});

describe('readAmount', () => {
  it('reads exact decimal strings', () => {
    expect(readAmount('4,500,000.00')).toBe('4500000.00');
    expect(readAmount('๔๘๐,๐๐๐.๕๐')).toBe('480000.50');
    expect(readAmount('98,500 บาท')).toBe('98500');
    expect(readAmount('0')).toBe('0');
  });

  it('keeps missing distinct from zero', () => {
    expect(readAmount(undefined)).toBeNull();
    expect(readAmount('')).toBeNull();
    expect(readAmount('-')).toBeNull();
  });

  it('gives exactly parseAmount\'s answer on its fast path and off it', () => {
    const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const amountText = fc
      .record({
        whole: fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fraction: fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined }),
        separators: fc.boolean(),
        zeros: fc.constantFrom('', '0', '00'),
        around: fc.constantFrom('', ' ', ' บาท'),
      })
      .map(({ whole, fraction, separators, zeros, around }) => {
        const digits = zeros + whole.toString();
        return `${separators ? grouped(digits) : digits}${fraction === undefined ? '' : `.${fraction}`}${around}`;
      });
    fc.assert(
      fc.property(amountText, (text) => {
        let expected: string | null | Error;
        try {
          expected = parseAmount(text);
        } catch (error) {
          expected = error as Error;
        }
        if (expected instanceof Error) expect(() => readAmount(text)).toThrow(expected.message);
        else expect(readAmount(text)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects non-numbers and negative prices', () => {
    expect(() => readAmount('หนึ่งแสน')).toThrow(ValueParseError);
    expect(() => readAmount('1.5E+6')).toThrow('scientific notation');
    expect(() => readAmount('-500')).toThrow('negative');
  });
});

describe('readCoordinate', () => {
  it('reads decimal degrees, Thai digits included', () => {
    expect(readCoordinate('12.6814')).toBe(12.6814);
    expect(readCoordinate(' ๑๐๑.๒๘ ')).toBe(101.28);
    expect(readCoordinate('-0.5')).toBe(-0.5);
  });

  it('is null for none', () => {
    expect(readCoordinate('')).toBeNull();
    expect(readCoordinate('-')).toBeNull();
    expect(readCoordinate(undefined)).toBeNull();
  });

  it('rejects text that is not a number', () => {
    expect(() => readCoordinate('12°40\'N')).toThrow('is not a coordinate');
    expect(() => readCoordinate('12.68,101.28')).toThrow(ValueParseError);
  });
});

describe('readTaxId', () => {
  it('passes normaliseTaxId through', () => {
    expect(readTaxId('0105552012347')).toEqual({ tin: '0105552012347', valid: true, raw: '0105552012347' });
    expect(readTaxId('105552012347')).toMatchObject({ tin: '0105552012347', valid: true, problem: 'leading-zero-restored' });
    expect(readTaxId('1.05552E+11')).toMatchObject({ tin: null, valid: false, problem: 'scientific-notation' });
    expect(readTaxId(undefined)).toMatchObject({ tin: null, problem: 'missing' });
  });
});
