import type { CsvColumn } from './source-definition';

export interface HeaderMapping {
  /** For each field position, the source's column key (undefined: an unknown column, kept aside). */
  keys: (string | undefined)[];
  /** For each key, the header text as the file wrote it: what error messages name. */
  headerOf: Map<string, string>;
  unknownColumns: string[];
  missingRequired: CsvColumn[];
  duplicated: string[];
}

/** Header text folded so `งบประมาณ (บาท)`, `งบประมาณ(บาท)` and ` Agency_Code ` match their aliases. */
export function foldHeader(text: string): string {
  return text.replace(/^\uFEFF/, '').normalize('NFC').toLowerCase().replace(/[\s\u200b]+/g, '');
}

/** Maps a header row to column keys by the columns' English keys and their Thai aliases. */
export function mapHeaderByAliases(header: string[], columns: CsvColumn[]): HeaderMapping {
  const byAlias = new Map<string, string>();
  for (const column of columns) {
    for (const alias of [column.key, ...column.aliases]) byAlias.set(foldHeader(alias), column.key);
  }
  const keys: (string | undefined)[] = [];
  const headerOf = new Map<string, string>();
  const unknownColumns: string[] = [];
  const duplicated: string[] = [];
  header.forEach((text, index) => {
    const key = byAlias.get(foldHeader(text));
    if (key && headerOf.has(key)) {
      duplicated.push(text.trim());
      keys[index] = undefined;
      return;
    }
    keys[index] = key;
    if (key) headerOf.set(key, text.trim());
    else if (text.trim() !== '') unknownColumns.push(text.trim());
  });
  const missingRequired = columns.filter((c) => c.required && !headerOf.has(c.key));
  return { keys, headerOf, unknownColumns, missingRequired, duplicated };
}
