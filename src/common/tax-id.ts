import { ValueParseError } from './errors';
import { cleanCellText, isMissingMarker } from './text-cleaning';

/*
 * Thai 13-digit tax identification numbers (เลขประจำตัวผู้เสียภาษี; for companies, the juristic
 * person id). The last digit checks the first twelve:
 *   sum = Σ digit[i] × (13 − i) for i = 0..11, check = (11 − sum mod 11) mod 10.
 * e-GP files link vendors to GFMIS payments by this id, and Excel damages it on the way: juristic ids
 * begin with 0, which Excel drops (12 digits left), and long numbers get shown in scientific notation
 * (1.05552E+11), which keeps only the first few digits.
 */

export type TaxIdProblem =
  | 'missing'
  | 'leading-zero-restored'
  | 'scientific-notation'
  | 'bad-check-digit'
  | 'wrong-length'
  | 'not-digits';

export type TaxIdResult = {
  /** The 13-digit id to store, or null when none can be recovered. */
  tin: string | null;
  /** True only for a 13-digit id whose check digit matches. */
  valid: boolean;
  /** The text as received, to keep and report. */
  raw: string;
  problem?: TaxIdProblem;
  message?: string;
};

/** Check digit of the first twelve digits of a tax id; ValueParseError unless given exactly 12 ASCII digits. */
export function taxIdCheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) {
    throw new ValueParseError(`a tax id check digit needs exactly 12 digits, got "${first12}"`, first12);
  }
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

/** True for exactly 13 ASCII digits with a matching check digit (use normaliseTaxId for raw cells). */
export function isValidTaxId(s: string): boolean {
  return /^\d{13}$/.test(s) && taxIdCheckDigit(s.slice(0, 12)) === Number(s[12]);
}

const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$/;
// Separators people type inside ids, and the quote and ="…" wrappers used to stop Excel eating zeros.
const DECORATION = /[\s\-\u2010-\u2015\u2212'"`\u2018\u2019\u201C\u201D]/g;

/** Reads a tax id cell: restores what can be restored and says what was wrong with the rest. */
export function normaliseTaxId(raw: string | null | undefined): TaxIdResult {
  const original = raw ?? '';
  const cleaned = cleanCellText(original);
  if (isMissingMarker(cleaned)) {
    return { tin: null, valid: false, raw: original, problem: 'missing', message: 'no tax id given' };
  }
  if (SCIENTIFIC.test(cleaned)) {
    return {
      tin: null,
      valid: false,
      raw: original,
      problem: 'scientific-notation',
      message: `"${cleaned}" is a tax id damaged by Excel (scientific notation keeps only the first digits); it cannot be restored`,
    };
  }
  let digits = cleaned.replace(/^=/, '').replace(DECORATION, '');
  // A column read as numbers and written back out as floats ("105552012347.0") keeps every digit.
  digits = digits.replace(/^(\d+)\.0+$/, '$1');
  if (!/^\d+$/.test(digits)) {
    return { tin: null, valid: false, raw: original, problem: 'not-digits', message: `"${cleaned}" is not a tax id: it contains characters other than digits` };
  }
  if (digits.length === 13) return checked(digits, original);
  if (digits.length === 12) {
    const tin = `0${digits}`;
    const valid = isValidTaxId(tin);
    const message = valid
      ? `restored the leading zero Excel dropped: ${tin}`
      : `restored the leading zero Excel dropped, but the check digit of ${tin} does not match, so the id is still invalid`;
    return { tin, valid, raw: original, problem: 'leading-zero-restored', message };
  }
  return {
    tin: null,
    valid: false,
    raw: original,
    problem: 'wrong-length',
    message: `"${cleaned}" has ${digits.length} digits; a tax id has 13`,
  };
}

function checked(tin: string, raw: string): TaxIdResult {
  if (isValidTaxId(tin)) return { tin, valid: true, raw };
  const expected = taxIdCheckDigit(tin.slice(0, 12));
  return {
    tin,
    valid: false,
    raw,
    problem: 'bad-check-digit',
    message: `${tin} fails its check digit (the last digit should be ${expected}); kept as given and marked invalid`,
  };
}
