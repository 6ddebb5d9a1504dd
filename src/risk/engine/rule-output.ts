import { raw, sql, type SqlFragment } from '../../database/sql-template';

/**
 * The columns every rule query returns (see RuleDefinition), and the temporary table a run collects one
 * rule's rows in before they are counted and stored — all in SQL, so clear rows never travel to Node.
 */
export const RULE_OUTPUT_TABLE = 'rule_output';

export const RULE_OUTPUT_COLUMNS = [
  'outcome',
  'entity_key',
  'agency_code',
  'fiscal_year',
  'score',
  'amount',
  'project_ids',
  'vendor_tins',
  'payment_docs',
  'evidence',
  'reason',
] as const;

/** The columns of a judged row after its outcome and key: in `rule_output`, and in a run's staging table (run-staging.ts). */
export const RULE_ROW_DETAIL_COLUMNS_SQL = `
    agency_code text,
    fiscal_year int,
    score numeric,
    amount numeric,
    project_ids text[],
    vendor_tins text[],
    payment_docs text[],
    evidence jsonb,
    reason text`;

export const CREATE_RULE_OUTPUT = `
  create temporary table ${RULE_OUTPUT_TABLE} (
    outcome text not null check (outcome in ('flagged', 'clear', 'not_calculable')),
    entity_key text,${RULE_ROW_DETAIL_COLUMNS_SQL},
    check (outcome <> 'not_calculable' or reason is not null),
    check (outcome = 'clear' or entity_key is not null)
  ) on commit drop`;

const DETAIL_COLUMNS = RULE_OUTPUT_COLUMNS.filter((c) => c !== 'outcome');

/**
 * The statement that stores a rule's rows in `rule_output`. Only flagged and not-calculable rows keep their key,
 * lists and evidence; a clear row is stored as its outcome alone, to be counted.
 *
 * Why it is built this way (docs/risk-engine.md): PostgreSQL inlines a rule query whose top-level SELECT has no
 * WITH, so a column the insert does not keep is never computed — the clear majority costs only its outcome.
 * But an inlined column is computed again wherever it is used, and the outcome is used to decide every other
 * column: the middle level (`offset 0` keeps it a level of its own) decides once per row, packing the kept
 * columns into one `rule_output` row value, and the insert unpacks it. Written with a CASE per column instead,
 * a rule's outcome was computed 11 times a row (price-above-reference: 3.1 s over 500k contracts, 1.5 s so).
 */
export function insertRuleOutput(ruleQuery: SqlFragment): SqlFragment {
  const packed = raw(`row(${RULE_OUTPUT_COLUMNS.join(', ')})::${RULE_OUTPUT_TABLE}`);
  const unpacked = raw(DETAIL_COLUMNS.map((c) => `(kept.detail).${c}`).join(', '));
  return sql`insert into ${raw(RULE_OUTPUT_TABLE)} (${raw(RULE_OUTPUT_COLUMNS.join(', '))})
    select kept.outcome, ${unpacked}
      from (select outcome, case when outcome <> 'clear' then ${packed} end as detail
              from (${ruleQuery}) as rule_rows
            offset 0) as kept`;
}
