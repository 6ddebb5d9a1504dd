import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module';
import { todayInBangkok } from '../src/common/bangkok-date';
import { loadConfig } from '../src/config/app-config';
import { SqlDatabase } from '../src/database/sql-database';
import { insertRuleOutput } from '../src/risk/engine/rule-output';
import { prepareRuleTransaction } from '../src/risk/engine/rule-transaction';
import { RuleRegistry } from '../src/risk/rule-registry.service';
import type { RuleId, RuleParameters } from '../src/risk/rule-file.schema';
import { ruleDefinition } from '../src/risk/rules';
import { referenceDateOf } from '../src/risk/runs/reference-date';
import { WorkingCalendarService } from '../src/universe/working-calendar.service';
import { cpuSecondsOf } from './backend-process';

/**
 * `ts-node bench/explain-rule.ts <database url> <rule id> [fiscal year]`: EXPLAIN (ANALYZE, BUFFERS) of one
 * rule's query with the parameters in force, wrapped and prepared exactly as a run executes it, rolled back.
 * For finding out why a rule is slow on the bench database (BENCH_KEEP=1 npm run bench:rules).
 * EXPLAIN_TIME=1 times the statement three times instead, without EXPLAIN (ANALYZE's per-row clock reads
 * add seconds to rules of many rows), with the backend's CPU time when PostgreSQL runs on this machine:
 * compare rewrites by these.
 */
async function main(): Promise<void> {
  const [databaseUrl, ruleId, year] = process.argv.slice(2);
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', MIGRATE_ON_START: 'false' });
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ config, databaseUrl, databaseKind: 'external', http: false }),
    { logger: ['error'] },
  );
  const rule = app.get(RuleRegistry).ruleSet.rules.find((r) => r.id === ruleId);
  const definition = ruleDefinition(ruleId as RuleId);
  if (!rule || !definition) throw new Error(`unknown rule ${ruleId}`);
  const fiscalYear = year ? Number(year) : null;
  const context = { fiscalYear, referenceDate: referenceDateOf(fiscalYear, todayInBangkok()) };
  // Explained as a run executes it: the engine's insert around the rule, with the run's settings.
  const query = insertRuleOutput(definition.query(rule.parameters as RuleParameters, context)).toQuery();
  const calendar = await app.get(WorkingCalendarService).calendar();
  await app
    .get(SqlDatabase)
    .transaction(
      async (client) => {
        await prepareRuleTransaction(client, calendar, 2005, Number(todayInBangkok().slice(0, 4)) + 3);
        if (process.env.EXPLAIN_TIME === '1') {
          const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
          for (let n = 0; n < 3; n++) {
            await client.query('truncate rule_output');
            const [started, cpuBefore] = [performance.now(), cpuSecondsOf(rows[0].pid)];
            await client.query(query.text, query.values);
            const cpuMs = Math.round((cpuSecondsOf(rows[0].pid) - cpuBefore) * 1000);
            console.log(`${ruleId}: ${Math.round(performance.now() - started)} ms, backend CPU ${cpuMs} ms`);
          }
          return;
        }
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${query.text}`, query.values);
        console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
      },
      () => false,
    );
  await app.close();
}

void main();
