import { z } from 'zod';
import { ValueParseError } from '../common/errors';
import { parseAmount } from '../common/money';
import { parseThaiDate } from '../common/thai-date';
import { normaliseTaxId } from '../common/tax-id';
import { thaiDigitsToAscii } from '../common/thai-digits';
import type { RawRow, RowContext } from './source-definition';

/**
 * Zod pieces for CSV cells. Each takes the raw text ('' or undefined when empty) and yields the
 * value to store, or a zod issue whose message says what is wrong in words an officer understands.
 * Empty means missing, never zero.
 */

const cell = z.string().optional();

/** Empty, spaces, or a lone dash of any kind (-, –, —, −): the ways people write "none". */
export function isBlankCell(raw: string | undefined): boolean {
  return raw === undefined || raw.trim() === '' || /^[-\u2013\u2014\u2212]$/.test(raw.trim());
}

/** Wraps a parser (usually from common/) so its ValueParseError becomes a zod issue on this cell. */
export function cellOf<T>(parse: (raw: string) => T | null, options: { required?: boolean } = {}) {
  return cell.transform((raw, ctx): T | null => {
    if (isBlankCell(raw)) {
      if (options.required) ctx.addIssue({ code: 'custom', message: 'is required but empty' });
      return null;
    }
    try {
      return parse(raw!);
    } catch (error) {
      if (!(error instanceof ValueParseError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
      return null;
    }
  });
}

export const text = (options: { required?: boolean; max?: number } = {}) =>
  cellOf((raw) => {
    const value = raw.trim().replace(/\s+/g, ' ');
    if (options.max && value.length > options.max) throw new ValueParseError(`is longer than ${options.max} characters`);
    return value;
  }, options);

/** A code (agency, project): trimmed, Thai digits made ASCII, leading zeros kept. */
export const code = (options: { required?: boolean; pattern?: RegExp; patternHint?: string } = {}) =>
  cellOf((raw) => {
    const value = thaiDigitsToAscii(raw.trim());
    if (options.pattern && !options.pattern.test(value)) {
      throw new ValueParseError(`"${raw.trim()}" is not a valid code (${options.patternHint ?? options.pattern.source})`);
    }
    return value;
  }, options);

/** A calendar date in any form of domain.md, stored as ISO 'YYYY-MM-DD'. */
export const date = (options: { required?: boolean } = {}) =>
  cellOf((raw) => parseThaiDate(raw), options);

/**
 * An amount in baht as an exact decimal string (never a float). It must fit the `numeric(18,2)`
 * columns: at most 16 whole digits and 2 decimals (satang), so a typo is reported, not rounded.
 */
export const amount = (options: { required?: boolean; nonNegative?: boolean } = {}) =>
  cellOf((raw) => {
    const value = parseAmount(raw);
    if (value === null) return null;
    if (options.nonNegative && value.startsWith('-')) throw new ValueParseError(`"${raw.trim()}" is negative`);
    const [whole, fraction = ''] = value.replace('-', '').split('.');
    if (whole.length > 16) throw new ValueParseError(`"${raw.trim()}" is too large for an amount in baht`);
    if (fraction.replace(/0+$/, '').length > 2) {
      throw new ValueParseError(`"${raw.trim()}" has more than 2 decimal places (satang)`);
    }
    return value;
  }, options);

export const integer = (options: { required?: boolean; min?: number; max?: number; label?: string } = {}) =>
  cellOf((raw) => {
    const digits = thaiDigitsToAscii(raw.trim()).replace(/,/g, '');
    if (!/^-?\d+$/.test(digits)) throw new ValueParseError(`"${raw.trim()}" is not a whole number`);
    const value = Number(digits);
    if ((options.min !== undefined && value < options.min) || (options.max !== undefined && value > options.max)) {
      throw new ValueParseError(
        `${value} is outside ${options.min ?? '…'}–${options.max ?? '…'}${options.label ? ` (${options.label})` : ''}`,
      );
    }
    return value;
  }, options);

/** A Buddhist Era fiscal year such as 2568; a CE year (2025) is a common slip and is named as such. */
export const fiscalYear = (options: { required?: boolean } = {}) =>
  cellOf((raw) => {
    const digits = thaiDigitsToAscii(raw.trim());
    if (!/^\d{4}$/.test(digits)) throw new ValueParseError(`"${raw.trim()}" is not a fiscal year such as 2568`);
    const year = Number(digits);
    if (year >= 1900 && year < 2400) {
      throw new ValueParseError(`${year} looks like a Christian Era year; fiscal years are Buddhist Era (${year + 543})`);
    }
    if (year < 2500 || year > 2700) throw new ValueParseError(`${year} is not a plausible Buddhist Era fiscal year`);
    return year;
  }, options);

/** One of a fixed set of values, written in English or Thai; the map folds every spelling to its code. */
export const oneOf = <T extends string>(spellings: Record<string, T>, options: { required?: boolean } = {}) => {
  const folded = new Map(Object.entries(spellings).map(([k, v]) => [foldSpelling(k), v]));
  const allowed = [...new Set(Object.values(spellings))].join(', ');
  return cellOf((raw) => {
    const value = folded.get(foldSpelling(raw));
    if (!value) throw new ValueParseError(`"${raw.trim()}" is not one of ${allowed}`);
    return value;
  }, options);
};

/** A list in one cell, separated by `;` (e-GP ids, skills). Empty cell → empty list. */
export const list = (item: (value: string) => string = (v) => v) =>
  cell.transform((raw) =>
    isBlankCell(raw)
      ? []
      : raw!
          .split(/[;\n]/)
          .map((v) => v.trim())
          .filter((v) => v !== '' && v !== '-')
          .map(item),
  );

export function foldSpelling(value: string): string {
  return thaiDigitsToAscii(value).trim().toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * A 13-digit tax id (run `restoreTaxIdZeros` in the source's repairRow first, so a 12-digit id that
 * lost its leading zero arrives repaired and reported). Excel's scientific notation cannot be undone
 * and is refused; a bad check digit is refused unless `allowBadCheckDigit`.
 */
export const taxId = (options: { required?: boolean; allowBadCheckDigit?: boolean } = {}) =>
  cellOf((raw) => {
    const result = normaliseTaxId(raw);
    if (result.problem === 'bad-check-digit') {
      if (options.allowBadCheckDigit) return result.tin;
      throw new ValueParseError(`${result.tin} is not a valid tax id: its check digit does not match`);
    }
    if (!result.tin || !result.valid) throw new ValueParseError(result.message ?? `"${raw.trim()}" is not a tax id`);
    return result.tin;
  }, options);

/** For a source's repairRow: gives 12-digit tax ids their leading zero back and reports it. */
export function restoreTaxIdZeros(raw: RawRow, keys: string[], context: RowContext): RawRow {
  for (const key of keys) {
    const value = raw[key];
    if (!value) continue;
    const result = normaliseTaxId(value);
    if (result.problem === 'leading-zero-restored' && result.tin) {
      context.repair(key, result.message ?? `leading zero restored: ${result.tin}`);
      raw[key] = result.tin;
    }
  }
  return raw;
}
