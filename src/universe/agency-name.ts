import { thaiDigitsToAscii } from '../common/thai-digits';

/*
 * e-GP rows name the buying agency (ชื่อหน่วยงาน) in free text, and the same office is written many ways:
 * `สำนักงานเกษตรจังหวัดระยอง`, `สนง.เกษตรจังหวัดระยอง`, `สำนักงานเกษตร จ.ระยอง`, ` สำนักงาน เกษตรจังหวัดระยอง `.
 * The audit universe (agencies.csv) has one name per agency. This file matches the two: exactly, through
 * the unit's manual mappings, or through a normalised form, and refuses to guess when the normalised form
 * fits more than one agency.
 */

// Zero-width space / non-joiner / joiner, word joiner, BOM, soft hyphen: invisible, and Thai word-breaking
// tools insert them between words.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Thai consonants ก–ฮ, and what a Thai name may start with: a consonant or a leading vowel เ แ โ ใ ไ.
const C = '\u0E01-\u0E2E';
const NAME_START = `[${C}\u0E40-\u0E44]`;
// An abbreviation dot belongs to an acronym when it follows 1–3 bare consonants that start a word
// (สสจ. อบจ. พมจ. are "…จังหวัด" acronyms, อบต. is not "…อำเภอ"): those are left alone. So is a letter
// inside a dotted chain such as อ.ส.ม. or ก.อ. (a dot before it, or another letter-dot after it).
const NOT_IN_ACRONYM = `(?<!\\.)(?<!(?:^|[\\s.()/,])[${C}]{1,3})`;
const NOT_A_CHAIN = `(?![${C}]\\.)`;
/** จ. / จว. before a province name → จังหวัด ("สำนักงานเกษตร จ.ระยอง", "สนง.เกษตรจว.ระยอง"). */
const PROVINCE_ABBREVIATION = new RegExp(`${NOT_IN_ACRONYM}จว?\\.\\s*(?=${NAME_START})${NOT_A_CHAIN}`, 'g');
/** อ. before a district name → อำเภอ ("สำนักงานเกษตร อ.แกลง"). */
const DISTRICT_ABBREVIATION = new RegExp(`${NOT_IN_ACRONYM}อ\\.\\s*(?=${NAME_START})${NOT_A_CHAIN}`, 'g');
// สนง. / สนง (with or without its dot, spaced or not) is the usual abbreviation of สำนักงาน.
const OFFICE_ABBREVIATION = /สนง\.?\s*/g;
const OFFICE = 'สำนักงาน';

/**
 * The key two spellings of one agency name share:
 *
 * 1. NFC; sara am typed as nikhahit + sara aa (`ํา`, common in text copied out of PDFs) → `ำ`.
 * 2. Thai digits → ASCII; zero-width characters removed.
 * 3. `สนง.` → `สำนักงาน`; `จ.` / `จว.` before a name → `จังหวัด`; `อ.` → `อำเภอ` (not inside acronyms
 *    such as `สสจ.`, `อบจ.`, `อบต.`, `อ.ส.ม.`, which only a manual mapping can resolve).
 * 4. All whitespace removed (Thai needs none between words; people add it at will).
 * 5. Full-width parentheses → ASCII; their content is kept.
 * 6. Latin letters lower-cased.
 * 7. A leading `สำนักงาน` removed, so `สำนักงานเกษตรจังหวัดระยอง` and `เกษตรจังหวัดระยอง` share a key.
 *
 * Step 7 means `สำนักงานจังหวัดระยอง` (the Provincial Office) keys as `จังหวัดระยอง`, the name e-GP may use for the
 * province itself: that is a match the caller should expect, and a manual mapping can override.
 */
export function normaliseAgencyName(name: string): string {
  let s = name.normalize('NFC').replace(INVISIBLE, '');
  s = s.replace(/\u0E4D([\u0E48-\u0E4B]?)\u0E32/g, '$1\u0E33');
  s = thaiDigitsToAscii(s);
  s = s.replace(/\s+/g, ' ').trim();
  s = s.replace(OFFICE_ABBREVIATION, OFFICE);
  s = s.replace(PROVINCE_ABBREVIATION, 'จังหวัด');
  s = s.replace(DISTRICT_ABBREVIATION, 'อำเภอ');
  s = s.replace(/\s+/g, '');
  s = s.replace(/\uFF08/g, '(').replace(/\uFF09/g, ')');
  s = s.toLowerCase();
  if (s.startsWith(OFFICE)) s = s.slice(OFFICE.length);
  return s;
}

export type AgencyMatchHow = 'exact' | 'normalised' | 'mapped';

export interface AgencyMatch {
  code: string;
  how: AgencyMatchHow;
}

/** The outcome of a lookup, with the reason when there is no match (for import reports). */
export type AgencyLookup =
  | ({ status: 'matched' } & AgencyMatch)
  | { status: 'ambiguous'; how: AgencyMatchHow; codes: string[] }
  | { status: 'unmatched' };

export interface AgencyNameEntry {
  code: string;
  name: string;
}

/** A unit's manual decision that an e-GP name means one agency. */
export interface AgencyNameMapping {
  name: string;
  agencyCode: string;
}

function addTo(map: Map<string, Set<string>>, key: string, code: string): void {
  if (key === '') return;
  const codes = map.get(key);
  if (codes) codes.add(code);
  else map.set(key, new Set([code]));
}

/**
 * Agency names indexed for matching e-GP names. Build it once per import from the agencies and the manual
 * mappings, then call {@link match} per row.
 *
 * Order: the agency's exact name → a manual mapping by exact name → a manual mapping by normalised name →
 * the agency's normalised name. The first step that names exactly one agency wins.
 * - Two agencies with the same exact name do not stop the lookup: a mapping may settle it (otherwise the
 *   normalised step is ambiguous too).
 * - Mappings that disagree about a name, and a normalised name that fits two agencies, are ambiguous: no
 *   match, and {@link lookup} names the candidates. A mapping is the unit's explicit word, so a conflicting
 *   one is never overridden by a normalised guess.
 * - A mapping is returned as written even when its agency code is not among `agencies` (the caller's
 *   foreign key decides).
 */
export class AgencyNameIndex {
  private readonly exact = new Map<string, Set<string>>();
  private readonly normalised = new Map<string, Set<string>>();
  private readonly mappedExact = new Map<string, Set<string>>();
  private readonly mappedNormalised = new Map<string, Set<string>>();

  constructor(agencies: readonly AgencyNameEntry[], mappings: readonly AgencyNameMapping[] = []) {
    for (const { code, name } of agencies) {
      addTo(this.exact, name, code);
      addTo(this.normalised, normaliseAgencyName(name), code);
    }
    for (const { name, agencyCode } of mappings) {
      addTo(this.mappedExact, name, agencyCode);
      addTo(this.mappedNormalised, normaliseAgencyName(name), agencyCode);
    }
  }

  /** The agency an e-GP name means, or undefined when none or more than one fits. */
  match(name: string): AgencyMatch | undefined {
    const found = this.lookup(name);
    return found.status === 'matched' ? { code: found.code, how: found.how } : undefined;
  }

  /** Like {@link match}, but says whether a miss was no candidate or several. */
  lookup(name: string): AgencyLookup {
    const exact = this.exact.get(name);
    if (exact?.size === 1) return { status: 'matched', code: only(exact), how: 'exact' };

    const key = normaliseAgencyName(name);
    for (const codes of [this.mappedExact.get(name), this.mappedNormalised.get(key)]) {
      if (!codes) continue;
      if (codes.size === 1) return { status: 'matched', code: only(codes), how: 'mapped' };
      return { status: 'ambiguous', how: 'mapped', codes: [...codes].sort() };
    }

    const normalised = this.normalised.get(key);
    if (normalised?.size === 1) return { status: 'matched', code: only(normalised), how: 'normalised' };
    if (normalised) return { status: 'ambiguous', how: 'normalised', codes: [...normalised].sort() };
    return { status: 'unmatched' };
  }
}

function only(codes: Set<string>): string {
  return codes.values().next().value as string;
}

/** {@link AgencyNameIndex.match} as a function. */
export function matchAgencyName(name: string, index: AgencyNameIndex): AgencyMatch | undefined {
  return index.match(name);
}
