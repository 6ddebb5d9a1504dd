import { toBangkokIsoDate } from './bangkok-date';
import { BE_OFFSET } from './buddhist-era';
import { ValueParseError } from './errors';
import { excelSerialToIsoDate } from './excel-serial';
import { daysInMonth, monthNameEn, toIsoDate } from './iso-date';
import { cleanCellText, isMissingMarker } from './text-cleaning';
import { thaiMonthNumber } from './thai-months';

/*
 * Reads the date forms found in Thai government data into ISO 'YYYY-MM-DD' calendar dates:
 *   15 ก.ย. 68 · 15 ก.ย.68 · 15-ก.ย.-64 · 15 กันยายน 2568 · 15 กันยายน พ.ศ. 2568 · ๑๕ ก.ย. ๖๘
 *   31/03/2559 · 31-03-2559 · 31/03/2559 14:30 · 2025-09-15 · 2568-09-15 · 2025-09-15T10:00:00
 *   45915 (an Excel serial day number)
 * A four-digit year of 2400 or more is Buddhist Era (BE 2400 = CE 1857, so no real CE date in this
 * data reaches it); a two-digit year is always BE (68 → 2568). Validity, leap years included, is
 * judged on the converted CE date: 29/02/2567 is real (CE 2024 is a leap year), 29/02/2568 is not.
 */

const BE_YEAR_FLOOR = 2400;
// Audit data has no dates outside these years; anything outside is a typo, not a date to store.
const PLAUSIBLE_CE_YEARS = { from: 1800, to: 2199 };

const ISO_ORDER =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const TRAILING_TIME = /^(.*?\S)\s+(?:เวลา\s*)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*น\.?)?$/;
const EXCEL_SERIAL = /^\d+(?:\.\d+)?$/;
const DAY_MONTH_YEAR_NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d+)$/;
const DAY_MONTH_NAME_YEAR = /^(\d{1,2})\s*-?\s*(\D+?)\s*-?\s*(\d+)$/;
const ERA_SUFFIX = /\s*(?:(พ)|ค)\.?\s*ศ\.?$/;

type Era = 'BE' | 'CE' | undefined;

/**
 * Parses a Thai or ISO date into 'YYYY-MM-DD'. Returns null for a missing value ('' / spaces / '-').
 * Throws ValueParseError naming the reason for impossible dates, unknown months and anything else.
 */
export function parseThaiDate(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const text = cleanCellText(raw).replace(/^วันที่\s*/, '');
  if (isMissingMarker(text)) return null;
  const shown = raw.trim();

  const iso = parseIsoOrder(text, shown);
  if (iso !== undefined) return iso;
  if (EXCEL_SERIAL.test(text)) {
    // A bare 4-digit number in a date column is a year someone typed, not a serial from 1905–1907.
    if (/^\d{4}$/.test(text)) throw new ValueParseError(`"${shown}" is a year, not a date`, shown);
    return excelSerialToIsoDate(Number(text));
  }

  const dateText = stripTime(text, shown);
  return (
    parseNumericDayMonthYear(dateText, shown) ??
    parseDayMonthNameYear(dateText, shown) ??
    fail(shown, `"${shown}" is not a date: expected a form like 15 ก.ย. 68, 31/03/2559 or 2025-09-15`)
  );
}

function fail(shown: string, message: string): never {
  throw new ValueParseError(message, shown);
}

function checkTime(shown: string, hour: string, minute: string, second = '0'): void {
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
    fail(shown, `"${shown}" has a time that does not exist (${hour}:${minute}${second === '0' ? '' : `:${second}`})`);
  }
}

/** YYYY-MM-DD (or YYYY/MM/DD), optionally with a time; with an explicit offset the Bangkok day is used. */
function parseIsoOrder(text: string, shown: string): string | undefined {
  const match = ISO_ORDER.exec(text);
  if (!match) return undefined;
  // Groups 5–8 (time and zone) are optional, so they may be undefined despite RegExpExecArray's typing.
  const [, y, , mo, d, hh, mm, ss, zone] = match as unknown as [string, string, string, string, string, ...(string | undefined)[]];
  const date = buildDate(shown, yearToCe(shown, y, undefined), Number(mo), Number(d));
  if (hh === undefined || mm === undefined) return date;
  checkTime(shown, hh, mm, ss);
  if (!zone) return date; // a wall-clock time without an offset: the date is as written
  // An instant such as "2025-09-14T17:00:00Z" (how JSON APIs write Bangkok midnight) is a day in Thailand.
  const [yy, mon, dd] = date.split('-').map(Number) as [number, number, number];
  const offsetMinutes = zoneOffsetMinutes(zone);
  const utc = Date.UTC(yy, mon - 1, dd, Number(hh), Number(mm), Number(ss ?? 0)) - offsetMinutes * 60_000;
  return toBangkokIsoDate(new Date(utc));
}

function zoneOffsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits.startsWith('-') ? -minutes : minutes;
}

/** Drops a trailing time ("14:30", "14:30:00", "เวลา 14:30 น.") after checking it is a real time. */
function stripTime(text: string, shown: string): string {
  const match = TRAILING_TIME.exec(text);
  if (!match) return text;
  checkTime(shown, match[2]!, match[3]!, match[4]);
  return match[1]!;
}

/** dd/mm/yyyy, dd-mm-yyyy or dd.mm.yyyy. */
function parseNumericDayMonthYear(text: string, shown: string): string | undefined {
  const match = DAY_MONTH_YEAR_NUMERIC.exec(text);
  if (!match) return undefined;
  const [, d, , mo, y] = match as unknown as [string, string, string, string, string]; // every group is mandatory
  if (y.length !== 4) {
    // 31/03/59 could be BE 2559 or a US-style 3/31/59 date; guessing would store a wrong date silently.
    fail(shown, `"${shown}" has a ${y.length}-digit year; write the year in full (e.g. 31/03/2559)`);
  }
  return buildDate(shown, yearToCe(shown, y, undefined), Number(mo), Number(d));
}

/** 15 ก.ย. 68, 15-ก.ย.-64, 15 กันยายน 2568, 15 กันยายน พ.ศ. 2568. */
function parseDayMonthNameYear(text: string, shown: string): string | undefined {
  const match = DAY_MONTH_NAME_YEAR.exec(text);
  if (!match) return undefined;
  const [, d, middle, y] = match as unknown as [string, string, string, string]; // every group is mandatory
  const eraMatch = ERA_SUFFIX.exec(middle);
  const era: Era = eraMatch ? (eraMatch[1] ? 'BE' : 'CE') : undefined;
  const monthText = eraMatch ? middle.slice(0, eraMatch.index) : middle;
  const month = thaiMonthNumber(monthText);
  if (month === undefined) fail(shown, `"${shown}" has an unknown month "${monthText.trim()}"`);
  return buildDate(shown, yearToCe(shown, y, era), month, Number(d));
}

function yearToCe(shown: string, digits: string, era: Era): number {
  const year = Number(digits);
  if (digits.length === 2) {
    if (era === 'CE') fail(shown, `"${shown}" has a two-digit CE year; write the year in full`);
    return 2500 + year - BE_OFFSET;
  }
  if (digits.length !== 4) fail(shown, `"${shown}" has a ${digits.length}-digit year; expected 2 or 4 digits`);
  const isBe = era === 'BE' || (era === undefined && year >= BE_YEAR_FLOOR);
  if (era === 'BE' && year < BE_YEAR_FLOOR) fail(shown, `"${shown}" has an implausible Buddhist Era year ${year}`);
  if (era === 'CE' && year >= BE_YEAR_FLOOR) fail(shown, `"${shown}" has an implausible CE year ${year}`);
  return isBe ? year - BE_OFFSET : year;
}

function buildDate(shown: string, yearCe: number, month: number, day: number): string {
  if (yearCe < PLAUSIBLE_CE_YEARS.from || yearCe > PLAUSIBLE_CE_YEARS.to) {
    fail(shown, `"${shown}" has an implausible year (CE ${yearCe}); dates must fall in CE ${PLAUSIBLE_CE_YEARS.from}–${PLAUSIBLE_CE_YEARS.to}`);
  }
  if (month < 1 || month > 12) fail(shown, `${shown} is not a real date (there is no month ${month})`);
  const monthLength = daysInMonth(yearCe, month);
  if (day < 1) fail(shown, `${shown} is not a real date (there is no day ${day})`);
  if (day > monthLength) {
    fail(shown, `${shown} is not a real date (${monthNameEn(month)} ${yearCe} has ${monthLength} days)`);
  }
  return toIsoDate(yearCe, month, day);
}
