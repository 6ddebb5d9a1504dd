import { z } from 'zod';
import { amount, code, date, fiscalYear, integer, list, oneOf, text } from './fields';

/** Runs one field schema on one cell and returns the value or the messages. */
function cell<T>(schema: z.ZodType<T>, raw: string | undefined) {
  const result = schema.safeParse(raw);
  return result.success ? { value: result.data } : { errors: result.error.issues.map((i) => i.message) };
}

describe('CSV field schemas', () => {
  it('treats empty and a dash as missing, and missing-but-required as an error', () => {
    expect(cell(text(), '')).toEqual({ value: null });
    expect(cell(text(), '  -  ')).toEqual({ value: null });
    expect(cell(text(), undefined)).toEqual({ value: null });
    expect(cell(text({ required: true }), ' ')).toEqual({ errors: ['is required but empty'] });
  });

  it('folds white space inside text and enforces a length', () => {
    expect(cell(text(), '  สำนักงาน   จังหวัด\nระยอง ')).toEqual({ value: 'สำนักงาน จังหวัด ระยอง' });
    expect(cell(text({ max: 3 }), 'abcd')).toEqual({ errors: ['is longer than 3 characters'] });
  });

  it('keeps leading zeros of codes and reads Thai digits', () => {
    expect(cell(code(), '๐๐๑๒๓')).toEqual({ value: '00123' });
    expect(cell(code({ pattern: /^\d{5}$/, patternHint: '5 digits' }), '12-3')).toEqual({
      errors: ['"12-3" is not a valid code (5 digits)'],
    });
  });

  it('reads amounts exactly and refuses what would not fit numeric(18,2)', () => {
    expect(cell(amount(), '1,234,567.50 บาท')).toEqual({ value: '1234567.50' });
    expect(cell(amount(), '0.1')).toEqual({ value: '0.1' });
    expect(cell(amount({ nonNegative: true }), '-5')).toEqual({ errors: ['"-5" is negative'] });
    expect(cell(amount(), '12345678901234567')).toEqual({ errors: ['"12345678901234567" is too large for an amount in baht'] });
    expect(cell(amount(), '1.005')).toEqual({ errors: ['"1.005" has more than 2 decimal places (satang)'] });
    expect(cell(amount(), '1.500')).toEqual({ value: '1.500' });
  });

  it('reads dates in Thai forms and names impossible ones', () => {
    expect(cell(date(), '15 ก.ย. 68')).toEqual({ value: '2025-09-15' });
    expect(cell(date(), '31 ก.พ. 68').errors?.[0]).toMatch(/31 ก\.พ\. 68/);
  });

  it('wants Buddhist Era fiscal years and says so for a Christian Era one', () => {
    expect(cell(fiscalYear(), '๒๕๖๘')).toEqual({ value: 2568 });
    expect(cell(fiscalYear(), '2025')).toEqual({
      errors: ['2025 looks like a Christian Era year; fiscal years are Buddhist Era (2568)'],
    });
    expect(cell(fiscalYear(), '68').errors?.[0]).toContain('not a fiscal year');
  });

  it('reads whole numbers within a range', () => {
    expect(cell(integer({ min: 1, max: 10 }), '1,0')).toEqual({ value: 10 });
    expect(cell(integer({ min: 1, max: 10, label: 'installment' }), '11')).toEqual({ errors: ['11 is outside 1–10 (installment)'] });
    expect(cell(integer(), '1.5')).toEqual({ errors: ['"1.5" is not a whole number'] });
  });

  it('maps every spelling of an enumerated value, in Thai or English', () => {
    const kind = oneOf({ cabinet: 'cabinet', 'วันหยุดพิเศษ': 'cabinet', public: 'public' });
    expect(cell(kind, ' Cabinet ')).toEqual({ value: 'cabinet' });
    expect(cell(kind, 'วันหยุดพิเศษ')).toEqual({ value: 'cabinet' });
    expect(cell(kind, 'bank')).toEqual({ errors: ['"bank" is not one of cabinet, public'] });
  });

  it('splits lists on semicolons and drops empty items', () => {
    expect(cell(list(), '68019245871; 68029310456;;-')).toEqual({ value: ['68019245871', '68029310456'] });
    expect(cell(list(), '')).toEqual({ value: [] });
  });
});
