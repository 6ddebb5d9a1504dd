import { isIsoDate } from './iso-date';

/*
 * Buddhist Era years and Thai-style date display. BE = CE + 543 for the whole year (modern Thai
 * usage since 1941). Display goes through ICU's Buddhist calendar rather than adding 543 to a
 * Date's year, so month names, digits and the era come from one source and cannot drift apart.
 */

// The Bangkok calendar day helpers belong with the other date-of-an-instant logic; they are
// re-exported here because callers look for them next to the Thai date formatting.
export { todayInBangkok, toBangkokIsoDate } from './bangkok-date';

export const BE_OFFSET = 543;

function assertYear(year: number): void {
  if (!Number.isInteger(year)) throw new RangeError(`a year must be a whole number, got ${year}`);
}

export function beToCe(yearBe: number): number {
  assertYear(yearBe);
  return yearBe - BE_OFFSET;
}

export function ceToBe(yearCe: number): number {
  assertYear(yearCe);
  return yearCe + BE_OFFSET;
}

export type ThaiDateStyle = 'short' | 'long';
export type ThaiDigitStyle = 'arabic' | 'thai';

const formatters = new Map<string, Intl.DateTimeFormat>();

// Building an Intl.DateTimeFormat is slow compared with using one; reports format thousands of dates.
function formatterFor(style: ThaiDateStyle, digits: ThaiDigitStyle): Intl.DateTimeFormat {
  const key = `${style}/${digits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const locale = digits === 'thai' ? 'th-TH-u-ca-buddhist-nu-thai' : 'th-TH-u-ca-buddhist-nu-latn';
    formatter = new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Bangkok', day: 'numeric', month: style, year: 'numeric' });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats an ISO date the Thai way: 'short' → "15 ก.ย. 2568", 'long' → "15 กันยายน 2568";
 * digits 'thai' → "๑๕ ก.ย. ๒๕๖๘".
 */
export function formatThaiDate(isoDate: string, style: ThaiDateStyle = 'short', digits: ThaiDigitStyle = 'arabic'): string {
  if (!isIsoDate(isoDate)) throw new RangeError(`"${isoDate}" is not an ISO date (YYYY-MM-DD)`);
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  // Noon UTC is 19:00 in Bangkok, safely inside the same calendar day.
  const instant = new Date(Date.UTC(2000, month - 1, day, 12));
  instant.setUTCFullYear(year);
  return formatterFor(style, digits).format(instant);
}
