import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** `running` until it ends; `interrupted` when its process died first (marked at the next start-up). */
export type ImportStatus = 'running' | 'written' | 'dry_run' | 'rejected' | 'failed' | 'interrupted';

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

/** One import of one file: what came in, what it did, and who did it. */
@Entity({ tableName: 'import_batches' })
@Index({ properties: ['source', 'createdAt'] })
export class ImportBatch {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'text', nullable: true })
  fileName?: string | null;

  @Property({ type: 'text' })
  mode!: 'strict' | 'skip-invalid';

  @Property({ type: 'boolean' })
  dryRun!: boolean;

  @Property({ type: 'text' })
  status!: ImportStatus;

  @Property({ type: 'text', nullable: true })
  encoding?: string | null;

  @Property({ type: 'text', nullable: true })
  layout?: string | null;

  @Property({ type: 'integer' })
  rows = 0;

  @Property({ type: 'integer' })
  inserted = 0;

  @Property({ type: 'integer' })
  updated = 0;

  @Property({ type: 'integer' })
  unchanged = 0;

  @Property({ type: 'integer' })
  rejected = 0;

  /** The first problems found (capped: a million bad rows need not be stored one by one). */
  @Property({ type: 'jsonb' })
  errors: RowProblem[] = [];

  @Property({ type: 'jsonb' })
  repairs: RowProblem[] = [];

  @Property({ type: 'jsonb', nullable: true })
  unknownColumns?: string[] | null;

  @Property({ type: 'text', nullable: true })
  createdBy?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'integer', nullable: true })
  durationMs?: number | null;

  /** The session name (`audit-radar:<instance id>`) of the process that ran it; set by the column's default. */
  @Property({ type: 'text', nullable: true, defaultRaw: `current_setting('application_name')` })
  runner?: string | null;
}
