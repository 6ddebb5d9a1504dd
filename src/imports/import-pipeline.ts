import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import type { PoolClient } from 'pg';
import { copyLine } from './copy-text';
import { mergeStaging, MergeCounts, predictMerge } from './merge-staging';
import { ProblemList } from './problem-list';
import { readSourceRows, SourceRow } from './row-reader';
import type { ImportMode, ImportSource, RawRow, TargetColumn } from './source-definition';
import { StagingTable } from './staging-table';

export interface PipelineOptions {
  mode: ImportMode;
  dryRun: boolean;
  batchId: string;
  onProgress?: (rows: number) => void;
}

export interface PipelineResult extends MergeCounts {
  rows: number;
  rejected: number;
  errors: ProblemList;
  repairs: ProblemList;
  unknownColumns: string[];
  encoding: string | null;
  /** True when the batch must not be written (strict mode with errors, or a dry run). */
  rollback: boolean;
}

/**
 * read → map header → repair → validate each row (zod) → COPY valid rows into staging →
 * whole-file checks in SQL → one merge. Runs inside the caller's transaction; the caller commits
 * or rolls back as `rollback` says.
 */
export async function runImportPipeline(
  client: PoolClient,
  source: ImportSource,
  input: Readable,
  options: PipelineOptions,
): Promise<PipelineResult> {
  const { mapping, rows, encoding } = await readSourceRows(input, source);
  const errors = new ProblemList();
  const repairs = new ProblemList();
  const columnName = (key: string | undefined) => (key ? mapping.headerOf.get(key) ?? key : '');

  const staging = new StagingTable(client, source, columnsPresent(source.target, new Set(mapping.headerOf.keys())));
  await staging.create();
  const copy = staging.openCopy();
  const copyDone = once(copy, 'finish');
  const types = staging.columns.map((c) => c.type);
  const names = staging.columns.map((c) => c.name);

  let count = 0;
  for await (const record of rows) {
    count++;
    if (options.onProgress && count % 10_000 === 0) options.onProgress(count);
    const values = validateRow(source, record, errors, repairs, columnName);
    // Valid rows are staged even once strict mode is doomed, so whole-file checks still report every problem.
    if (!values) continue;
    const line = copyLine([record.row, ...names.map((n) => values[n])], ['integer', ...types]);
    if (!copy.write(line)) await once(copy, 'drain');
  }
  copy.end();
  await copyDone;
  options.onProgress?.(count);

  await rejectWholeFileProblems(staging, errors, columnName);
  const rollback = options.dryRun || (options.mode === 'strict' && errors.total > 0);
  let counts: MergeCounts = { inserted: 0, updated: 0, unchanged: 0 };
  if (!rollback) counts = await mergeStaging(client, source, staging, options.batchId);
  else if (options.dryRun && !(options.mode === 'strict' && errors.total > 0)) counts = await predictMerge(client, source, staging);

  return {
    ...counts,
    rows: count,
    rejected: errors.rowCount,
    errors,
    repairs,
    unknownColumns: mapping.unknownColumns,
    encoding,
    rollback,
  };
}

/** Repairs then validates one row; returns the target values, or undefined after reporting why not. */
function validateRow(
  source: ImportSource,
  record: SourceRow,
  errors: ProblemList,
  repairs: ProblemList,
  columnName: (key: string | undefined) => string,
): Record<string, unknown> | undefined {
  if (record.lengthProblem) {
    errors.add(record.row, '', `row ${record.lengthProblem}`);
    return undefined;
  }
  let raw: RawRow = record.raw;
  if (source.repairRow) {
    raw = source.repairRow(raw, {
      row: record.row,
      repair: (column, message) => repairs.add(record.row, columnName(column), message),
    });
  }
  const parsed = source.rowSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const key = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
    errors.add(record.row, columnName(key), issue.message);
  }
  return undefined;
}

/** Duplicate keys and dangling references can only be seen with the whole file staged. */
async function rejectWholeFileProblems(
  staging: StagingTable,
  errors: ProblemList,
  columnName: (key: string | undefined) => string,
): Promise<void> {
  const duplicates = await staging.findDuplicateKeys();
  for (const d of duplicates) {
    errors.add(d.row, '', `the same key as row ${d.firstRow} (a key may appear once in a file); row ${d.firstRow} is kept`);
  }
  const dangling = await staging.findMissingReferences();
  for (const m of dangling) {
    errors.add(m.row, columnName(sourceKeyOf(staging, m.column)), `no ${m.label} with code "${m.value}"`);
  }
  await staging.deleteRows([...duplicates.map((d) => d.row), ...dangling.map((m) => m.row)]);
}

function sourceKeyOf(staging: StagingTable, column: string): string {
  return staging.columns.find((c) => c.name === column)?.from?.[0] ?? column;
}

/** Target columns the file can fill: an absent optional column must not blank the stored value. */
function columnsPresent(target: TargetColumn[], presentKeys: Set<string>): TargetColumn[] {
  return target.filter((c) => (c.from ?? [c.name]).some((key) => presentKeys.has(key)));
}
