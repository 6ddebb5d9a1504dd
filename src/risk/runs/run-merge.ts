import type { PoolClient } from 'pg';
import type { LoadedRule } from '../rule-loader';
import type { RuleStepResult } from './rule-step';

export interface MergeInput {
  runId: string;
  stagingTable: string;
  /** The run's fiscal year: flags and not-calculable rows of other years are left alone. Null: every year. */
  fiscalYear: number | null;
  rules: readonly LoadedRule[];
  results: ReadonlyMap<string, RuleStepResult>;
  /** The run's duration so far; the merge's own time is added. */
  startedAt: number;
}

/**
 * Makes a run's results visible, all at once, in one transaction on `client` (which holds the run lock): every
 * rule's staged flags merged into `flags`, the open flags the rules no longer find removed, the not-calculable
 * rows replaced, the per-rule records written and the run marked succeeded. A reader sees the previous run's
 * results or this run's, never a mix; if anything here fails, nothing of the run is kept.
 *
 * Triage survives: a flag found again is updated in place (its status and note stay), a new one is added as open;
 * only `open` flags the rules no longer find are removed, confirmed and dismissed ones stay (`current: false`).
 */
export async function mergeRun(client: PoolClient, input: MergeInput): Promise<{ durationMs: number; mergeMs: number }> {
  const mergeStarted = performance.now();
  const { runId, stagingTable, fiscalYear, rules } = input;
  const ruleIds = rules.map((r) => r.id);
  await client.query('begin');
  try {
    await client.query(mergeFlags(stagingTable), [runId]);
    await client.query(
      `with gone as (
         delete from flags where rule_id = any($1::text[]) and status = 'open' and last_run_id <> $2
            and ($3::int is null or fiscal_year = $3::int)
         returning id)
       delete from flag_events where flag_id in (select id from gone)`,
      [ruleIds, runId, fiscalYear],
    );
    await client.query(`delete from risk_not_calculable where rule_id = any($1::text[]) and ($2::int is null or fiscal_year = $2::int)`, [ruleIds, fiscalYear]);
    await client.query(
      `insert into risk_not_calculable (run_id, rule_id, entity_type, entity_key, agency_code, fiscal_year, reason, project_ids)
       select $1, rule_id, entity_type, entity_key, agency_code, fiscal_year, reason, coalesce(project_ids, '{}')
         from ${stagingTable} where outcome = 'not_calculable'`,
      [runId],
    );
    const result = (id: string) => input.results.get(id)!;
    await client.query(
      `insert into risk_run_rules (run_id, rule_id, parameters, flagged, clear, not_calculable, duration_ms)
       select $1, * from unnest($2::text[], $3::jsonb[], $4::int[], $5::int[], $6::int[], $7::int[])`,
      [
        runId,
        ruleIds,
        rules.map((r) => JSON.stringify(r.parameters)),
        ruleIds.map((id) => result(id).flagged),
        ruleIds.map((id) => result(id).clear),
        ruleIds.map((id) => result(id).notCalculable),
        ruleIds.map((id) => result(id).durationMs),
      ],
    );
    const durationMs = Math.round(performance.now() - input.startedAt);
    await client.query(`update risk_runs set status = 'succeeded', finished_at = now(), duration_ms = $2 where id = $1`, [runId, durationMs]);
    await client.query('commit');
    return { durationMs, mergeMs: Math.round(performance.now() - mergeStarted) };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/** Every rule's flagged rows at once: a flag found again is updated in place, a new one added as open. */
function mergeFlags(stagingTable: string): string {
  return `insert into flags (rule_id, entity_type, entity_key, agency_code, fiscal_year, score, severity, amount,
                        project_ids, vendor_tins, payment_docs, evidence, first_run_id, last_run_id)
     select rule_id, entity_type, entity_key, agency_code, fiscal_year, round(least(1, greatest(0, coalesce(score, 1))), 4), severity,
            round(amount, 2), coalesce(project_ids, '{}'), coalesce(vendor_tins, '{}'), coalesce(payment_docs, '{}'),
            coalesce(evidence, '{}'), $1, $1
       from ${stagingTable} where outcome = 'flagged'
     on conflict (rule_id, entity_key) do update set
       entity_type = excluded.entity_type, agency_code = excluded.agency_code, fiscal_year = excluded.fiscal_year,
       score = excluded.score, severity = excluded.severity, amount = excluded.amount,
       project_ids = excluded.project_ids, vendor_tins = excluded.vendor_tins, payment_docs = excluded.payment_docs,
       evidence = excluded.evidence, last_run_id = excluded.last_run_id, updated_at = now()`;
}
