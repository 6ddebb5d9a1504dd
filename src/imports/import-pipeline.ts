import type { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import { copyRow } from './copy-text';
import { CopyWriter } from './copy-writer';
import { mergeStaging, MergeCounts, predictMerge } from './merge-staging';
import { ProblemList } from './problem-list';
import type { RowDecoder, RowProblems } from './row-decoder';
import { openSource } from './row-reader';
import type { ImportMode, ImportSource, TargetColumn } from './source-definition';
import { StagingTable } from './staging-table';

export interface PipelineOptions {
  mode: ImportMode;
  dryRun: boolean;
  batchId: string;
  onProgress?: (rows: number) => void;
  /**
   * Set for a caller bound to one agency (`rowAgencyFor`): rows of any other agency are row errors, never
   * written. The source's `agencyColumn` says whose a row is.
   */
  onlyAgency?: string;
}

export interface PipelineResult extends MergeCounts {
  rows: number;
  rejected: number;
  errors: ProblemList;
  repairs: ProblemList;
  unknownColumns: string[];
  encoding: string | null;
  layout: string | null;
  notes: string[];
  /** True when the batch must not be written (strict mode with errors, or a dry run). */
  rollback: boolean;
}

/**
 * read → decode header (and layout) → decode and validate each row → COPY valid rows into staging →
 * whole-file checks in SQL → one merge. Runs inside the caller's transaction; the caller commits
 * or rolls back as `rollback` says.
 */
export async function runImportPipeline(
  client: PoolClient,
  source: ImportSource,
  input: Readable,
  options: PipelineOptions,
): Promise<PipelineResult> {
  const context = source.prepare ? await source.prepare(client) : undefined;
  const { decoder, records, encoding } = await openSource(input, source, context);
  const errors = new ProblemList();
  const repairs = new ProblemList();

  const columns = [...columnsPresent(source.target, decoder.presentKeys), ...(source.stagingExtra ?? [])];
  const staging = new StagingTable(client, source, columns);
  await staging.create();
  const copy = new CopyWriter(staging.openCopy());
  const problems = new RowReporter(decoder, errors, repairs);

  let count = 0;
  try {
    for await (const record of records) {
      count++;
      if (options.onProgress && count % 10_000 === 0) options.onProgress(count);
      problems.row = record.row;
      const values = decoder.decode(record.fields, record.row, problems);
      // Valid rows are staged even once strict mode is doomed, so whole-file checks still report every problem.
      if (!values) continue;
      const backpressure = copy.add(copyRow(record.row, values, columns));
      if (backpressure) await backpressure;
    }
  } catch (error) {
    await copy.abort(error as Error);
    throw error;
  }
  await copy.end();
  options.onProgress?.(count);

  await rejectWholeFileProblems(staging, errors, decoder, source, options.onlyAgency);
  const doomed = options.mode === 'strict' && errors.total > 0;
  const rollback = options.dryRun || doomed;
  let counts: MergeCounts = { inserted: 0, updated: 0, unchanged: 0 };
  if (!rollback) {
    counts = await mergeStaging(client, source, staging, options.batchId);
    await source.afterMerge?.(client, staging, options.batchId);
  } else if (!doomed) {
    counts = await predictMerge(client, source, staging);
  }
  const notes = source.summarise ? await source.summarise(client, staging) : [];

  return {
    ...counts,
    rows: count,
    rejected: errors.rowCount,
    errors,
    repairs,
    unknownColumns: decoder.unknownColumns,
    encoding,
    layout: decoder.layout,
    notes,
    rollback,
  };
}

/**
 * Reports problems under the file's own column names, for the row it is pointed at. One serves the whole
 * file, rather than a fresh pair of closures for every row of the hottest loop.
 */
class RowReporter implements RowProblems {
  row = 0;

  constructor(
    private readonly decoder: RowDecoder,
    private readonly errors: ProblemList,
    private readonly repairs: ProblemList,
  ) {}

  error(column: string, message: string): void {
    this.errors.add(this.row, this.decoder.columnName(column), message);
  }

  repair(column: string, message: string): void {
    this.repairs.add(this.row, this.decoder.columnName(column), message);
  }
}

/**
 * Rows of other agencies (for an agency caller), duplicate keys and dangling references are checked in SQL
 * with the whole file staged. Checking the stored value, after decoding, means no spelling of another
 * agency's code (Thai digits, `จังหวัด` for the province) gets past it.
 */
async function rejectWholeFileProblems(
  staging: StagingTable,
  errors: ProblemList,
  decoder: RowDecoder,
  source: ImportSource,
  onlyAgency: string | undefined,
): Promise<void> {
  const foreign: number[] = [];
  if (onlyAgency !== undefined) {
    const column = source.agencyColumn;
    if (!column) throw new Error(`source ${source.name} declares no agencyColumn, so an agency may not import it`);
    const key = source.target.find((c) => c.name === column)?.from?.[0] ?? column;
    for (const r of await staging.findRowsOfOtherAgencies(column, onlyAgency)) {
      errors.add(r.row, decoder.columnName(key), `agency ${onlyAgency} may import only its own rows; this row is of "${r.value ?? ''}"`);
      foreign.push(r.row);
    }
    // Removed before the other checks, so a foreign row is reported once, as what it is.
    await staging.deleteRows(foreign);
  }
  const duplicates = await staging.findDuplicateKeys();
  for (const d of duplicates) {
    errors.add(d.row, '', `the same key as row ${d.firstRow} (a key may appear once in a file); row ${d.firstRow} is kept`);
  }
  const dangling = await staging.findMissingReferences();
  for (const m of dangling) {
    const key = staging.columns.find((c) => c.name === m.column)?.from?.[0] ?? m.column;
    errors.add(m.row, decoder.columnName(key), `no ${m.label} with code "${m.value}"`);
  }
  await staging.deleteRows([...duplicates.map((d) => d.row), ...dangling.map((m) => m.row)]);
}

/** Target columns the file can fill: an absent optional column must not blank the stored value. */
function columnsPresent(target: TargetColumn[], presentKeys: Set<string>): TargetColumn[] {
  return target.filter((c) => (c.from ?? [c.name]).some((key) => presentKeys.has(key)));
}
