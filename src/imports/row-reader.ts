import type { Readable } from 'node:stream';
import { CsvRecord, readCsvRecords } from '../common/csv/read-csv';
import { ImportInputError } from './import-errors';
import { aliasRowDecoder, RowDecoder } from './row-decoder';
import type { ImportSource } from './source-definition';

/** Records read ahead to decide a file's layout: enough that one odd first row cannot mislead. */
const SAMPLE_SIZE = 300;

export interface OpenedSource {
  decoder: RowDecoder;
  /** Every data record, the sampled ones first, with its spreadsheet row number. */
  records: AsyncGenerator<CsvRecord>;
  /** 'utf-8' or 'windows-874', as detected from the bytes. */
  encoding: string | null;
}

/**
 * Reads the header and a sample of records, and builds the source's row decoder from them.
 * Header problems are input errors (HTTP 400): nothing can be imported from such a file.
 */
export async function openSource(input: Readable, source: ImportSource, context: unknown): Promise<OpenedSource> {
  let encoding: string | null = null;
  const all = readCsvRecords(input, { onEncoding: (detected) => (encoding = detected ?? null) });
  const first = await all.next();
  if (first.done) throw new ImportInputError('the file is empty: expected a header row and data rows');
  const header = first.value.fields;

  const sample: CsvRecord[] = [];
  while (source.createDecoder && sample.length < SAMPLE_SIZE) {
    const next = await all.next();
    if (next.done) break;
    sample.push(next.value);
  }
  const decoder = source.createDecoder
    ? source.createDecoder(header, sample.map((r) => r.fields), context)
    : aliasRowDecoder(source, header);
  return { decoder, records: replaySampleThen(sample, all), encoding };
}

async function* replaySampleThen(sample: CsvRecord[], rest: AsyncGenerator<CsvRecord>): AsyncGenerator<CsvRecord> {
  yield* sample;
  yield* rest;
}
