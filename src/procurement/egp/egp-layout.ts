import {
  EGP_CANONICAL_COUNT,
  EGP_CANONICAL_INDEX,
  EGP_KEYS,
  EGP_THAI_HEADERS,
  EgpKey,
  EgpPlaceKey,
  matchEgpHeader,
} from './egp-columns';

/*
 * Which of the published e-GP contract layouts a file uses (data-formats.md, "egp-contracts").
 *
 * The header alone cannot tell: two FY2568 layouts name more or fewer columns than their rows carry,
 * so zipping names to values would put the winner's name under a coordinate. The rows alone cannot
 * tell either: a title with a comma makes one row longer (when the quoting was lost) and a single
 * row proves nothing. So the decision uses the header AND the most common row length over a sample.
 */

export type EgpLayoutName =
  | 'fy2565-2567-31col'
  | 'fy2568-26-names-28-values'
  | 'fy2568-31-names-28-values'
  | 'canonical-28'
  | 'english-keys';

export interface EgpLayout {
  name: EgpLayoutName;
  /** Where each key's value sits in a row; undefined when the file does not carry that column. */
  fieldIndex: Record<EgpKey, number | undefined>;
  /** How many values a row of this file carries (the usual row length of the sample). */
  expectedFieldCount: number;
  /** One sentence for import reports: what was recognised and how values are read. */
  description: string;
}

/** The header is not an e-GP contract header, or its rows fit none of the known layouts. */
export class EgpLayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EgpLayoutError';
  }
}

/** The header cells read once: which keys they name and where. */
interface HeaderShape {
  total: number;
  /** 1 when `_id` leads the header (the rows then carry it too), else 0. */
  idOffset: number;
  /** Position of each named key in the header. */
  positions: Map<EgpKey, number>;
  engPlaces: Set<EgpPlaceKey>;
  thaiNames: number;
  englishNames: number;
  unknown: string[];
  duplicated: string[];
}

const FY2568_FIRST_FILE_KEYS: ReadonlySet<EgpKey> = new Set(EGP_KEYS.filter((k) => k !== 'district' && k !== 'subdistrict'));
const ALL_ENG_PLACES = 3;

/**
 * Recognises the layout of an e-GP contract file from its header row and a sample of data rows
 * (a few hundred rows is plenty). Throws EgpLayoutError when it is not an e-GP contract file or
 * when its rows fit no known layout.
 */
export function detectEgpLayout(header: string[], sampleRows: string[][]): EgpLayout {
  const shape = readHeader(header);
  const usual = usualRowLength(sampleRows, [shape.total, EGP_CANONICAL_COUNT + shape.idOffset]);
  // A header without data rows: nothing will be read, so take the header at its word.
  const rowLength = usual?.length ?? shape.total;

  if (rowLength === shape.total) return byName(shape, rowLength);
  if (rowLength === EGP_CANONICAL_COUNT + shape.idOffset) {
    const positional = byPosition(shape, rowLength);
    if (positional) return positional;
  }
  throw new EgpLayoutError(
    `the rows fit no known e-GP contract layout: the header names ${shape.total} columns` +
      `${describeHeader(shape)} but rows usually carry ${rowLength} values` +
      `${usual ? ` (${usual.count} of ${usual.sampled} sampled rows)` : ''}; known layouts carry 31 values under 31 names ` +
      `(FY2565–2567), 28 values under 26 or 31 names (FY2568) or 28 values under 28 names`,
  );
}

function readHeader(header: string[]): HeaderShape {
  const shape: HeaderShape = {
    total: header.length,
    idOffset: 0,
    positions: new Map(),
    engPlaces: new Set(),
    thaiNames: 0,
    englishNames: 0,
    unknown: [],
    duplicated: [],
  };
  header.forEach((text, index) => {
    const match = matchEgpHeader(text);
    if (!match) {
      if (text.trim() !== '') shape.unknown.push(text.trim());
      return;
    }
    if (match.kind === 'id') {
      if (index === 0) shape.idOffset = 1;
      else shape.unknown.push(text.trim()); // `_id` means something only as the portal's leading record id
      return;
    }
    if (match.kind === 'eng-place') {
      shape.engPlaces.add(match.place);
      return;
    }
    if (shape.positions.has(match.key)) {
      shape.duplicated.push(text.trim());
      return;
    }
    shape.positions.set(match.key, index);
    if (match.spelling === 'thai') shape.thaiNames++;
    else shape.englishNames++;
  });

  const named = shape.positions.size + shape.engPlaces.size;
  // The project id is the natural key; without it, and with most columns unknown, this is another kind of file.
  if (!shape.positions.has('project_id') || named * 2 < header.length - shape.idOffset) {
    const shown = header.slice(0, 6).map((h) => `"${h.trim()}"`).join(', ');
    throw new EgpLayoutError(
      `the header is not an e-GP contract header: it has ${header.length} columns, ${named} of them e-GP names` +
        `${shape.positions.has('project_id') ? '' : `, and none is ${EGP_THAI_HEADERS.project_id} / project_id`}` +
        ` (it begins ${shown}${header.length > 6 ? ', …' : ''})`,
    );
  }
  if (shape.duplicated.length > 0) {
    throw new EgpLayoutError(`the e-GP header names a column twice: ${shape.duplicated.join(', ')}`);
  }
  return shape;
}

interface UsualLength {
  length: number;
  count: number;
  sampled: number;
}

/**
 * The most common row length in the sample (its mode). Blank lines are ignored. A tie goes to a length
 * that some layout could explain (`preferred`), so an even split between a broken row and a good one
 * in a tiny sample does not decide against the file.
 */
export function usualRowLength(sampleRows: string[][], preferred: number[] = []): UsualLength | undefined {
  const counts = new Map<number, number>();
  let sampled = 0;
  for (const row of sampleRows) {
    if (row.length <= 1 && (row[0] ?? '').trim() === '') continue;
    sampled++;
    counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  }
  let best: UsualLength | undefined;
  for (const [length, count] of counts) {
    const better =
      !best || count > best.count || (count === best.count && preferred.includes(length) && !preferred.includes(best.length));
    if (better) best = { length, count, sampled };
  }
  return best;
}

/** Header and rows agree: read each value under the name its column carries (any order, Thai or English). */
function byName(shape: HeaderShape, rowLength: number): EgpLayout {
  const fieldIndex = emptyIndex();
  for (const [key, position] of shape.positions) fieldIndex[key] = position;
  const absent = EGP_KEYS.filter((key) => key !== 'seq' && fieldIndex[key] === undefined);
  const missingNote = absent.length > 0 ? `; the file has no ${absent.join(', ')}` : '';
  const idNote = shape.idOffset ? ' after a leading _id' : '';

  if (shape.engPlaces.size > 0) {
    return {
      name: 'fy2565-2567-31col',
      fieldIndex,
      expectedFieldCount: rowLength,
      description:
        `FY2565–2567 e-GP layout: ${rowLength} columns named and carried${idNote}, with English place names ` +
        `after the Thai ones (read by name; the English names are not kept)${missingNote}`,
    };
  }
  const english = shape.englishNames > shape.thaiNames;
  return {
    name: english ? 'english-keys' : 'canonical-28',
    fieldIndex,
    expectedFieldCount: rowLength,
    description:
      `${english ? 'e-GP contract file with the open-data API\'s English keys' : 'e-GP contract file with the published Thai header'}: ` +
      `${rowLength} columns named and carried${idNote} (read by name)${missingNote}`,
  };
}

/**
 * FY2568 files whose header does not match their rows: the rows still carry the 28 published values in
 * published order, so values are read by position and the header's own order is ignored.
 */
function byPosition(shape: HeaderShape, rowLength: number): EgpLayout | undefined {
  const names = shape.total - shape.idOffset;
  const keys = new Set(shape.positions.keys());
  let name: EgpLayoutName;
  let description: string;
  if (names === 26 && shape.engPlaces.size === 0 && sameKeys(keys, FY2568_FIRST_FILE_KEYS)) {
    name = 'fy2568-26-names-28-values';
    description =
      'FY2568 e-GP layout (first file): the header names 26 columns, leaving out เขต/อำเภอ and แขวง/ตำบล, ' +
      'but rows carry all 28 values; read by published position';
  } else if (names === 31 && shape.engPlaces.size === ALL_ENG_PLACES && keys.size === EGP_CANONICAL_COUNT) {
    name = 'fy2568-31-names-28-values';
    description =
      'FY2568 e-GP layout: the header names the three (Eng) place columns but rows carry only the 28 ' +
      'published values; read by published position (zipping names would shift every field after จังหวัด)';
  } else {
    return undefined;
  }
  const fieldIndex = emptyIndex();
  for (const key of EGP_KEYS) fieldIndex[key] = EGP_CANONICAL_INDEX[key] + shape.idOffset;
  if (shape.idOffset) description += ', after a leading _id';
  return { name, fieldIndex, expectedFieldCount: rowLength, description };
}

function sameKeys(a: ReadonlySet<EgpKey>, b: ReadonlySet<EgpKey>): boolean {
  if (a.size !== b.size) return false;
  for (const key of a) if (!b.has(key)) return false;
  return true;
}

function emptyIndex(): Record<EgpKey, number | undefined> {
  return Object.fromEntries(EGP_KEYS.map((key) => [key, undefined])) as Record<EgpKey, number | undefined>;
}

function describeHeader(shape: HeaderShape): string {
  const notes: string[] = [];
  if (shape.idOffset) notes.push('a leading _id');
  if (shape.engPlaces.size > 0) notes.push(`${shape.engPlaces.size} (Eng) place columns`);
  const missing = EGP_KEYS.filter((key) => !shape.positions.has(key));
  if (missing.length > 0 && missing.length <= 6) notes.push(`no ${missing.join(', ')}`);
  if (shape.unknown.length > 0) notes.push(`unknown ${shape.unknown.slice(0, 5).join(', ')}`);
  return notes.length > 0 ? ` (${notes.join('; ')})` : '';
}
