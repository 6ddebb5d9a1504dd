import { SqlDatabase } from '../../src/database/sql-database';
import { WorkingCalendarService } from '../../src/universe/working-calendar.service';
import type { RuleContext } from '../../src/risk/engine/rule-definition';
import { createWorkingDayIndex } from '../../src/risk/engine/working-day-index';
import { defaultParameters, RULE_CATALOGUE, type RuleId, type RuleParameters } from '../../src/risk/rule-file.schema';
import { ruleDefinition } from '../../src/risk/rules';
import type { TestApp } from './test-app';

/** One row a rule query returned, as the engine would store it. */
export interface RuleRow {
  outcome: 'flagged' | 'clear' | 'not_calculable';
  entity_key: string;
  agency_code: string | null;
  fiscal_year: number | null;
  score: string | null;
  amount: string | null;
  project_ids: string[] | null;
  vendor_tins: string[] | null;
  payment_docs: string[] | null;
  evidence: Record<string, unknown> | null;
  reason: string | null;
}

export interface RuleVerdicts {
  rows: RuleRow[];
  flagged: RuleRow[];
  clear: RuleRow[];
  notCalculable: RuleRow[];
  /** Keys of the flagged entities, sorted. */
  flaggedKeys: string[];
  notCalculableKeys: string[];
  row(entityKey: string): RuleRow | undefined;
}

/**
 * Evaluates one rule query over a test app's database, as a run would but without storing anything:
 * catalogue defaults unless `parameters` override some, every year unless `context` names one.
 */
export async function evaluateRule<Id extends RuleId>(
  t: TestApp,
  id: Id,
  parameters: Partial<RuleParameters<Id>> = {},
  context: Partial<RuleContext> = {},
): Promise<RuleVerdicts> {
  const definition = ruleDefinition(id);
  if (!definition) throw new Error(`rule ${id} has no query yet`);
  const merged = RULE_CATALOGUE[id].parameters.parse({ ...defaultParameters(id), ...parameters });
  const full: RuleContext = { fiscalYear: null, referenceDate: '2025-09-30', ...context };
  const calendar = await t.app.get(WorkingCalendarService).calendar();
  const rows = await t.app.get(SqlDatabase).transaction(
    async (client) => {
      await createWorkingDayIndex(client, calendar, 2015, 2030);
      const { text, values } = definition.query(merged as RuleParameters, full).toQuery();
      return (await client.query<RuleRow>(text, values)).rows;
    },
    () => false, // read only: roll back
  );
  const of = (outcome: RuleRow['outcome']) => rows.filter((r) => r.outcome === outcome);
  const keys = (list: RuleRow[]) => list.map((r) => r.entity_key).sort();
  return {
    rows,
    flagged: of('flagged'),
    clear: of('clear'),
    notCalculable: of('not_calculable'),
    flaggedKeys: keys(of('flagged')),
    notCalculableKeys: keys(of('not_calculable')),
    row: (key) => rows.find((r) => r.entity_key === key),
  };
}
