import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Writable } from 'node:stream';
import { ident } from '../database/sql-identifier';
import type { ImportSource, TargetColumn } from './source-definition';

export interface KeyConflict {
  row: number;
  firstRow: number;
}

export interface MissingReference {
  row: number;
  column: string;
  value: string;
  label: string;
}

/**
 * A temporary table, private to the import's transaction and dropped at its end, that valid rows
 * are COPYed into before one set-based merge. Checks that need the whole file (duplicate keys,
 * references to other tables) run here in SQL rather than row by row in JS.
 */
export class StagingTable {
  readonly name: string;

  constructor(
    private readonly client: PoolClient,
    private readonly source: ImportSource,
    readonly columns: TargetColumn[],
  ) {
    this.name = `staging_${source.table}`;
  }

  async create(): Promise<void> {
    const columnsSql = this.columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ');
    await this.client.query(
      `create temp table ${ident(this.name)} (row_no integer not null, ${columnsSql}) on commit drop`,
    );
  }

  /** A COPY stream in text format, for lines made by `copyRow` (the row number first), sent through a CopyWriter. */
  openCopy(): Writable {
    const columns = ['row_no', ...this.columns.map((c) => c.name)].map(ident).join(', ');
    return this.client.query(copyFrom(`copy ${ident(this.name)} (${columns}) from stdin`));
  }

  async analyze(): Promise<void> {
    await this.client.query(`analyze ${ident(this.name)}`);
  }

  /** Rows whose natural key an earlier row of the same file already used. */
  async findDuplicateKeys(): Promise<KeyConflict[]> {
    const key = this.source.naturalKey.map(ident).join(', ');
    const result = await this.client.query<{ row_no: number; first_row: number }>(
      `select row_no, first_row from (
         select row_no, min(row_no) over (partition by ${key}) as first_row from ${ident(this.name)}
       ) ranked where row_no <> first_row order by row_no`,
    );
    return result.rows.map((r) => ({ row: r.row_no, firstRow: r.first_row }));
  }

  /** Rows that point at something that does not exist (an agency code nobody imported). */
  async findMissingReferences(): Promise<MissingReference[]> {
    const found: MissingReference[] = [];
    for (const ref of this.source.references ?? []) {
      if (!this.columns.some((c) => c.name === ref.column)) continue;
      const result = await this.client.query<{ row_no: number; value: string }>(
        `select s.row_no, s.${ident(ref.column)}::text as value from ${ident(this.name)} s
         where s.${ident(ref.column)} is not null
           and not exists (select 1 from ${ident(ref.table)} t where t.${ident(ref.tableColumn)} = s.${ident(ref.column)})
         order by s.row_no`,
      );
      for (const r of result.rows) found.push({ row: r.row_no, column: ref.column, value: r.value, label: ref.label });
    }
    return found;
  }

  /** Rows whose agency column is not `agency` (or that carry no agency column at all): not the caller's to write. */
  async findRowsOfOtherAgencies(column: string, agency: string): Promise<Array<{ row: number; value: string | null }>> {
    const value = this.columns.some((c) => c.name === column) ? `${ident(column)}::text` : 'null::text';
    const result = await this.client.query<{ row_no: number; value: string | null }>(
      `select row_no, ${value} as value from ${ident(this.name)} where ${value} is distinct from $1 order by row_no`,
      [agency],
    );
    return result.rows.map((r) => ({ row: r.row_no, value: r.value }));
  }

  async deleteRows(rows: number[]): Promise<void> {
    if (rows.length === 0) return;
    await this.client.query(`delete from ${ident(this.name)} where row_no = any($1::int[])`, [rows]);
  }
}
