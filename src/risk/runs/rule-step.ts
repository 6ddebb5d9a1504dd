import type { PoolClient } from 'pg';
import type { RuleContext, RuleDefinition } from '../engine/rule-definition';
import { insertRuleOutput, RULE_OUTPUT_TABLE } from '../engine/rule-output';
import type { LoadedRule } from '../rule-loader';
import type { RuleParameters } from '../rule-file.schema';

export interface RuleCounts {
  flagged: number;
  clear: number;
  notCalculable: number;
}

export interface RuleStepResult extends RuleCounts {
  durationMs: number;
}


/**
 * Runs one rule inside a run's transaction, all in SQL: the rule's rows go into `rule_output`, are
 * counted, and its flags are merged into `flags` — updated in place when the same rule finds the same
 * entity again (so an auditor's status and note stay), added when new; open flags it no longer finds are
 * removed. Its not-calculable rows replace the previous run's.
 */
export async function runRuleStep(
  client: PoolClient,
  runId: string,
  rule: LoadedRule,
  definition: RuleDefinition,
  context: RuleContext,
): Promise<RuleStepResult> {
  const started = performance.now();
  await client.query(`truncate ${RULE_OUTPUT_TABLE}`);
  const query = definition.query(rule.parameters as RuleParameters, context);
  const insert = insertRuleOutput(query).toQuery();
  await client.query(insert.text, insert.values).catch((error: Error) => {
    throw new Error(`rule ${rule.id} failed: ${error.message}`, { cause: error });
  });

  const counts = await countOutcomes(client);
  const scope = context.fiscalYear;
  await client.query(MERGE_FLAGS, [rule.id, rule.entity, rule.severity, runId]).catch((error: Error & { code?: string }) => {
    // 21000: ON CONFLICT met one key twice. A rule must judge each entity once, so this is a defect in its query.
    if (error.code === '21000') throw new Error(`rule ${rule.id} returned more than one flagged row for one entity`, { cause: error });
    throw error;
  });
  await client.query(
    `with gone as (
       delete from flags where rule_id = $1 and status = 'open' and last_run_id <> $2
          and ($3::int is null or fiscal_year = $3::int)
       returning id)
     delete from flag_events where flag_id in (select id from gone)`,
    [rule.id, runId, scope],
  );
  await client.query(`delete from risk_not_calculable where rule_id = $1 and ($2::int is null or fiscal_year = $2::int)`, [rule.id, scope]);
  await client.query(
    `insert into risk_not_calculable (run_id, rule_id, entity_type, entity_key, agency_code, fiscal_year, reason, project_ids)
     select $1, $2, $3, entity_key, agency_code, fiscal_year, reason, coalesce(project_ids, '{}')
       from ${RULE_OUTPUT_TABLE} where outcome = 'not_calculable'`,
    [runId, rule.id, rule.entity],
  );
  const durationMs = Math.round(performance.now() - started);
  await client.query(
    `insert into risk_run_rules (run_id, rule_id, parameters, flagged, clear, not_calculable, duration_ms)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [runId, rule.id, JSON.stringify(rule.parameters), counts.flagged, counts.clear, counts.notCalculable, durationMs],
  );
  return { ...counts, durationMs };
}

/** A flag found again is updated in place (its status and note stay); a new one is added as open. */
const MERGE_FLAGS = `insert into flags (rule_id, entity_type, entity_key, agency_code, fiscal_year, score, severity, amount,
                        project_ids, vendor_tins, payment_docs, evidence, first_run_id, last_run_id)
     select $1, $2, entity_key, agency_code, fiscal_year, round(least(1, greatest(0, coalesce(score, 1))), 4), $3,
            round(amount, 2), coalesce(project_ids, '{}'), coalesce(vendor_tins, '{}'), coalesce(payment_docs, '{}'),
            coalesce(evidence, '{}'), $4, $4
       from ${RULE_OUTPUT_TABLE} where outcome = 'flagged'
     on conflict (rule_id, entity_key) do update set
       entity_type = excluded.entity_type, agency_code = excluded.agency_code, fiscal_year = excluded.fiscal_year,
       score = excluded.score, severity = excluded.severity, amount = excluded.amount,
       project_ids = excluded.project_ids, vendor_tins = excluded.vendor_tins, payment_docs = excluded.payment_docs,
       evidence = excluded.evidence, last_run_id = excluded.last_run_id, updated_at = now()`;

async function countOutcomes(client: PoolClient): Promise<RuleCounts> {
  const { rows } = await client.query<{ outcome: string; n: number }>(
    `select outcome, count(*)::int as n from ${RULE_OUTPUT_TABLE} group by outcome`,
  );
  const of = (outcome: string) => rows.find((r) => r.outcome === outcome)?.n ?? 0;
  return { flagged: of('flagged'), clear: of('clear'), notCalculable: of('not_calculable') };
}
