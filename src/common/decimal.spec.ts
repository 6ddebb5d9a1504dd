import fc from 'fast-check';
import { ValueParseError } from './errors';
import {
  addDecimal,
  compareDecimal,
  decimalToNumber,
  isDecimalString,
  scaleDecimal,
  subtractDecimal,
  sumDecimals,
} from './decimal';

describe('scaleDecimal', () => {
  it('turns million baht into baht exactly', () => {
    expect(scaleDecimal('1.234567', 6)).toBe('1234567');
    expect(scaleDecimal('1.5', 6)).toBe('1500000');
    expect(scaleDecimal('0.000001', 6)).toBe('1');
    expect(scaleDecimal('12345.6789123', 6)).toBe('12345678912.3');
  });

  it('keeps digits that a float would lose', () => {
    // 9007199254.740993 million baht: past 2^53 once in baht, so Number would round it.
    expect(scaleDecimal('9007199254.740993', 6)).toBe('9007199254740993');
  });

  it('shifts left for negative powers, keeping every digit', () => {
    expect(scaleDecimal('1234567', -6)).toBe('1.234567');
    expect(scaleDecimal('1500', -3)).toBe('1.500');
    expect(scaleDecimal('5', -3)).toBe('0.005');
    expect(scaleDecimal('1234567.50', -6)).toBe('1.23456750');
  });

  it('handles zero powers, negatives and negative zero', () => {
    expect(scaleDecimal('12.30', 0)).toBe('12.30');
    expect(scaleDecimal('-1.25', 2)).toBe('-125');
    expect(scaleDecimal('-0.000', 3)).toBe('0');
    expect(scaleDecimal('-0.0001', 2)).toBe('-0.01');
  });

  it('rejects text that is not a canonical decimal, and fractional powers', () => {
    expect(() => scaleDecimal('1,234', 3)).toThrow(ValueParseError);
    expect(() => scaleDecimal('1e5', 3)).toThrow(ValueParseError);
    expect(() => scaleDecimal('', 3)).toThrow(ValueParseError);
    expect(() => scaleDecimal('1', 1.5)).toThrow(RangeError);
  });

  it('is undone by the opposite shift (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 12 }), (n, p) => {
        const value = n.toString();
        expect(compareDecimal(scaleDecimal(scaleDecimal(value, -p), p), value)).toBe(0);
      }),
    );
  });
});

describe('compareDecimal', () => {
  it.each([
    ['1', '2', -1],
    ['2', '1', 1],
    ['1.50', '1.5', 0],
    ['-0', '0', 0],
    ['-0.00', '0', 0],
    ['-1', '0.5', -1],
    ['-10', '-9.99', -1],
    ['100000', '99999.999', 1],
    ['0.1', '0.09', 1],
    ['500000', '500000.00', 0],
    ['500000.01', '500000', 1],
  ])('compareDecimal(%s, %s) = %d', (a, b, expected) => {
    expect(compareDecimal(a, b)).toBe(expected);
  });

  it('agrees with BigInt comparison on integers (property)', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt(), (a, b) => {
        const expected = a < b ? -1 : a > b ? 1 : 0;
        expect(compareDecimal(a.toString(), b.toString())).toBe(expected);
      }),
    );
  });

  it('rejects non-decimals', () => {
    expect(() => compareDecimal('abc', '1')).toThrow(ValueParseError);
  });
});

describe('addDecimal, subtractDecimal and sumDecimals', () => {
  it('adds exactly where floats do not', () => {
    expect(addDecimal('0.1', '0.2')).toBe('0.3');
    expect(addDecimal('1.50', '2')).toBe('3.50');
    expect(addDecimal('-1.50', '1.5')).toBe('0.00');
    expect(subtractDecimal('500000', '499999.99')).toBe('0.01');
    expect(subtractDecimal('1', '1.25')).toBe('-0.25');
  });

  it('sums many values and gives "0" for none', () => {
    expect(sumDecimals(['250000.00', '249999.50', '0.50'])).toBe('500000.00');
    expect(sumDecimals([])).toBe('0');
  });
});

describe('isDecimalString and decimalToNumber', () => {
  it('accepts only canonical decimals', () => {
    expect(isDecimalString('-12.50')).toBe(true);
    expect(isDecimalString('12')).toBe(true);
    expect(isDecimalString('12.')).toBe(false);
    expect(isDecimalString('.5')).toBe(false);
    expect(isDecimalString('1e5')).toBe(false);
    expect(isDecimalString(' 1')).toBe(false);
  });

  it('gives an approximate number for statistics, but validates first', () => {
    expect(decimalToNumber('1234.5')).toBe(1234.5);
    expect(() => decimalToNumber('1e5')).toThrow(ValueParseError);
  });
});
