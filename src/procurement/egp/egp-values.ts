import { ValueParseError } from '../../common/errors';
import { parseAmount } from '../../common/money';
import { normaliseTaxId, TaxIdResult } from '../../common/tax-id';
import { normaliseSpaces } from '../../common/text-cleaning';
import { parseThaiDate } from '../../common/thai-date';
import { thaiDigitsToAscii } from '../../common/thai-digits';
import { memoised, memoisedParser } from './egp-memo';

/*
 * Readers for single e-GP cells. Each takes the cell as the file wrote it (undefined when the layout has
 * no such column) and returns the value to store, null when the cell is missing, or throws
 * ValueParseError with a message for the officer fixing the file. Empty and a lone dash mean missing,
 * never zero. The common parsers do the real work; these add what is specific to e-GP and keep the
 * per-cell cost low (a million-row file calls each of them a million times).
 */

// Anything normaliseSpaces would change besides the ends: doubled spaces, tabs and line breaks, NBSP and
// other Unicode spaces, zero-width characters. Testing first lets the common case skip three replaces.
const NEEDS_SPACE_CLEANING = /\s\s|[^\S ]|[\u200B-\u200D\u2060\uFEFF]/;
const DASHES = /^[-\u2013\u2014\u2212]$/;
const THAI_DIGIT = /[\u0E50-\u0E59]/;

/** Free text: spaces normalised and trimmed; '' and '-' are null. */
export function readText(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  let text = raw.trim();
  if (text === '') return null;
  if (NEEDS_SPACE_CLEANING.test(text)) {
    text = normaliseSpaces(text);
    if (text === '') return null;
  }
  if (text.length === 1 && DASHES.test(text)) return null;
  return text;
}

/** A code such as a contract number: like {@link readText}, with Thai digits made ASCII so codes match. */
export function readCode(raw: string | undefined): string | null {
  const text = readText(raw);
  return text !== null && THAI_DIGIT.test(text) ? thaiDigitsToAscii(text) : text;
}

const PROJECT_ID = /^\d{11}$/;
// The doc fixes only the `P`; the digit count of plan ids is not published, so it is not enforced tightly.
const PLAN_ID = /^P\d{8,14}$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?e[+-]?\d+$/i;

/** รหัสโครงการ: 11 digits (the first two the BE year) or a plan-stage id starting with `P`. Required. */
export function readProjectId(raw: string | undefined): string {
  const text = readCode(raw);
  if (text === null) throw new ValueParseError('is required but empty');
  if (PROJECT_ID.test(text)) return text;
  const upper = text.toUpperCase();
  if (PLAN_ID.test(upper)) return upper;
  if (SCIENTIFIC.test(text)) {
    throw new ValueParseError(`"${text}" is a project id damaged by Excel (scientific notation); it cannot be restored`, text);
  }
  throw new ValueParseError(`"${text}" is not an e-GP project id (11 digits, or a plan id starting with P)`, text);
}

const FOUR_DIGITS = /^\d{4}$/;
const BE_YEARS = { from: 2500, to: 2700 };

/** ปีงบประมาณ: a Buddhist Era year such as 2568; a CE year is a common slip and is named as such. */
export function readBudgetYear(raw: string | undefined): number | null {
  const text = readCode(raw);
  if (text === null) return null;
  if (!FOUR_DIGITS.test(text)) throw new ValueParseError(`"${text}" is not a Buddhist Era fiscal year such as 2568`, text);
  const year = Number(text);
  if (year >= 1900 && year < 2400) {
    throw new ValueParseError(`${year} looks like a Christian Era year; fiscal years are Buddhist Era (${year + 543})`, text);
  }
  if (year < BE_YEARS.from || year > BE_YEARS.to) {
    throw new ValueParseError(`${year} is not a plausible Buddhist Era fiscal year`, text);
  }
  return year;
}

// Dates repeat heavily (a few thousand distinct values per file), so the regex-heavy parser runs once each.
const parseDateMemo = memoisedParser(parseThaiDate);

/** A date in any form parseThaiDate reads (`15 ก.ย. 67`, `15-ก.ย.-64`, ISO…) as 'YYYY-MM-DD'; '-' is null. */
export function readDate(raw: string | undefined): string | null {
  return raw === undefined ? null : parseDateMemo(raw);
}

// The form e-GP writes nearly every amount in: ASCII digits, separators in groups of three, an optional
// fraction, no leading zero, nothing around it. parseAmount's answer for it is simply the text without
// commas, so such cells skip its general path (a third of the row's cost otherwise); a spec checks the two agree.
const PLAIN_AMOUNT = /^(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?$/;
const COMMAS = /,/g;

/** An amount in baht as an exact decimal string; a negative price is no price. */
export function readAmount(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  if (PLAIN_AMOUNT.test(raw)) return raw.indexOf(',') === -1 ? raw : raw.replace(COMMAS, '');
  const value = parseAmount(raw);
  if (value !== null && value.startsWith('-')) throw new ValueParseError(`"${raw.trim()}" is a negative amount`, raw);
  return value;
}

const DECIMAL_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A coordinate in decimal degrees; '' and '-' are null. Range checks belong to the caller (lat vs lon). */
export function readCoordinate(raw: string | undefined): number | null {
  const text = readCode(raw);
  if (text === null) return null;
  if (!DECIMAL_NUMBER.test(text)) throw new ValueParseError(`"${text}" is not a coordinate in decimal degrees`, text);
  return Number(text);
}

// Winners repeat across a file's contracts, so each distinct id text is checked once.
const taxIdMemo = memoised(normaliseTaxId);

/** เลขนิติบุคคล as normaliseTaxId reads it (restored leading zero, Excel damage, check digit). */
export function readTaxId(raw: string | undefined): TaxIdResult {
  return taxIdMemo(raw ?? '');
}
