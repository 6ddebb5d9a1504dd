import type { PoolClient } from 'pg';
import type { WorkingDayCalendar } from '../../common/working-days';
import { CREATE_RULE_OUTPUT } from './rule-output';
import { createWorkingDayIndex } from './working-day-index';

/**
 * Readies a transaction to run rule queries as a run does: planner settings, the working-day index for the
 * years given, and the `rule_output` table (all dropped at commit). Shared by runs and `bench/explain-rule.ts`,
 * so what the bench explains is what a run executes.
 */
export async function prepareRuleTransaction(client: PoolClient, calendar: WorkingDayCalendar, fromYearCe: number, toYearCe: number): Promise<void> {
  // Rule queries are few and set-based; JIT compiling them costs more than it saves, badly so when the planner
  // misjudges a join on tables not yet analysed after an import.
  await client.query('set local jit = off');
  // Rules sort and hash whole tables; 4 MB (the default) sends those to temp files on disk.
  await client.query(`set local work_mem = '64MB'`);
  await createWorkingDayIndex(client, calendar, fromYearCe, toYearCe);
  await client.query(CREATE_RULE_OUTPUT);
}
