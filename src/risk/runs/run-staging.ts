import type { PoolClient } from 'pg';
import { RULE_ROW_DETAIL_COLUMNS_SQL } from '../engine/rule-output';

/**
 * Where a run keeps what its rules found until the run is merged as one unit: an unlogged table of its own,
 * `risk_run_output_<run id>`, holding every rule's flagged and not-calculable rows (clear rows are only counted).
 * Workers fill it in parallel, each rule in its own transaction; the final merge reads it; the run drops it at
 * the end whatever happened. Readers of flags and scores never look at it, so what is in it is invisible.
 * Unlogged: nothing in it needs to survive a crash, and it writes no WAL.
 */
const STAGING_NAME = /^risk_run_output_(\d+)$/;

export function stagingTableOf(runId: string): string {
  if (!/^\d+$/.test(runId)) throw new Error(`not a run id: ${runId}`);
  return `risk_run_output_${runId}`;
}

export function createStagingTable(table: string): string {
  return `create unlogged table ${table} (
    rule_id text not null,
    entity_type text not null,
    severity text not null,
    outcome text not null check (outcome in ('flagged', 'not_calculable')),
    entity_key text not null,${RULE_ROW_DETAIL_COLUMNS_SQL}
  )`;
}

/**
 * Drops the staging tables runs of a dead process (or a run whose coordinating connection was lost) left behind.
 * Called under the run lock, so no live run owns them; a straggling worker of such a run waits here for its
 * statement to end, then fails on the missing table.
 */
export async function dropLeftoverStaging(client: PoolClient, keep: string): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `select relname as name from pg_class where relkind = 'r' and relnamespace = current_schema()::regnamespace and relname like 'risk\\_run\\_output\\_%'`,
  );
  for (const { name } of rows) {
    if (STAGING_NAME.test(name) && name !== keep) await client.query(`drop table if exists ${name}`);
  }
}
