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

export const CREATE_RULE_OUTPUT = `
  create temporary table ${RULE_OUTPUT_TABLE} (
    outcome text not null check (outcome in ('flagged', 'clear', 'not_calculable')),
    entity_key text,
    agency_code text,
    fiscal_year int,
    score numeric,
    amount numeric,
    project_ids text[],
    vendor_tins text[],
    payment_docs text[],
    evidence jsonb,
    reason text,
    check (outcome <> 'not_calculable' or reason is not null),
    check (outcome = 'clear' or entity_key is not null)
  ) on commit drop`;

const KEPT_COLUMNS = raw(
  RULE_OUTPUT_COLUMNS.map((c) => (c === 'outcome' ? c : `case when outcome <> 'clear' then ${c} end as ${c}`)).join(', '),
);

/**
 * The statement that stores a rule's rows in `rule_output`. Only flagged and not-calculable rows keep their key,
 * lists and evidence; a clear row is stored as its outcome alone, to be counted. PostgreSQL then computes those
 * columns only for the rows that keep them, not for the clear majority — when it can inline the rule's query,
 * which it does for a top-level SELECT without WITH (docs/risk-engine.md).
 */
export function insertRuleOutput(ruleQuery: SqlFragment): SqlFragment {
  return sql`insert into ${raw(RULE_OUTPUT_TABLE)} (${raw(RULE_OUTPUT_COLUMNS.join(', '))}) select ${KEPT_COLUMNS} from (${ruleQuery}) as rule_rows`;
}
