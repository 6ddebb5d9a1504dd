import type { PoolClient } from 'pg';
import { ident } from '../database/sql-identifier';
import type { StagingTable } from './staging-table';
import type { ImportSource } from './source-definition';

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Upserts every staged row into the target table by natural key in one statement. Rows identical to
 * what is stored are left alone (they count as unchanged), so a re-import writes nothing.
 */
export async function mergeStaging(
  client: PoolClient,
  source: ImportSource,
  staging: StagingTable,
  batchId: string,
): Promise<MergeCounts> {
  const names = mergedColumns(source, staging);
  const valueColumns = names.filter((n) => !source.naturalKey.includes(n));
  const table = ident(source.table);
  const insertColumns = [...names, 'import_batch_id', 'updated_at'].map(ident).join(', ');
  const selectColumns = [...names.map(ident), '$1::bigint', 'now()'].join(', ');
  const conflict = valueColumns.length
    ? `do update set ${[...valueColumns, 'import_batch_id', 'updated_at']
        .map((n) => `${ident(n)} = excluded.${ident(n)}`)
        .join(', ')}
       where ${tuple(valueColumns, table)} is distinct from ${tuple(valueColumns, 'excluded')}`
    : 'do nothing';
  // No `order by row_no`: sorting every staged row was nearly half of a re-import's merge, and it is not needed
  // for new rows to get ids in file order. A temporary table is never scanned in parallel nor from the
  // middle (synchronized scans are for shared tables), so its sequential scan returns rows as COPY wrote them.
  const result = await client.query<{ staged: string; inserted: string; updated: string }>(
    `with merged as (
       insert into ${table} (${insertColumns})
       select ${selectColumns} from ${ident(staging.name)}
       on conflict (${source.naturalKey.map(ident).join(', ')}) ${conflict}
       returning (xmax = 0) as inserted
     )
     select (select count(*) from ${ident(staging.name)}) as staged,
            count(*) filter (where inserted) as inserted,
            count(*) filter (where not inserted) as updated
     from merged`,
    [batchId],
  );
  return toCounts(result.rows[0]);
}

/** What a merge would do, without doing it (dry run). */
export async function predictMerge(client: PoolClient, source: ImportSource, staging: StagingTable): Promise<MergeCounts> {
  const names = mergedColumns(source, staging);
  const valueColumns = names.filter((n) => !source.naturalKey.includes(n));
  const join = source.naturalKey.map((k) => `t.${ident(k)} = s.${ident(k)}`).join(' and ');
  const firstKey = ident(source.naturalKey[0]);
  const changed = valueColumns.length ? `${tuple(valueColumns, 't')} is distinct from ${tuple(valueColumns, 's')}` : 'false';
  const result = await client.query<{ staged: string; inserted: string; updated: string }>(
    `select count(*) as staged,
            count(*) filter (where t.${firstKey} is null) as inserted,
            count(*) filter (where t.${firstKey} is not null and ${changed}) as updated
     from ${ident(staging.name)} s left join ${ident(source.table)} t on ${join}`,
  );
  return toCounts(result.rows[0]);
}

/** Staged columns that belong to the target table (not the `stagingExtra` ones). */
function mergedColumns(source: ImportSource, staging: StagingTable): string[] {
  const target = new Set(source.target.map((c) => c.name));
  return staging.columns.map((c) => c.name).filter((n) => target.has(n));
}

function tuple(columns: string[], alias: string): string {
  return `row(${columns.map((c) => `${alias}.${ident(c)}`).join(', ')})`;
}

function toCounts(row: { staged: string; inserted: string; updated: string }): MergeCounts {
  const staged = Number(row.staged);
  const inserted = Number(row.inserted);
  const updated = Number(row.updated);
  return { inserted, updated, unchanged: staged - inserted - updated };
}
