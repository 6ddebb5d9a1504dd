import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { SqlDatabase } from '../../database/sql-database';
import type { RiskScoreView } from './risk-score-calculator';

/** What a set of scores depends on; a set computed for one key is valid for as long as the key is current. */
export interface ScoreSetKey {
  fiscalYear: number;
  /** The date the parts are judged at (the end of the fiscal year, or today's Bangkok date before it). */
  referenceDate: string;
  /** The rule files' hash: rule weights, parameters and scoring.yaml. */
  rulesHash: string;
  /** The loaded data, the runs' flags and their triage (`dataVersion()`). */
  dataVersion: string;
}

export interface ScoreSet {
  key: ScoreSetKey;
  /** When the set was computed (ISO 8601). */
  computedAt: string;
  items: RiskScoreView[];
}

/** The name of the advisory lock under which the set of `key` is computed (`hashtextextended(name, 0)`). */
export function scoreSetLockName(key: ScoreSetKey): string {
  return `risk-scores ${JSON.stringify(key)}`;
}

/** Sets kept per fiscal year: the current one plus a few a second process or an earlier day may still serve. */
const SETS_KEPT_PER_YEAR = 4;

/**
 * The table of computed risk scores (`risk_score_sets`), one row per key. Computing a missing set takes an
 * advisory lock on its key and looks again before computing, so two processes asked for the same new key
 * compute it once: the second waits for the first's row.
 */
@Injectable()
export class RiskScoreStore {
  constructor(@Inject(SqlDatabase) private readonly db: SqlDatabase) {}

  /**
   * The version of everything scores read besides the rules and the date. Each piece is a count and the
   * latest id, not the id alone: two transactions can commit in the other order than their ids were given,
   * and a count still moves when the lower id commits last. Pieces:
   * - finished risk runs (succeeded or not): a run writes and removes flags;
   * - flag triage events: a dismissed flag stops counting;
   * - written import batches: contracts, disbursements, plans, complaints, agencies, projects;
   * - agency-name mappings: a mapping moves contracts to an agency.
   * Findings have no writer in the service yet; a direct change to them is seen after the next of the above.
   */
  async dataVersion(): Promise<string> {
    const [row] = await this.db.query<{ version: string }>(
      `select concat_ws(' ',
         'runs', (select count(*) || '/' || coalesce(max(id), 0) from risk_runs where status <> 'running'),
         'triage', (select count(*) || '/' || coalesce(max(id), 0) from flag_events),
         'imports', (select count(*) || '/' || coalesce(max(id), 0) from import_batches where status = 'written'),
         'mappings', (select count(*) || '/' || coalesce(max(created_at)::text, '-') from agency_name_mappings)
       ) as version`,
    );
    return row.version;
  }

  /** The stored set of `key`, if there is one. */
  async find(key: ScoreSetKey): Promise<ScoreSet | undefined> {
    return this.findWith((text, values) => this.db.query(text, values), key);
  }

  /**
   * The stored set of `key`, computed by `compute` and stored first when there is none. `compute` runs on the
   * transaction's connection, under the key's lock.
   */
  findOrCompute(key: ScoreSetKey, compute: (client: PoolClient) => Promise<RiskScoreView[]>): Promise<ScoreSet> {
    return this.db.transaction(async (client) => {
      await client.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [scoreSetLockName(key)]);
      const stored = await this.findWith(async (text, values) => (await client.query(text, values)).rows, key);
      if (stored) return stored;
      const started = performance.now();
      const items = await compute(client);
      const { rows } = await client.query<{ computed_at: Date }>(
        `insert into risk_score_sets (fiscal_year, reference_date, rules_hash, data_version, duration_ms, items)
         values ($1, $2, $3, $4, $5, $6) returning computed_at`,
        [key.fiscalYear, key.referenceDate, key.rulesHash, key.dataVersion, Math.round(performance.now() - started), JSON.stringify(items)],
      );
      await client.query(
        `delete from risk_score_sets
          where fiscal_year = $1
            and id not in (select id from risk_score_sets where fiscal_year = $1 order by id desc limit ${SETS_KEPT_PER_YEAR})`,
        [key.fiscalYear],
      );
      return { key, computedAt: rows[0].computed_at.toISOString(), items };
    });
  }

  private async findWith(run: (text: string, values: unknown[]) => Promise<Record<string, unknown>[]>, key: ScoreSetKey): Promise<ScoreSet | undefined> {
    const [row] = (await run(
      `select computed_at, items from risk_score_sets
        where fiscal_year = $1 and reference_date = $2 and rules_hash = $3 and data_version = $4`,
      [key.fiscalYear, key.referenceDate, key.rulesHash, key.dataVersion],
    )) as { computed_at: Date; items: RiskScoreView[] }[];
    return row && { key, computedAt: row.computed_at.toISOString(), items: row.items };
  }
}
