import type { PoolClient } from 'pg';
import type { z } from 'zod';
import type { Role } from '../auth/api-user.entity';
import type { RowProblem } from './import-batch.entity';
import type { RowDecoder } from './row-decoder';
import type { StagingTable } from './staging-table';

/** PostgreSQL types a source may write; staging tables use the same ones so bad values fail early. */
export type ColumnType = 'text' | 'integer' | 'bigint' | 'numeric' | 'date' | 'boolean' | 'text[]' | 'jsonb';

/** A column as it appears in the CSV: its English key (data-formats.md) and the headers that name it. */
export interface CsvColumn {
  key: string;
  /** Thai headers and other spellings; matched after folding case and white space. */
  aliases: string[];
  /** The header must name it (the natural key and other columns no row can do without). */
  required?: boolean;
}

/** A column of the target table and the CSV keys it is made from. */
export interface TargetColumn {
  name: string;
  type: ColumnType;
  /**
   * The CSV keys this column is computed from (default: a key of the same name). When the file's
   * header names none of them, an update leaves the stored value alone instead of blanking it.
   */
  from?: string[];
}

/** "This column must name an existing row of that table" (an unknown agency code, say). */
export interface Reference {
  column: string;
  table: string;
  tableColumn: string;
  /** What the referenced thing is, for the error message ("agency"). */
  label: string;
}

/** The raw values of one CSV record keyed by the source's column keys ('' when empty, absent when not in the file). */
export type RawRow = Record<string, string | undefined>;

/** Lets a row parser report a repair it made (a restored leading zero, a swapped column). */
export interface RowContext {
  row: number;
  repair(column: string, message: string): void;
}

/**
 * A source is data, the pipeline is code: adding a source means declaring one of these.
 * `rowSchema` turns a RawRow into the target table's values (keyed by target column names) and
 * reports problems through zod issues whose path names the CSV key.
 */
export interface ImportSource {
  name: string;
  /** One line for the API docs and the CLI help. */
  description: string;
  table: string;
  columns: CsvColumn[];
  target: TargetColumn[];
  naturalKey: string[];
  /** The one schema for a CSV row; sources with their own `createDecoder` validate there instead. */
  rowSchema?: z.ZodType<Record<string, unknown>, RawRow>;
  references?: Reference[];
  /** Who may import this source (`import-access.ts` applies it, before any byte of an upload is stored). */
  roles: Role[];
  /**
   * The target column naming the agency a row belongs to. A caller bound to one agency (role `agency`) may
   * import only rows whose value is its own agency code; every other row is a row error. A source whose
   * `roles` include `agency` must declare it.
   */
  agencyColumn?: string;
  /** Optional pre-validation fix-ups (swapped columns); may report repairs. */
  repairRow?(raw: RawRow, context: RowContext): RawRow;
  /**
   * Columns staged with the rows but not written to `table` (e.g. a person's name that goes to
   * `people` in `afterMerge`).
   */
  stagingExtra?: TargetColumn[];
  /** Loads what row decoding needs from the database (e.g. agency names); runs in the import's transaction. */
  prepare?(client: PoolClient): Promise<unknown>;
  /** For sources whose layout the header alone cannot tell (e-GP): builds the decoder from the header and a sample. */
  createDecoder?(header: string[], sample: string[][], context: unknown): RowDecoder;
  /** Set-based follow-up in the same transaction, after the merge (fill `people`, say). */
  afterMerge?(client: PoolClient, staging: StagingTable, batchId: string): Promise<void>;
  /** Notes for the import answer (e.g. agency names that matched no agency). */
  summarise?(client: PoolClient, staging: StagingTable): Promise<string[]>;
}

export interface ImportOutcome {
  batchId: string;
  source: string;
  fileName: string | null;
  dryRun: boolean;
  mode: ImportMode;
  status: 'written' | 'dry_run' | 'rejected';
  encoding: string | null;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: RowProblem[];
  /** True when more errors were found than are listed. */
  errorsTruncated: boolean;
  repairs: RowProblem[];
  repairsTruncated: boolean;
  unknownColumns: string[];
  /** The layout recognised, for sources with several (e-GP). */
  layout: string | null;
  /** Things worth knowing that are not row problems (names that matched no agency, say). */
  notes: string[];
  durationMs: number;
}

export type ImportMode = 'strict' | 'skip-invalid';
