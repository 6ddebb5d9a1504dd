import { addAbortSignal, pipeline, type Readable } from 'node:stream';
import { CsvError, parse, type Info } from 'csv-parse';
import { CsvFormatError } from './csv-format-error';
import { expectRecordLength } from './csv-record-length';
import { createCsvDecoder, type CsvEncoding } from './decode-csv';

export interface CsvRecord {
  /**
   * The row number a person sees in a spreadsheet: the header is row 1. A quoted field with line breaks
   * stays one row, and a blank line counts as a row (a spreadsheet shows it) though it yields no record.
   */
  row: number;
  fields: string[];
}

export interface ReadCsvOptions {
  signal?: AbortSignal;
  /** Told which encoding the file turned out to be, once the header has been read. */
  onEncoding?: (encoding: CsvEncoding | undefined) => void;
}

/**
 * An unclosed quote would otherwise make the parser hold the rest of the file as one field; no real
 * record in our sources comes near this.
 */
const MAX_RECORD_BYTES = 1024 * 1024;

/**
 * Every record of a CSV file, the header first (row 1), read as a stream so memory stays flat for any file
 * size. Fields are returned as written (nothing trimmed, any count per row): the caller maps and validates.
 * Blank lines yield nothing. Throws CsvFormatError when the bytes are not CSV text, the syntax is broken,
 * or there is no header.
 */
export async function* readCsvRecords(input: Readable, options: ReadCsvOptions = {}): AsyncGenerator<CsvRecord> {
  // Blank lines are skipped here rather than with csv-parse's skip_empty_lines: that way each one still
  // counts as a row, without csv-parse's `info` option, whose per-record snapshot object costs more memory
  // churn than the record itself.
  const parser = parse({ relax_column_count: true, bom: true, max_record_size: MAX_RECORD_BYTES });
  if (options.signal) addAbortSignal(options.signal, parser);
  // pipeline destroys every stream when one fails or when we stop early, so the error surfaces in the
  // loop below; the callback only keeps the rejection from going unhandled.
  const decoder = createCsvDecoder();
  pipeline(input, decoder, parser, () => undefined);

  let row = 0;
  let header = false;
  let usualLength = -1;
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      row++;
      if (fields.length === 1 && fields[0] === '') continue; // a blank line
      if (fields.length !== usualLength) expectRecordLength(parser, (usualLength = fields.length));
      if (!header) options.onEncoding?.(decoder.encoding());
      header = true;
      yield { row, fields };
    }
  } catch (error) {
    throw error instanceof CsvError ? syntaxError(error) : error;
  }
  if (!header) throw new CsvFormatError('the file is empty: it has no header row');
}

function syntaxError(error: CsvError): CsvFormatError {
  // csv-parse copies its counters onto the error (`records` counts blank lines too, as we do).
  const { lines, records = 0 } = error as CsvError & Partial<Info>;
  const row = records + 1;
  const message =
    error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? `row ${row} opens a quote that is never closed (the file ends at line ${lines})`
      : `row ${row}, line ${lines} is not valid CSV: ${error.message}`;
  return new CsvFormatError(message, { line: lines, cause: error });
}
