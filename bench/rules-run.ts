import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { profileStatements } from './statement-profile';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/app-config';
import type { RuleId } from '../src/risk/rule-file.schema';
import { RiskRunsService } from '../src/risk/runs/risk-runs.service';
import { cpuSecondsOf, peakRssMbOf } from './backend-process';
import { withDatabase } from './bench-database';

/**
 * One run of every enabled rule (RiskRunsService.run, as `cli rules run` does) in a process of its own, so
 * that its peak RSS is the run's alone. Prints one JSON line: the run report, the wall time of the run and
 * of the whole process, this process's peak RSS, the peak RSS (VmHWM) of the PostgreSQL backends that served
 * it and their CPU time, and the temporary-file bytes PostgreSQL wrote meanwhile (sorts and hashes that spilled past work_mem).
 * With BENCH_PROFILE=1 it also times each statement of each rule's step (statement-profile.ts); BENCH_RULES
 * (comma-separated ids) runs only those rules, for measuring a change to a few.
 */
async function main(): Promise<void> {
  const processStarted = performance.now();
  const [databaseUrl] = process.argv.slice(2);
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', MIGRATE_ON_START: 'false' });
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ config, databaseUrl, databaseKind: 'external', http: false }),
    { logger: ['error'] },
  );
  const database = new URL(databaseUrl).pathname.slice(1);
  const tempBefore = await tempBytes(databaseUrl, database);
  const profile = process.env.BENCH_PROFILE === '1' ? profileStatements() : undefined;
  const started = performance.now();
  const rules = process.env.BENCH_RULES ? (process.env.BENCH_RULES.split(',') as RuleId[]) : undefined;
  const report = await app.get(RiskRunsService).run({ startedBy: 'bench', rules, onProgress: (_done, _total, id) => profile?.ruleDone(id) });
  const runMs = performance.now() - started;
  const server = await backends(databaseUrl, database);
  await new Promise((resolve) => setTimeout(resolve, 1500)); // backends report their statistics about once a second
  const tempAfter = await tempBytes(databaseUrl, database);
  await app.close();
  process.stdout.write(
    JSON.stringify({
      report,
      runMs,
      processMs: performance.now() - processStarted,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      backendPeakRssMb: server.peakRssMb,
      backendCpuS: server.cpuS,
      nodeCpuS: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
      tempMb: (tempAfter - tempBefore) / 2 ** 20,
      phases: profile?.byRule,
    }) + '\n',
  );
}

/**
 * The app's backends on this database, read from /proc (nulls when PostgreSQL runs elsewhere): the largest
 * VmHWM, and the CPU seconds they used (utime + stime; parallel workers are processes of their own and not
 * counted). The CPU time says what the run costs whatever else the machine is doing.
 */
async function backends(url: string, database: string): Promise<{ peakRssMb: number | null; cpuS: number | null }> {
  const pids = await withDatabase(url, async (c) =>
    (await c.query<{ pid: number }>(`select pid from pg_stat_activity where datname = $1 and application_name = 'audit-radar'`, [database])).rows,
  );
  let peakRssMb: number | null = null;
  let cpuS: number | null = null;
  for (const { pid } of pids) {
    try {
      const rss = peakRssMbOf(pid);
      if (rss !== null) peakRssMb = Math.max(peakRssMb ?? 0, rss);
      cpuS = (cpuS ?? 0) + cpuSecondsOf(pid);
    } catch {
      // not on this machine, or not readable
    }
  }
  return { peakRssMb, cpuS };
}

async function tempBytes(url: string, database: string): Promise<number> {
  return withDatabase(url, async (c) => {
    // pg_stat_database is updated when backends report; force a fresh snapshot
    await c.query(`select pg_stat_clear_snapshot()`);
    const { rows } = await c.query<{ temp_bytes: string }>(`select temp_bytes from pg_stat_database where datname = $1`, [database]);
    return Number(rows[0]?.temp_bytes ?? 0);
  });
}


void main();
