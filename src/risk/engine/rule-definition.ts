import type { SqlFragment } from '../../database/sql-template';
import type { RuleId, RuleParameters } from '../rule-file.schema';

/** What a rule query is told about the run it is part of. */
export interface RuleContext {
  /** The fiscal year examined (BE), or null for every year in the data. */
  readonly fiscalYear: number | null;
  /** ISO date at which "overdue" is judged: the end of the fiscal year when that is past, otherwise today. */
  readonly referenceDate: string;
}

/**
 * A rule is a query (docs/architecture.md): one set-based SELECT over the imported tables that returns one
 * row per entity it examined, with these columns, in any order:
 *
 * | column        | type    | meaning                                                                  |
 * | ------------- | ------- | ------------------------------------------------------------------------ |
 * | outcome       | text    | 'flagged', 'clear' or 'not_calculable' — never a missing field as clear   |
 * | entity_key    | text    | stable key of the entity (see engine/rule-sql.ts for the usual keys)      |
 * | agency_code   | text    | the agency it concerns (agency users see their own), null when none       |
 * | fiscal_year   | int     | BE fiscal year it belongs to                                              |
 * | score         | numeric | 0–1 for a flag (null = 1); ignored otherwise                              |
 * | amount        | numeric | THB at stake, or null                                                     |
 * | project_ids   | text[]  | e-GP project ids involved (all of them for a group)                       |
 * | vendor_tins   | text[]  | tax ids involved                                                          |
 * | payment_docs  | text[]  | GFMIS documents involved                                                  |
 * | evidence      | jsonb   | the values and records that caused the flag (amounts as text, exact)      |
 * | reason        | text    | why it is not calculable (required for 'not_calculable')                  |
 *
 * Of a clear row the engine keeps only its outcome (engine/rule-output.ts), so a rule may leave the lists of
 * clear rows null (supplier-dependence gathers them for reported vendors only), and should build lists and
 * evidence in its top-level projection, where PostgreSQL computes them for the rows kept only
 * (docs/risk-engine.md).
 *
 * The query is built from the rule's parameters (from `rules/<id>.yaml`, validated) and the run context;
 * every value goes in as a bind parameter through the `sql` template. The run context also provides the
 * temporary table `working_day_index (day, n)` (engine/working-day-index.ts): working days d with a < d ≤ b
 * are `b.n − a.n`, from the service's one calendar.
 */
export interface RuleDefinition<Id extends RuleId = RuleId> {
  readonly id: Id;
  query(parameters: RuleParameters<Id>, context: RuleContext): SqlFragment;
}

export function defineRule<Id extends RuleId>(
  id: Id,
  query: (parameters: RuleParameters<Id>, context: RuleContext) => SqlFragment,
): RuleDefinition<Id> {
  return { id, query };
}
