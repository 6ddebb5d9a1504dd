import { ValueParseError } from './errors';
import { dayNumberToIso, isoToDayNumber } from './iso-date';

/*
 * Excel (1900 date system) stores a date as a count of days: serial 1 is 1900-01-01. It copies a
 * Lotus 1-2-3 bug that treats 1900 as a leap year, so serial 60 is "29 February 1900", a day that
 * never existed, and every serial from 61 on is one more than the true count of days since 1899-12-31.
 */

export const EXCEL_SERIAL_MIN = 1;
// 80000 is 2119-01-11: well past any date in audit data, so larger numbers are not dates.
export const EXCEL_SERIAL_MAX = 80000;
const LOTUS_PHANTOM_LEAP_DAY = 60;
const DAY_BEFORE_SERIAL_1 = isoToDayNumber('1899-12-31');

/**
 * The calendar date of an Excel serial day number. A fractional part is the time of day and is dropped.
 * Throws ValueParseError outside 1..80000 and for serial 60.
 */
export function excelSerialToIsoDate(serial: number): string {
  if (!Number.isFinite(serial) || serial < EXCEL_SERIAL_MIN || serial >= EXCEL_SERIAL_MAX + 1) {
    throw new ValueParseError(
      `${serial} is not an Excel date serial (expected a day number from ${EXCEL_SERIAL_MIN} to ${EXCEL_SERIAL_MAX})`,
      String(serial),
    );
  }
  const day = Math.floor(serial);
  if (day === LOTUS_PHANTOM_LEAP_DAY) {
    throw new ValueParseError(
      'Excel serial 60 is 29 February 1900, a day that never existed (a leap-year bug Excel kept from Lotus 1-2-3)',
      String(serial),
    );
  }
  return dayNumberToIso(DAY_BEFORE_SERIAL_1 + (day > LOTUS_PHANTOM_LEAP_DAY ? day - 1 : day));
}
