import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { SqlDatabase } from '../database/sql-database';
import type { Principal } from '../auth/principal';
import { assertMayImport, rowAgencyFor } from './import-access';
import { runImportPipeline } from './import-pipeline';
import type { ImportMode, ImportOutcome, ImportSource } from './source-definition';
import { SourceRegistry } from './source-registry';
import { ImportEvents } from './import-events';

export interface ImportRequest {
  source: string;
  input: Readable;
  fileName?: string | null;
  mode?: ImportMode;
  dryRun?: boolean;
  by?: Principal | string;
  onProgress?: (rows: number) => void;
}

/**
 * Imports one file as one batch: a batch record first (so even a rejected file leaves a trace),
 * then the pipeline in one transaction, committed only when the batch may be written.
 */
@Injectable()
export class ImportService {
  constructor(
    @Inject(SqlDatabase) private readonly sql: SqlDatabase,
    private readonly sources: SourceRegistry,
    private readonly events: ImportEvents,
  ) {}

  async import(request: ImportRequest): Promise<ImportOutcome> {
    const source = this.sources.get(request.source);
    assertMayImport(source, request.by);
    const onlyAgency = rowAgencyFor(source, request.by);
    const mode = request.mode ?? 'strict';
    const dryRun = request.dryRun ?? false;
    const createdBy = typeof request.by === 'string' ? request.by : request.by?.name ?? null;
    const started = Date.now();
    const [{ id: batchId }] = await this.sql.query<{ id: string }>(
      `insert into import_batches (source, file_name, mode, dry_run, status, errors, repairs, created_by)
       values ($1, $2, $3, $4, 'running', '[]', '[]', $5) returning id::text`,
      [source.name, request.fileName ?? null, mode, dryRun, createdBy],
    );

    try {
      const result = await this.sql.transaction(
        (client) =>
          runImportPipeline(client, source, request.input, { mode, dryRun, batchId, onlyAgency, onProgress: request.onProgress }),
        (pipeline) => !pipeline.rollback,
      );
      const status = dryRun ? 'dry_run' : result.rollback ? 'rejected' : 'written';
      const outcome: ImportOutcome = {
        batchId,
        source: source.name,
        fileName: request.fileName ?? null,
        dryRun,
        mode,
        status,
        encoding: result.encoding,
        rows: result.rows,
        inserted: result.inserted,
        updated: result.updated,
        unchanged: result.unchanged,
        rejected: result.rejected,
        errors: result.errors.sorted(),
        errorsTruncated: result.errors.truncated,
        repairs: result.repairs.sorted(),
        repairsTruncated: result.repairs.truncated,
        unknownColumns: result.unknownColumns,
        layout: result.layout,
        notes: result.notes,
        durationMs: Date.now() - started,
      };
      await this.record(outcome);
      if (outcome.status === 'written') this.events.written.next(outcome);
      return outcome;
    } catch (error) {
      await this.sql
        .query(`update import_batches set status = 'failed', errors = $2, duration_ms = $3 where id = $1`, [
          batchId,
          JSON.stringify([{ row: 0, column: '', message: (error as Error).message }]),
          Date.now() - started,
        ])
        .catch(() => undefined);
      throw error;
    }
  }

  sourceFor(name: string): ImportSource {
    return this.sources.get(name);
  }

  private async record(outcome: ImportOutcome): Promise<void> {
    await this.sql.query(
      `update import_batches set status = $2, rows = $3, inserted = $4, updated = $5, unchanged = $6, rejected = $7,
         errors = $8, repairs = $9, unknown_columns = $10, duration_ms = $11, encoding = $12, layout = $13 where id = $1`,
      [
        outcome.batchId,
        outcome.status,
        outcome.rows,
        outcome.inserted,
        outcome.updated,
        outcome.unchanged,
        outcome.rejected,
        JSON.stringify(outcome.errors),
        JSON.stringify(outcome.repairs),
        JSON.stringify(outcome.unknownColumns),
        outcome.durationMs,
        outcome.encoding,
        outcome.layout,
      ],
    );
  }
}
