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
  /** Time to compute the rule and stage its rows (its share of the run's merge is not included). */
  durationMs: number;
}

/**
 * Computes one rule of a run, all in SQL, inside a transaction reading the run's snapshot: the rule's rows go into
 * `rule_output`, are counted, and its flagged and not-calculable rows are copied into the run's staging table.
 * Nothing a reader sees changes here: `mergeRun` (run-merge.ts) merges every rule's staged rows in one transaction
 * once all rules have succeeded.
 */
export async function computeRuleStep(
  client: PoolClient,
  stagingTable: string,
  rule: LoadedRule,
  definition: RuleDefinition,
  context: RuleContext,
): Promise<RuleStepResult> {
  const started = performance.now();
  const query = definition.query(rule.parameters as RuleParameters, context);
  const insert = insertRuleOutput(query).toQuery();
  await client.query(insert.text, insert.values).catch((error: Error) => {
    throw new Error(`rule ${rule.id} failed: ${error.message}`, { cause: error });
  });

  const counts = await countOutcomes(client);
  // A rule must judge each entity once; checked here, where the rule is known, rather than as the merge's
  // "ON CONFLICT met one key twice", which could not say which rule it was.
  const { rowCount: twice } = await client.query(
    `select 1 from ${RULE_OUTPUT_TABLE} where outcome = 'flagged' group by entity_key having count(*) > 1 limit 1`,
  );
  if (twice) throw new Error(`rule ${rule.id} returned more than one flagged row for one entity`);
  await client.query(
    `insert into ${stagingTable} (rule_id, entity_type, severity, outcome, entity_key, agency_code, fiscal_year, score, amount,
                                  project_ids, vendor_tins, payment_docs, evidence, reason)
     select $1, $2, $3, outcome, entity_key, agency_code, fiscal_year, score, amount, project_ids, vendor_tins, payment_docs, evidence, reason
       from ${RULE_OUTPUT_TABLE} where outcome <> 'clear'`,
    [rule.id, rule.entity, rule.severity],
  );
  return { ...counts, durationMs: Math.round(performance.now() - started) };
}

async function countOutcomes(client: PoolClient): Promise<RuleCounts> {
  const { rows } = await client.query<{ outcome: string; n: number }>(
    `select outcome, count(*)::int as n from ${RULE_OUTPUT_TABLE} group by outcome`,
  );
  const of = (outcome: string) => rows.find((r) => r.outcome === outcome)?.n ?? 0;
  return { flagged: of('flagged'), clear: of('clear'), notCalculable: of('not_calculable') };
}
