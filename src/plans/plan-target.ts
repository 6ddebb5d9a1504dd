import { isMissingMarker, normaliseSpaces } from '../common/text-cleaning';
import { thaiDigitsToAscii } from '../common/thai-digits';
import { thaiMonthNumber } from '../common/thai-months';

/*
 * Targets (เป้าหมาย) and actuals (ผลการดำเนินการ) as people write them in Thai action plans (ปค.5 rows,
 * anti-corruption plans): `๓๒ หน่วยงาน`, `ร้อยละ ๘๐`, `ไม่น้อยกว่า ร้อยละ ๙๕`, `ระดับ ๕`, `๑ ครั้ง/๕๐๐ คน`,
 * `ปีละ ๒ ครั้ง`, `ไม่เกิน 3 เรื่อง`, or free text such as `ดำเนินการแล้วเสร็จ`.
 *
 * The parser keeps what was written (`text`) and reads, when it can do so without guessing, one number
 * (an exact decimal string, never a JS number), its unit, the comparison and the kind of scale. Anything
 * it cannot read safely (two numbers, a range, a date, an ordinal) keeps its text and gets value null:
 * a person reads it, the service never invents a number.
 */

export type PlanComparison = 'eq' | 'gte' | 'lte' | 'gt' | 'lt';
export type PlanScale = 'count' | 'percent' | 'level' | 'ratio';

export interface PlanTarget {
  /** What was written, with spaces tidied and Thai digits kept; null only for an empty cell. */
  text: string | null;
  /** The number as an exact decimal string ("1200", "87.5"); null when none could be read. */
  value: string | null;
  /** `%` for percent, `ระดับ` for level, else the word after the number (`หน่วยงาน`, `ครั้ง`), or null. */
  unit: string | null;
  /** How the number is meant: `eq` when nothing says otherwise; null when there is no number. */
  comparison: PlanComparison | null;
  scale: PlanScale | null;
  /** For ratios: the denominator (`/๕๐๐ คน` → { value: '500', unit: 'คน' }; `ปีละ` → { value: '1', unit: 'ปี' }). */
  per?: { value: string; unit: string } | null;
}

export interface PercentAchieved {
  /** actual ÷ target × 100, exact, rounded half up to 2 places, uncapped ("480.00"); null when not calculable. */
  percent: string | null;
  /** Whether the target is met, honouring its comparison (a `gt` target met exactly gives 100.00 but is not met). */
  met?: boolean;
  /** Why percent is null; present exactly when percent is null. */
  reason?: string;
}

// ---------------------------------------------------------------------------------------------------------
// Vocabulary

const COMPARISON_WORDS: Record<string, PlanComparison> = {
  ไม่น้อยกว่า: 'gte',
  ไม่ต่ำกว่า: 'gte',
  อย่างน้อย: 'gte',
  อย่างต่ำ: 'gte',
  ขั้นต่ำ: 'gte',
  '>=': 'gte',
  '=>': 'gte',
  '≥': 'gte',
  ไม่เกินกว่า: 'lte',
  ไม่เกิน: 'lte',
  ไม่มากกว่า: 'lte',
  ไม่สูงกว่า: 'lte',
  ภายใน: 'lte', // "ภายใน ๑๕ วัน": within 15 days
  '<=': 'lte',
  '=<': 'lte',
  '≤': 'lte',
  มากกว่า: 'gt',
  เกินกว่า: 'gt',
  สูงกว่า: 'gt',
  '>': 'gt',
  น้อยกว่า: 'lt',
  ต่ำกว่า: 'lt',
  ไม่ถึง: 'lt',
  '<': 'lt',
  เท่ากับ: 'eq',
  '=': 'eq',
};

// Trailing phrases that turn the number into a bound: "๓ ครั้งขึ้นไป" (3 or more), "๕ วันลงมา".
const SUFFIX_COMPARISONS: [RegExp, PlanComparison][] = [
  [/\s*(?:ขึ้นไป|หรือมากกว่า(?:นั้น)?|เป็นอย่างน้อย)$/, 'gte'],
  [/\s*(?:ลงมา|หรือน้อยกว่า(?:นั้น)?)$/, 'lte'],
];

// Words that name a "per" unit in "ปีละ ๒ ครั้ง" and "๔ ครั้งต่อปี"; longest first so ปีงบประมาณ beats ปี.
const PER_WORDS = [
  'ปีงบประมาณ',
  'ภาคการศึกษา',
  'ภาคเรียน',
  'ไตรมาส',
  'สัปดาห์',
  'เดือน',
  'ปี',
  'วัน',
  'ครัวเรือน',
  'หมู่บ้าน',
  'หน่วยงาน',
  'โรงเรียน',
  'ตำบล',
  'อำเภอ',
  'แห่ง',
  'ราย',
  'คน',
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}

const CMP = alternation(Object.keys(COMPARISON_WORDS));
const PER = alternation(PER_WORDS);
// 1200, 1,200, 87.5 — and not the start of "1,20" or "1.2.3" (a following [.,]digit means it is not one number).
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![.,]?\d)`;
// A comparison right before the number, optionally followed by จำนวน ("อย่างน้อยจำนวน ๒ ครั้ง").
const cmpGroup = (name: string) => String.raw`(?:(?<${name}>${CMP})\s*(?:จำนวน\s*)?)?`;
const LEAD = String.raw`(?<lead>[^\d]*?)`;

const PERCENT_WORD_FIRST = new RegExp(
  String.raw`^${LEAD}${cmpGroup('cmp')}ร้อยละ\s*${cmpGroup('cmp2')}(?<num>${NUM})(?<rest>.*)$`,
);
const PERCENT_SIGN_AFTER = new RegExp(
  String.raw`^${LEAD}${cmpGroup('cmp')}(?<num>${NUM})\s*(?:%|เปอร์เซ็นต์|เปอร์เซนต์|percent)(?<rest>.*)$`,
  'i',
);
const LEVEL = new RegExp(
  String.raw`^${LEAD}${cmpGroup('cmp')}ระดับ(?:ความสำเร็จ)?\s*(?:ที่\s*)?${cmpGroup('cmp2')}(?<num>${NUM})(?<rest>.*)$`,
);
// "ระดับ ๔ จาก ๕ ระดับ": the only digits a level may be followed by.
const LEVEL_OUT_OF = /^\s*(?:จาก|ใน)\s*\d+\s*ระดับ/;
const RATE_PREFIX = new RegExp(
  String.raw`^${LEAD}${cmpGroup('cmp')}(?<per>${PER})ละ\s*${cmpGroup('cmp2')}(?<num>${NUM})\s*(?<rest>[^\d]*)$`,
);
const QUANTITY = new RegExp(String.raw`^${LEAD}${cmpGroup('cmp')}(?<num>${NUM})\s*(?<rest>[^\d]*)$`);
// "๑ ครั้ง/๕๐๐ คน", "๔ ครั้งต่อปี", "๑ ครั้ง ต่อ ๕๐๐ คน": one separator, with a number before it.
const PER_SPLIT = new RegExp(
  String.raw`^(?<left>[^/]*?\d[^/]*?)\s*(?:/|ต่อ(?=\s*(?:\d|(?:${PER})(?:\s|$))))\s*(?<right>[^/]*)$`,
);
const PER_RIGHT = new RegExp(String.raw`^(?:(?<num>${NUM})\s*)?(?<unit>[^\d\s]+)(?<rest>[^\d]*)$`);
// "ร้อยละ ๘๐-๙๐", "๘๐ ถึง ๙๐": a range is not one target.
const RANGE_REST = /^\s*(?:[-\u2013\u2014~]|ถึง)\s*\d/;
// A number right after these is a date, a year or an ordinal, not a quantity: "ภายในปี ๒๕๖๘", "ครั้งที่ ๒".
const NOT_A_QUANTITY_BEFORE = /(?:ที่|ปี|ปีงบ|ปีงบประมาณ|พ\.?\s?ศ\.?|ค\.?\s?ศ\.?|งวด|ข้อ|หมู่|ม\.|รุ่น|ระยะ|เลข|ฉบับ)$/;
const LETTER = /[\u0E01-\u0E2EA-Za-z]/;

// ---------------------------------------------------------------------------------------------------------
// Parsing

interface Reading {
  value: string;
  unit: string | null;
  scale: PlanScale;
  comparison: PlanComparison | null;
  per: { value: string; unit: string } | null;
}

function emptyTarget(text: string | null): PlanTarget {
  return { text, value: null, unit: null, comparison: null, scale: null, per: null };
}

/** "1,200" → "1200", "080" → "80"; the fraction is kept as written ("87.50"). */
function canonicalNumber(s: string): string {
  const plain = s.replace(/,/g, '');
  return plain.replace(/^0+(?=\d)/, '');
}

/** The first word of what follows a number, without a final full stop ("ครั้ง." → "ครั้ง", "ก.ม." kept). */
function unitWord(rest: string | undefined): string | null {
  const word = (rest ?? '').trim().split(' ')[0] ?? '';
  const unit = word.endsWith('.') && word.indexOf('.') === word.length - 1 ? word.slice(0, -1) : word;
  return LETTER.test(unit) ? unit : null;
}

function comparisonOf(groups: Record<string, string | undefined>): PlanComparison | null {
  const word = groups.cmp ?? groups.cmp2;
  return word === undefined ? null : COMPARISON_WORDS[word];
}

function readPercent(s: string): Reading | null {
  const m = PERCENT_WORD_FIRST.exec(s) ?? PERCENT_SIGN_AFTER.exec(s);
  if (!m?.groups) return null;
  if (RANGE_REST.test(m.groups.rest)) return null;
  // Whatever follows ("ของหน่วยงานทั้งหมด", "ต่อปี") qualifies the percentage; it stays in text.
  const value = canonicalNumber(m.groups.num);
  return { value, unit: '%', scale: 'percent', comparison: comparisonOf(m.groups), per: null };
}

function readLevel(s: string): Reading | null {
  const m = LEVEL.exec(s);
  if (!m?.groups) return null;
  const rest = m.groups.rest;
  if (/\d/.test(rest) && !LEVEL_OUT_OF.test(rest)) return null;
  const value = canonicalNumber(m.groups.num);
  return { value, unit: 'ระดับ', scale: 'level', comparison: comparisonOf(m.groups), per: null };
}

/** A number with its unit: `๓๒ หน่วยงาน`, `จำนวน 1,200 คน`, `ผู้เข้าร่วมไม่น้อยกว่า ๕๐ คน`, `80`. */
function readQuantity(s: string): Omit<Reading, 'per'> | null {
  const m = QUANTITY.exec(s);
  if (!m?.groups) return null;
  const lead = m.groups.lead.trim();
  const unit = unitWord(m.groups.rest);
  if (lead !== '' && (unit === null || NOT_A_QUANTITY_BEFORE.test(lead))) return null;
  if (unit !== null && thaiMonthNumber(unit) !== undefined) return null; // "ภายใน ๓๐ กันยายน" is a date
  const value = canonicalNumber(m.groups.num);
  // "๕ ระดับ" is written for "ระดับ ๕" as often as for "five levels"; read it as a level.
  if (unit === 'ระดับ') return { value, unit, scale: 'level', comparison: comparisonOf(m.groups) };
  return { value, unit, scale: 'count', comparison: comparisonOf(m.groups) };
}

function readRate(s: string): Reading | null {
  const prefix = RATE_PREFIX.exec(s);
  if (prefix?.groups) {
    return {
      value: canonicalNumber(prefix.groups.num),
      unit: unitWord(prefix.groups.rest),
      scale: 'ratio',
      comparison: comparisonOf(prefix.groups),
      per: { value: '1', unit: prefix.groups.per },
    };
  }
  const split = PER_SPLIT.exec(s);
  if (!split?.groups) return null;
  const left = readQuantity(split.groups.left);
  const right = PER_RIGHT.exec(split.groups.right);
  if (!left || left.scale !== 'count' || !right?.groups) return null;
  const perUnit = unitWord(right.groups.unit);
  if (perUnit === null || thaiMonthNumber(perUnit) !== undefined) return null;
  const perValue = right.groups.num === undefined ? '1' : canonicalNumber(right.groups.num);
  return { ...left, scale: 'ratio', per: { value: perValue, unit: perUnit } };
}

function read(s: string): Reading | null {
  if (s === '') return null;
  const percent = readPercent(s);
  if (percent) return percent;
  const level = readLevel(s);
  if (level) return level;
  if (s.includes('/') || s.includes('ต่อ') || s.includes('ละ')) {
    const rate = readRate(s);
    if (rate) return rate;
  }
  const quantity = readQuantity(s);
  return quantity && { ...quantity, per: null };
}

/**
 * Reads a target or an actual as written in a Thai action plan.
 *
 * - Empty (null, '', spaces) → everything null. `-` (none) keeps its text, `'-'`, with value null: the cell
 *   said something, and it said "no target".
 * - Thai digits, thousands separators and any kind of space are accepted; the value is an exact decimal string.
 * - percent: `ร้อยละ ๘๐`, `80%`, `80 %`, `๘๐ เปอร์เซ็นต์` (unit `%`). Text after the number (`ของบุคลากร`) is ignored.
 * - level: `ระดับ ๕`, `ระดับที่ ๕`, `ระดับความสำเร็จระดับ ๕`, `๕ ระดับ` (unit `ระดับ`).
 * - ratio: `๑ ครั้ง/๕๐๐ คน`, `๑ ครั้ง ต่อ ๕๐๐ คน`, `๔ ครั้งต่อปี`, `ปีละ ๒ ครั้ง`, `คนละ ๒ ชุด`
 *   (per value 1 when the denominator has no number).
 * - count: `๓๒ หน่วยงาน`, `จำนวน 1,200 คน`, a bare `80` (unit null). The unit is the first word after the
 *   number: Thai writes words without spaces, so `๓๒ หน่วยงานที่ผ่านเกณฑ์` has unit `หน่วยงานที่ผ่านเกณฑ์`.
 * - comparison: `ไม่น้อยกว่า`/`ไม่ต่ำกว่า`/`อย่างน้อย`/`≥` and a trailing `ขึ้นไป` → gte; `ไม่เกิน`/`ไม่มากกว่า`/
 *   `ภายใน`/`≤` and `ลงมา` → lte; `มากกว่า`/`สูงกว่า` → gt; `น้อยกว่า`/`ต่ำกว่า` → lt; otherwise eq.
 *   The word must stand right before the number (or before ร้อยละ/ระดับ).
 * - Leading words are allowed before a counted number (`ผู้เข้าร่วม ๕๐ คน`) but not before a bare one.
 * - Not read (value null, text kept): free text, two numbers (`๕ โครงการ ๓ กิจกรรม`), ranges (`ร้อยละ ๘๐-๙๐`),
 *   dates (`ภายใน ๓๐ ก.ย. ๖๘`), years and ordinals (`ปี ๒๕๖๘`, `ครั้งที่ ๒`). A trailing parenthesis is
 *   dropped first (`๓๐ คน (ร้อยละ ๗๕)` → 30 คน); when only the parenthesis holds a number
 *   (`ทุกหน่วยงาน (๓๒ หน่วยงาน)`) it is read instead.
 */
export function parsePlanTarget(input: string | null | undefined): PlanTarget {
  const text = input == null ? '' : normaliseSpaces(input);
  if (text === '') return emptyTarget(null);
  let s = thaiDigitsToAscii(text);
  if (isMissingMarker(s)) return emptyTarget(text);

  // Peel trailing parentheses and "ขึ้นไป"-style bounds, in any order.
  let suffixComparison: PlanComparison | null = null;
  const parentheses: string[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    const paren = /\s*\(([^()]*)\)$/.exec(s);
    if (paren) {
      parentheses.unshift(paren[1].trim());
      s = s.slice(0, paren.index);
      changed = true;
    }
    for (const [pattern, comparison] of SUFFIX_COMPARISONS) {
      const suffix = pattern.exec(s);
      if (suffix && suffix.index > 0) {
        suffixComparison ??= comparison;
        s = s.slice(0, suffix.index);
        changed = true;
      }
    }
  }
  s = s.trim().replace(/[,;:]+$/, '');

  let reading = read(s);
  if (!reading && !/\d/.test(s)) {
    for (const inner of parentheses) {
      reading = read(inner);
      if (reading) break;
    }
  }
  if (!reading) return emptyTarget(text);
  return {
    text,
    value: reading.value,
    unit: reading.unit,
    comparison: reading.comparison ?? suffixComparison ?? 'eq',
    scale: reading.scale,
    per: reading.per,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Percent achieved, in exact rational arithmetic on BigInt

interface Rational {
  num: bigint; // ≥ 0
  den: bigint; // > 0
}

function rational(decimal: string): Rational {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!m) throw new RangeError(`"${decimal}" is not a non-negative decimal`);
  const frac = m[2] ?? '';
  return { num: BigInt(m[1] + frac), den: 10n ** BigInt(frac.length) };
}

function divide(a: Rational, b: Rational): Rational {
  return { num: a.num * b.den, den: a.den * b.num };
}

function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const x = a.num * b.den;
  const y = b.num * a.den;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** r × 100 rounded half up to 2 decimal places, as "87.50". */
function asPercent(r: Rational): string {
  const hundredths = (r.num * 10000n * 2n + r.den) / (2n * r.den);
  const digits = hundredths.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function isBare(t: PlanTarget): boolean {
  return t.scale === 'count' && t.unit === null && !t.per;
}

function describeMeasure(t: PlanTarget): string {
  const per = t.per ? ` per ${t.per.value} ${t.per.unit}` : '';
  return `${t.scale}${t.unit ? ` (${t.unit}${per})` : per}`;
}

function notCalculable(reason: string): PercentAchieved {
  return { percent: null, reason };
}

/**
 * The two numbers to divide, once target and actual are known to measure the same thing; or why they don't.
 * Ratios compare as rates (value ÷ per value).
 */
function comparableValues(target: PlanTarget, actual: PlanTarget): [Rational, Rational] | string {
  if (target.value === null) return `the target "${target.text ?? ''}" has no number`;
  if (actual.value === null) return `the actual "${actual.text ?? ''}" has no number`;
  let t = rational(target.value);
  let a = rational(actual.value);

  // A bare number ("80") takes the other side's scale and unit, unless that side is a ratio with a real
  // denominator (a bare 2 against "1 ครั้ง/500 คน" could be either).
  if (isBare(actual) && !isBare(target)) {
    if (target.per && target.per.value !== '1') {
      return `the actual "${actual.text}" has no unit to compare with ${describeMeasure(target)}`;
    }
    return [t, a];
  }
  if (isBare(target) && !isBare(actual)) {
    if (actual.per && actual.per.value !== '1') {
      return `the target "${target.text}" has no unit to compare with ${describeMeasure(actual)}`;
    }
    return [t, a];
  }

  const incompatible = `the target is ${describeMeasure(target)} but the actual is ${describeMeasure(actual)}`;
  if (target.scale === 'percent' || target.scale === 'level') {
    return actual.scale === target.scale ? [t, a] : incompatible;
  }
  if (target.unit !== actual.unit) return incompatible;
  // Same unit: counts, rates, or a count against a "per one period" rate ("ปีละ ๒ ครั้ง" vs "๓ ครั้ง").
  if (target.per && actual.per) {
    if (target.per.unit !== actual.per.unit) return incompatible;
    t = divide(t, rational(target.per.value));
    a = divide(a, rational(actual.per.value));
    if (t.den === 0n || a.den === 0n) return `a denominator is zero`;
    return [t, a];
  }
  const rate = target.per ?? actual.per;
  if (rate && rate.value !== '1') return incompatible;
  return [t, a];
}

/**
 * How much of a target the actual achieved, in percent: actual ÷ target × 100, exact (BigInt, no floats),
 * rounded half up to 2 places and **not capped** (the seed reports 480 % and 87.5 %; capping is for display).
 *
 * - Higher is better (eq, gte, gt, and a target with no comparison): actual ÷ target × 100;
 *   `met` is actual ≥ target (eq, gte) or actual > target (gt). "ระดับ ๔" against "ระดับ ๕" → 80.00.
 * - Lower is better (lte `ไม่เกิน`/`ภายใน`, lt `น้อยกว่า`): met (actual ≤ target, or < for lt) → 100.00;
 *   otherwise target ÷ actual × 100, how close the actual came to the ceiling ("ไม่เกิน ๓ เรื่อง", actual
 *   ๔ เรื่อง → 75.00). Under lt an actual equal to the target gives 100.00 with met false.
 * - A zero target (`๐ เรื่อง`, `มากกว่า ๐ ครั้ง`) cannot be divided by: the result is 100.00 when met and 0.00
 *   when not, where an `eq` zero is read as a ceiling ("no complaints": met only by zero).
 * - Ratios compare as rates (`๒ ครั้ง/๕๐๐ คน` is 0.004 a person). A rate per one period (`ปีละ ๒ ครั้ง`,
 *   `๒ ครั้ง/ปี`) compares with a plain count of the same unit, the count being read as one period's.
 * - A bare number on one side (`80`) takes the other side's scale and unit.
 * - The actual's own comparison word, if any, is ignored: its number is taken as the result.
 * - Not calculable → percent null with a reason: no number on either side, percent against a count,
 *   different units (`หน่วยงาน` vs `คน`; units are compared exactly), different denominators.
 */
export function percentAchieved(target: PlanTarget, actual: PlanTarget): PercentAchieved {
  const values = comparableValues(target, actual);
  if (typeof values === 'string') return notCalculable(values);
  const [t, a] = values;
  const comparison = target.comparison ?? 'eq';
  const order = compare(a, t);

  const ceiling = comparison === 'lte' || comparison === 'lt' || (comparison === 'eq' && t.num === 0n);
  if (ceiling) {
    const met = comparison === 'lt' ? order < 0 : order <= 0;
    if (met) return { percent: '100.00', met };
    if (a.num === 0n) return notCalculable(`the target "${target.text}" (less than zero) cannot be met`);
    return { percent: asPercent(divide(t, a)), met };
  }
  const met = comparison === 'gt' ? order > 0 : order >= 0;
  if (t.num === 0n) return { percent: met ? '100.00' : '0.00', met };
  return { percent: asPercent(divide(a, t)), met };
}
