import { ValueParseError } from './errors';

/*
 * Exact arithmetic on decimal strings such as "1234567.50".
 *
 * Money must not pass through JS numbers: 0.1 + 0.2 !== 0.3, and GFMIS reports in million baht
 * ("1.234567") become baht only by an exact shift of the decimal point. Values here are plain strings
 * (optional leading "-", digits, optional "." and digits), the form parseAmount returns and the form
 * PostgreSQL's numeric type reads and writes. Arithmetic uses BigInt on an integer count of the
 * smallest unit present.
 */

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** A decimal as an integer number of units of 10^-scale, e.g. "12.50" → { units: 1250n, scale: 2 }. */
interface Scaled {
  units: bigint;
  scale: number;
}

export function isDecimalString(value: string): boolean {
  return DECIMAL.test(value);
}

function toScaled(value: string): Scaled {
  const match = DECIMAL.exec(value);
  if (!match) {
    throw new ValueParseError(`"${value}" is not a decimal number (expected digits like 1234567.50)`, value);
  }
  const [, minus, intDigits, fracDigits = ''] = match;
  const units = BigInt(intDigits + fracDigits);
  return { units: minus ? -units : units, scale: fracDigits.length };
}

/** Writes units back with exactly `scale` fraction digits; never "-0". */
function fromScaled({ units, scale }: Scaled): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const intPart = digits.slice(0, digits.length - scale);
  const text = scale > 0 ? `${intPart}.${digits.slice(digits.length - scale)}` : intPart;
  return negative ? `-${text}` : text;
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Both values expressed in the larger of their two scales. */
function align(a: Scaled, b: Scaled): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * pow10(scale - a.scale), b.units * pow10(scale - b.scale), scale];
}

/**
 * Moves the decimal point `powerOfTen` places (right when positive, left when negative), exactly.
 * scaleDecimal("1.234567", 6) === "1234567" (million baht → baht); scaleDecimal("1500", -3) === "1.500".
 * The digits are kept as they are: the result has max(0, fractionDigits − powerOfTen) fraction digits,
 * so no precision is invented or thrown away.
 */
export function scaleDecimal(value: string, powerOfTen: number): string {
  if (!Number.isInteger(powerOfTen)) {
    throw new RangeError(`scaleDecimal needs a whole power of ten, got ${powerOfTen}`);
  }
  const { units, scale } = toScaled(value);
  const newScale = scale - powerOfTen;
  return newScale >= 0 ? fromScaled({ units, scale: newScale }) : fromScaled({ units: units * pow10(-newScale), scale: 0 });
}

/** Numeric comparison, ignoring how many trailing zeros each side carries ("1.50" equals "1.5"). */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const [x, y] = align(toScaled(a), toScaled(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Exact sum, with as many fraction digits as the more precise operand ("1.50" + "2" = "3.50"). */
export function addDecimal(a: string, b: string): string {
  const [x, y, scale] = align(toScaled(a), toScaled(b));
  return fromScaled({ units: x + y, scale });
}

/** Exact a − b, with as many fraction digits as the more precise operand. */
export function subtractDecimal(a: string, b: string): string {
  const [x, y, scale] = align(toScaled(a), toScaled(b));
  return fromScaled({ units: x - y, scale });
}

/** Exact sum of many values; "0" for none. */
export function sumDecimals(values: Iterable<string>): string {
  let total = '0';
  for (const value of values) total = addDecimal(total, value);
  return total;
}

/**
 * An approximate JS number, for statistics only (Benford digit shares, ratios, Tukey fences), where
 * float error is harmless. Never use it to store, sum or compare money.
 */
export function decimalToNumber(value: string): number {
  toScaled(value); // validates the text; Number() alone would accept "1e5" or " 12 "
  return Number(value);
}
