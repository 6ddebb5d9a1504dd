import { ValueParseError } from './errors';
import { isValidTaxId, normaliseTaxId, taxIdCheckDigit } from './tax-id';

/*
 * Check digits worked by hand with weights 13, 12, …, 2:
 *   0105552012345 → first 12 = 0 1 0 5 5 5 2 0 1 2 3 4
 *     0·13 + 1·12 + 0·11 + 5·10 + 5·9 + 5·8 + 2·7 + 0·6 + 1·5 + 2·4 + 3·3 + 4·2 = 191
 *     191 mod 11 = 4, (11 − 4) mod 10 = 7 → the valid id is 0105552012347 (…345 is invalid).
 *   0107544000108 (PTT Public Company Limited's published juristic id)
 *     0 + 12 + 0 + 70 + 45 + 32 + 28 + 0 + 0 + 0 + 3 + 0 = 190; 190 mod 11 = 3; (11 − 3) mod 10 = 8 ✓
 *   0107537000114 (The Siam Cement Public Company Limited)
 *     0 + 12 + 0 + 70 + 45 + 24 + 49 + 0 + 0 + 0 + 3 + 2 = 205; 205 mod 11 = 7; (11 − 7) mod 10 = 4 ✓
 *   Both ends of the formula: sum mod 11 = 0 → check 1; sum mod 11 = 1 → check 0.
 *     000000000000: sum 0 → 1.   010000000000: sum 12, 12 mod 11 = 1 → 0.
 */
const VALID = '0105552012347';
const PTT = '0107544000108';
const SCG = '0107537000114';

describe('taxIdCheckDigit', () => {
  it('computes the hand-worked check digits', () => {
    expect(taxIdCheckDigit('010555201234')).toBe(7);
    expect(taxIdCheckDigit('010754400010')).toBe(8);
    expect(taxIdCheckDigit('010753700011')).toBe(4);
  });

  it('handles both wrap-arounds of the formula', () => {
    expect(taxIdCheckDigit('000000000000')).toBe(1); // (11 − 0) mod 10
    expect(taxIdCheckDigit('010000000000')).toBe(0); // (11 − 1) mod 10
  });

  it('needs exactly 12 ASCII digits', () => {
    expect(() => taxIdCheckDigit('01055520123')).toThrow(ValueParseError);
    expect(() => taxIdCheckDigit('0105552012345')).toThrow(ValueParseError);
    expect(() => taxIdCheckDigit('๐๑๐๕๕๕๒๐๑๒๓๔')).toThrow(ValueParseError);
  });
});

describe('isValidTaxId', () => {
  it('accepts ids whose check digit matches', () => {
    expect(isValidTaxId(VALID)).toBe(true);
    expect(isValidTaxId(PTT)).toBe(true);
    expect(isValidTaxId(SCG)).toBe(true);
  });

  it('rejects a wrong check digit, wrong lengths and decorated text', () => {
    expect(isValidTaxId('0105552012345')).toBe(false);
    expect(isValidTaxId('010555201234')).toBe(false);
    expect(isValidTaxId('01055520123470')).toBe(false);
    expect(isValidTaxId('0-1055-52012-34-7')).toBe(false);
  });

  it('catches single-digit typos, except in the third digit, which the formula cannot see', () => {
    // The third digit has weight 11 ≡ 0 (mod 11), so changing it never changes the check digit.
    const missed: string[] = [];
    for (let position = 0; position < 13; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (Number(VALID[position]) === digit) continue;
        const typo = VALID.slice(0, position) + digit + VALID.slice(position + 1);
        if (isValidTaxId(typo)) missed.push(typo);
      }
    }
    expect(missed).toEqual(['0115552012347', '0125552012347', '0135552012347', '0145552012347', '0155552012347',
      '0165552012347', '0175552012347', '0185552012347', '0195552012347']);
  });
});

describe('normaliseTaxId', () => {
  it('keeps a valid 13-digit id', () => {
    expect(normaliseTaxId(VALID)).toEqual({ tin: VALID, valid: true, raw: VALID });
  });

  it.each([
    ['0-1055-52012-34-7'],
    ['0 1055 52012 34 7'],
    [' 0105552012347 '],
    ["'0105552012347"],
    ['"0105552012347"'],
    ['="0105552012347"'],
    ['๐๑๐๕๕๕๒๐๑๒๓๔๗'],
    ['0\u00A0105552012347'],
    ['0–1055–52012–34–7'],
  ])('cleans %j', (raw) => {
    expect(normaliseTaxId(raw)).toEqual({ tin: VALID, valid: true, raw });
  });

  it('keeps a 13-digit id with a bad check digit but marks it invalid', () => {
    const result = normaliseTaxId('0105552012345');
    expect(result).toMatchObject({ tin: '0105552012345', valid: false, problem: 'bad-check-digit' });
    expect(result.message).toContain('should be 7');
  });

  it('restores the leading zero of a 12-digit id, and lets the check digit decide', () => {
    expect(normaliseTaxId('105552012347')).toMatchObject({ tin: VALID, valid: true, problem: 'leading-zero-restored' });
    expect(normaliseTaxId('107544000108')).toMatchObject({ tin: PTT, valid: true, problem: 'leading-zero-restored' });
    const bad = normaliseTaxId('105552012345');
    expect(bad).toMatchObject({ tin: '0105552012345', valid: false, problem: 'leading-zero-restored' });
    expect(bad.message).toContain('still invalid');
  });

  it('reads a float-formatted id without losing digits', () => {
    expect(normaliseTaxId('105552012347.0')).toMatchObject({ tin: VALID, valid: true, problem: 'leading-zero-restored' });
  });

  it.each(['1.05552E+11', '1.05552e+12', '1.05552E11', '1,05552E+11', ' 1.07544E+11 '])(
    'refuses to guess the digits of scientific notation %j',
    (raw) => {
      const result = normaliseTaxId(raw);
      expect(result).toMatchObject({ tin: null, valid: false, raw, problem: 'scientific-notation' });
      expect(result.message).toContain('damaged by Excel');
      expect(result.message).toContain('cannot be restored');
    },
  );

  it.each([null, undefined, '', '   ', '-'])('reports %j as missing', (raw) => {
    expect(normaliseTaxId(raw)).toMatchObject({ tin: null, valid: false, raw: raw ?? '', problem: 'missing' });
  });

  it('reports other lengths and non-digits', () => {
    expect(normaliseTaxId('12345')).toMatchObject({ tin: null, valid: false, problem: 'wrong-length' });
    expect(normaliseTaxId('01055520123470')).toMatchObject({ tin: null, problem: 'wrong-length' });
    expect(normaliseTaxId('01055520123470').message).toContain('14 digits');
    expect(normaliseTaxId('0105552O12347')).toMatchObject({ tin: null, valid: false, problem: 'not-digits' });
    expect(normaliseTaxId('บริษัท ก จำกัด')).toMatchObject({ tin: null, problem: 'not-digits' });
  });

  it('keeps the raw text exactly as received', () => {
    expect(normaliseTaxId(' 0-1055-52012-34-7 ').raw).toBe(' 0-1055-52012-34-7 ');
  });
});
