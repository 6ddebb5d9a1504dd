import { thaiDigitsToAscii } from './thai-digits';

/*
 * Spreadsheet cells exported from Thai systems carry invisible passengers: non-breaking spaces from web
 * pages, thin spaces from Word, and zero-width spaces that Thai word-breaking tools insert between words.
 * They look like nothing on screen, so a parser must treat them like ordinary spaces (or drop them)
 * before it decides whether a value is valid.
 */

// Every Unicode space separator plus tab/newline; \s already covers NBSP, U+2000–U+200A, U+202F, U+3000.
const SPACES = /\s+/g;
// Zero-width space/non-joiner/joiner, word joiner and the byte-order mark: invisible, so removed outright.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Removes invisible characters, turns every kind of space into one ASCII space and trims the ends. */
export function normaliseSpaces(s: string): string {
  return s.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** The cleaning every parser wants first: Thai digits to ASCII, then {@link normaliseSpaces}. */
export function cleanCellText(s: string): string {
  return normaliseSpaces(thaiDigitsToAscii(s));
}

/**
 * True for the placeholders that mean "no value" in Thai government files: empty, and a dash
 * (hyphen, en dash, em dash or minus sign, since word processors turn one into another).
 * Such cells are missing, never zero.
 */
export function isMissingMarker(cleaned: string): boolean {
  return cleaned === '' || /^[-\u2013\u2014\u2212]$/.test(cleaned);
}
