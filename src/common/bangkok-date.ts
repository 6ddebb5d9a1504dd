import { toIsoDate } from './iso-date';

/*
 * Which calendar day an instant falls on in Thailand. The server may run in UTC (containers usually
 * do), and between 00:00 and 07:00 Bangkok time the UTC date is still yesterday's, so "today" and
 * timestamp-to-date conversions must ask for Asia/Bangkok explicitly instead of trusting the process TZ.
 */

export const BANGKOK_TIME_ZONE = 'Asia/Bangkok';

// Gregorian calendar and Latin digits are pinned so the parts are plain numbers on any ICU build.
const bangkokParts = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
  timeZone: BANGKOK_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The ISO date (yyyy-mm-dd) of the Bangkok calendar day that instant d falls on. */
export function toBangkokIsoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new RangeError('toBangkokIsoDate was given an invalid Date');
  const parts = bangkokParts.formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return toIsoDate(part('year'), part('month'), part('day'));
}

/** Today's date in Bangkok as yyyy-mm-dd; pass `now` to make callers testable. */
export function todayInBangkok(now: Date = new Date()): string {
  return toBangkokIsoDate(now);
}
