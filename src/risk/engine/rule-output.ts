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
    entity_key text not null,
    agency_code text,
    fiscal_year int,
    score numeric,
    amount numeric,
    project_ids text[],
    vendor_tins text[],
    payment_docs text[],
    evidence jsonb,
    reason text,
    check (outcome <> 'not_calculable' or reason is not null)
  ) on commit drop`;
