import { ValueParseError } from './errors';
import { compareDecimal, parseAmount, scaleDecimal } from './money';

describe('parseAmount', () => {
  describe('missing values are null, never zero', () => {
    it.each([null, undefined, '', '   ', '\u00A0', '-', ' - ', '–', '- บาท'])('%j → null', (raw) => {
      expect(parseAmount(raw)).toBeNull();
    });

    it('keeps a real zero', () => {
      expect(parseAmount('0')).toBe('0');
      expect(parseAmount('0.00')).toBe('0.00');
    });
  });

  describe('accepted forms', () => {
    it.each([
      ['1,234,567.50', '1234567.50'],
      ['1234567.50', '1234567.50'],
      ['500,000', '500000'],
      ['999', '999'],
      ['1,000 บาท', '1000'],
      ['1,000บาท', '1000'],
      ['บาท 1,000', '1000'],
      ['฿1,000.25', '1000.25'],
      ['  12,500.00\u00A0บาท ', '12500.00'],
      ['๑,๒๓๔,๕๖๗.๕๐', '1234567.50'],
      ['๕๐๐,๐๐๐.- บาท', '500000'],
      ['1,000.-', '1000'],
      ['007', '7'],
      ['000,123', '123'],
      ['0.5', '0.5'],
      ['.5', '0.5'],
      ['+15', '15'],
      ['1.123456', '1.123456'],
    ])('%j → %j', (raw, expected) => {
      expect(parseAmount(raw)).toBe(expected);
    });
  });

  describe('negatives', () => {
    it.each([
      ['-1,234.50', '-1234.50'],
      ['- 1,234.50', '-1234.50'],
      ['\u22121,234.50', '-1234.50'],
      ['(1,234.50)', '-1234.50'],
      ['( 1,234.50 บาท )', '-1234.50'],
      ['(1,234.50) บาท', '-1234.50'],
      ['1,234.50-', '-1234.50'],
      ['-1,000 บาท', '-1000'],
      ['บาท -1,000', '-1000'],
    ])('%j → %j', (raw, expected) => {
      expect(parseAmount(raw)).toBe(expected);
    });

    it('never returns negative zero', () => {
      expect(parseAmount('-0')).toBe('0');
      expect(parseAmount('-0.00')).toBe('0.00');
      expect(parseAmount('(0)')).toBe('0');
    });
  });

  describe('rejected forms', () => {
    it.each([
      ['1.2.3', 'more than one decimal point'],
      ['12abc', 'unexpected "abc"'],
      ['1,23,4', 'thousands separators are misplaced'],
      ['1,2345', 'thousands separators are misplaced'],
      ['12,34', 'thousands separators are misplaced'],
      [',123', 'thousands separators are misplaced'],
      ['1,234.5,6', 'comma comes after the decimal point'],
      ['1.', 'nothing follows the decimal point'],
      ['1.05552E+11', 'scientific notation'],
      ['--5', 'unexpected'],
      ['-(5)', 'unexpected'],
      ['(-5)', 'both parentheses and a minus sign'],
      ['-5-', 'more than one minus sign'],
      ['1 234', 'unexpected'],
      ['บาท', 'no digits'],
      ['abc', 'unexpected "abc"'],
    ])('%j is rejected (%s)', (raw, reason) => {
      expect(() => parseAmount(raw)).toThrow(ValueParseError);
      expect(() => parseAmount(raw)).toThrow(reason);
    });

    it('quotes the raw text in the message and keeps it on the error', () => {
      try {
        parseAmount('12abc');
        throw new Error('expected a ValueParseError');
      } catch (error) {
        expect(error).toBeInstanceOf(ValueParseError);
        expect((error as ValueParseError).message).toBe('"12abc" is not an amount: unexpected "abc"');
        expect((error as ValueParseError).raw).toBe('12abc');
      }
    });
  });

  it('keeps precision that a float would lose', () => {
    expect(parseAmount('9,007,199,254,740,993.01')).toBe('9007199254740993.01');
  });
});

describe('money re-exports the exact decimal helpers', () => {
  it('converts a GFMIS million-baht figure to baht and compares it to a threshold', () => {
    const baht = scaleDecimal(parseAmount('0.500001')!, 6);
    expect(baht).toBe('500001');
    expect(compareDecimal(baht, '500000')).toBe(1);
  });
});
