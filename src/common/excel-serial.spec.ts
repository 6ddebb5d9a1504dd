import { ValueParseError } from './errors';
import { excelSerialToIsoDate } from './excel-serial';

describe('excelSerialToIsoDate', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [367, '1901-01-01'],
    [36526, '2000-01-01'],
    [45292, '2024-01-01'],
    [45351, '2024-02-29'],
    [45915, '2025-09-15'],
    [80000, '2119-01-11'],
  ])('serial %d is %s', (serial, iso) => {
    expect(excelSerialToIsoDate(serial)).toBe(iso);
  });

  it('drops the time of day', () => {
    expect(excelSerialToIsoDate(45915.0)).toBe('2025-09-15');
    expect(excelSerialToIsoDate(45915.99999)).toBe('2025-09-15');
  });

  it('rejects the Lotus phantom 29 February 1900', () => {
    expect(() => excelSerialToIsoDate(60)).toThrow(ValueParseError);
    expect(() => excelSerialToIsoDate(60.5)).toThrow('never existed');
  });

  it.each([0, 0.5, -1, 80001, Number.NaN, Number.POSITIVE_INFINITY])('rejects %d', (serial) => {
    expect(() => excelSerialToIsoDate(serial)).toThrow(ValueParseError);
  });
});
