import { ValueParseError } from '../../common/errors';
import { thaiDigitsToAscii } from '../../common/thai-digits';
import { cellOf, code } from '../fields';
import type { RawRow, RowContext } from '../source-definition';

/*
 * Cell pieces shared by the GFMIS, plan, complaint and auditor sources, built like those of fields.ts:
 * empty (or `-`) means missing, a problem is a zod issue on the cell in words an officer understands.
 */

export { cellOf, foldSpelling, isBlankCell } from '../fields';

/** Agency codes as the agencies source accepts them (GFMIS 5-digit codes or the province's own). */
export const AGENCY_CODE = /^[0-9A-Za-z._-]{1,20}$/;
export const AGENCY_CODE_HINT = 'letters and digits, up to 20';

export const agencyCode = (options: { required?: boolean } = {}) =>
  code({ required: options.required, pattern: AGENCY_CODE, patternHint: AGENCY_CODE_HINT });

/**
 * A key or reference number typed by people (complaint no., auditor id, contract no.): Thai digits made
 * ASCII and runs of spaces folded, so `ดธ ๐๐๑๗/๒๕๖๘` and `ดธ 0017/2568` are the same key.
 */
export const keyText = (options: { required?: boolean; max?: number } = {}) =>
  cellOf((raw) => {
    const value = thaiDigitsToAscii(raw).trim().replace(/\s+/g, ' ');
    if (options.max && value.length > options.max) throw new ValueParseError(`is longer than ${options.max} characters`);
    return value;
  }, options);

/**
 * For a repairRow: a fixed-length numeric code (a GFMIS agency code has 5 digits, a disbursing unit 10)
 * that Excel turned into a number lost its leading zeros. Up to two lost zeros are put back and
 * reported; anything shorter is left for the row schema or the reference check to refuse.
 */
export function restoreCodeZeros(raw: RawRow, key: string, length: number, label: string, context: RowContext): void {
  const value = raw[key];
  if (value === undefined) return;
  const digits = thaiDigitsToAscii(value.trim());
  if (!/^\d+$/.test(digits) || digits.length >= length || digits.length < length - 2) return;
  const restored = digits.padStart(length, '0');
  raw[key] = restored;
  context.repair(key, `restored the leading zero${length - digits.length > 1 ? 's' : ''} Excel dropped: ${restored} (${label} has ${length} digits)`);
}
