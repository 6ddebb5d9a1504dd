import { ValueParseError } from './errors';
import { cleanCellText, isMissingMarker } from './text-cleaning';

/*
 * Amounts of money as they appear in e-GP, GFMIS and agency spreadsheets, read into exact decimal
 * strings ("1234567.50"). Never JS numbers: a float cannot hold every satang of a large budget, and
 * "missing" must stay distinct from zero (a rule must report a missing price as not calculable, never
 * as clear).
 */

// Exact arithmetic lives in decimal.ts; re-exported so callers find all money helpers in one place.
export {
  addDecimal,
  compareDecimal,
  decimalToNumber,
  isDecimalString,
  scaleDecimal,
  subtractDecimal,
  sumDecimals,
} from './decimal';

const CURRENCY_BEFORE = /^(?:บาท|฿)\s*/;
const CURRENCY_AFTER = /\s*(?:บาท|฿)$/;
// "1,234,567" (groups of three) or "1234567"; the fraction is checked separately.
const INTEGER_PART = /^(?:\d{1,3}(?:,\d{3})+|\d+)$/;

function stripCurrency(s: string): string {
  return s.replace(CURRENCY_BEFORE, '').replace(CURRENCY_AFTER, '');
}

function fail(raw: string, reason: string): never {
  throw new ValueParseError(`"${raw}" is not an amount: ${reason}`, raw);
}

/**
 * Reads an amount of money. Returns null when the cell is missing ('' / spaces / '-'), never zero.
 *
 * Accepts thousands separators, Thai digits, any kind of space, `บาท` or `฿` before or after, and
 * negatives written as a leading minus, in parentheses (accounting style) or with a trailing minus
 * (the SAP style GFMIS exports use). `1,000.-` is read as 1000: Thai documents end whole-baht
 * amounts with ".-" to show there are no satang.
 *
 * Returns a canonical string: leading zeros stripped, the given decimals kept ("1,234.50" → "1234.50"),
 * and never "-0". Throws ValueParseError for anything else (`1.2.3`, `12abc`, `1,23,4`, `1.5E+6`).
 */
export function parseAmount(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  let s = cleanCellText(raw);
  if (isMissingMarker(s)) return null;

  s = stripCurrency(s);
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = stripCurrency(s.slice(1, -1).trim());
  }
  if (/^[-\u2212]/.test(s)) {
    if (negative) fail(raw, 'it has both parentheses and a minus sign');
    negative = true;
    s = stripCurrency(s.slice(1).trim());
  } else if (/^\+/.test(s)) {
    s = stripCurrency(s.slice(1).trim());
  }
  if (s.endsWith('.-')) {
    s = s.slice(0, -2);
  } else if (/\d-$/.test(s)) {
    if (negative) fail(raw, 'it has more than one minus sign');
    negative = true;
    s = s.slice(0, -1);
  }
  if (isMissingMarker(s)) {
    if (negative || s !== '') return null; // "- บาท" is a dash with a unit: still nothing
    fail(raw, 'it has no digits');
  }

  return canonical(readNumber(s, raw), negative);
}

/** Splits "1,234.50" into its digits, checking each part; returns [integer digits, fraction digits]. */
function readNumber(s: string, raw: string): [string, string] {
  if (/\d[eE][+-]?\d/.test(s)) fail(raw, 'it is in scientific notation, so digits have already been lost');
  const bad = s.match(/[^\d.,]/);
  if (bad) fail(raw, `unexpected "${s.slice(bad.index)}"`);
  const pieces = s.split('.');
  if (pieces.length > 2) fail(raw, 'it has more than one decimal point');
  const [intText, fracText] = pieces as [string, string | undefined];
  if (fracText !== undefined && fracText.includes(',')) fail(raw, 'a comma comes after the decimal point');
  if (fracText !== undefined && fracText === '') fail(raw, 'nothing follows the decimal point');
  if (intText === '' && fracText === undefined) fail(raw, 'it has no digits');
  if (intText !== '' && !INTEGER_PART.test(intText)) {
    fail(raw, 'the thousands separators are misplaced (expected groups of three digits, as in 1,234,567.50)');
  }
  return [intText.replace(/,/g, ''), fracText ?? ''];
}

function canonical([intDigits, fracDigits]: [string, string], negative: boolean): string {
  const intPart = intDigits.replace(/^0+(?=\d)/, '') || '0';
  const text = fracDigits ? `${intPart}.${fracDigits}` : intPart;
  const isZero = !/[1-9]/.test(text);
  return negative && !isZero ? `-${text}` : text;
}
