import type { Readable } from 'node:stream';
import { readCsvRecords, CsvRecord } from '../common/csv/read-csv';
import { mapHeaderByAliases, HeaderMapping } from './header-mapping';
import { ImportInputError } from './import-errors';
import type { ImportSource, RawRow } from './source-definition';

export interface SourceRows {
  mapping: HeaderMapping;
  /** Data rows keyed by column key, with their spreadsheet row numbers. */
  rows: AsyncGenerator<SourceRow>;
  /** 'utf-8' or 'windows-874', as detected from the bytes. */
  encoding: string | null;
}

export interface SourceRow {
  row: number;
  raw: RawRow;
  /** Set when the record's length does not fit the header (ignoring trailing empty cells). */
  lengthProblem?: string;
}

/**
 * Reads the header, maps it to the source's columns and yields each data record as a RawRow.
 * Header problems are input errors (HTTP 400): nothing can be imported from such a file.
 */
export async function readSourceRows(input: Readable, source: ImportSource): Promise<SourceRows> {
  let encoding: string | null = null;
  const records = readCsvRecords(input, { onEncoding: (detected) => (encoding = detected ?? null) });
  const first = await records.next();
  if (first.done) throw new ImportInputError('the file is empty: expected a header row and data rows');
  const header = first.value.fields;
  const mapping = mapHeaderByAliases(header, source.columns);
  if (mapping.headerOf.size === 0) {
    throw new ImportInputError(
      `the first row is not a header of ${source.name}: expected columns such as ${describeColumns(source)}`,
    );
  }
  if (mapping.missingRequired.length > 0) {
    const missing = mapping.missingRequired.map((c) => `${c.key} (${c.aliases[0] ?? c.key})`).join(', ');
    throw new ImportInputError(`the header lacks required column(s): ${missing}`);
  }
  if (mapping.duplicated.length > 0) {
    throw new ImportInputError(`the header names a column twice: ${mapping.duplicated.join(', ')}`);
  }
  return { mapping, rows: toRawRows(records, mapping), encoding };
}

async function* toRawRows(records: AsyncGenerator<CsvRecord>, mapping: HeaderMapping): AsyncGenerator<SourceRow> {
  for await (const record of records) {
    const raw: RawRow = {};
    const { keys } = mapping;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key !== undefined) raw[key] = record.fields[i] ?? '';
    }
    yield { row: record.row, raw, lengthProblem: lengthProblem(record.fields, keys.length) };
  }
}

function lengthProblem(fields: string[], expected: number): string | undefined {
  if (fields.length < expected) return `has ${fields.length} values but the header names ${expected} columns`;
  for (let i = expected; i < fields.length; i++) {
    if (fields[i].trim() !== '') return `has ${fields.length} values but the header names ${expected} columns`;
  }
  return undefined;
}

function describeColumns(source: ImportSource): string {
  return source.columns
    .filter((c) => c.required)
    .map((c) => `${c.aliases[0] ?? c.key} / ${c.key}`)
    .join(', ');
}
