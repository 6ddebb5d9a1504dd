/**
 * Thai digits ๐–๙ (U+0E50–U+0E59) appear in official documents and must be read exactly like 0–9.
 * The two blocks are laid out in the same order, so each conversion is a fixed code-point shift.
 */
const THAI_ZERO = 0x0e50;
const ASCII_ZERO = 0x30;

export function thaiDigitsToAscii(s: string): string {
  return s.replace(/[\u0E50-\u0E59]/g, (d) => String.fromCharCode(d.charCodeAt(0) - THAI_ZERO + ASCII_ZERO));
}

export function asciiToThaiDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - ASCII_ZERO + THAI_ZERO));
}
