import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateRuleData } from './generate-rule-data';
import { dropDatabase, freshDatabase, withDatabase, withServer } from './bench-database';

/**
 * `npm run bench:rules`: a synthetic province of BENCH_CONTRACTS e-GP contracts (default 500,000; a
 * comma-separated list runs each size) with bids, committees, deliveries, payments and the rest
 * (generate-rule-data.ts), written into a fresh migrated database, analysed, then every enabled rule run
 * through RiskRunsService in a child process: per-rule time and counts, total time and peak RSS.
 * BENCH_RUNS (default 1) runs the catalogue that many times over the same data: the first run writes every
 * flag, later ones update them in place, as the nightly run does. BENCH_KEEP=1 keeps the database.
 * Uses the PostgreSQL at BENCH_DATABASE_SERVER (default 127.0.0.1:5432); makes and drops its own database.
 */
const SIZES = (process.env.BENCH_CONTRACTS ?? '500000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const KEEP = process.env.BENCH_KEEP === '1';
const GOAL_MS = 60_000;
const ROOT = join(__dirname, '..');

interface RuleResult {
  flagged: number;
  clear: number;
  notCalculable: number;
  durationMs: number;
}

interface RunResult {
  report: { durationMs: number; results: Record<string, RuleResult> };
  runMs: number;
  processMs: number;
  peakRssMb: number;
  backendPeakRssMb: number | null;
  backendCpuS: number | null;
  nodeCpuS: number;
  tempMb: number;
}

async function main(): Promise<void> {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`);
  console.log(`postgres: ${await withServer(async (c) => (await c.query('show server_version')).rows[0].server_version)}`);
  for (const contracts of SIZES) {
    const database = await freshDatabase(`audit_radar_bench_rules_${contracts}`);
    console.log(`\n${contracts.toLocaleString('en-US')} contracts: database ${database.name}`);
    migrate(database.url);

    let started = performance.now();
    await generateRuleData(database.url, contracts, (line) => console.log(line));
    console.log(`  generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    await withDatabase(database.url, (c) => c.query('vacuum analyze'));
    console.log(`  vacuum analyze ${((performance.now() - started) / 1000).toFixed(1)} s; database ${await databaseSize(database.name)}`);

    const runs: RunResult[] = [];
    for (let n = 1; n <= RUNS; n++) {
      const load = loadavg().map((l) => l.toFixed(2)).join(' ');
      const run = runRules(database.url);
      runs.push(run);
      const loadAfter = loadavg().map((l) => l.toFixed(2)).join(' ');
      console.log(`\n  run ${n}${n === 1 ? ' (flags table empty)' : ' (same data: flags updated in place)'}; load average before ${load}, after ${loadAfter}`);
      printRun(run);
    }
    if (KEEP) console.log(`\n  kept database ${database.url}`);
    else await dropDatabase(database.name);
  }
}

function printRun(run: RunResult): void {
  const rows = Object.entries(run.report.results);
  console.log(`  ${'rule'.padEnd(30)} ${'ms'.padStart(7)} ${'flagged'.padStart(9)} ${'clear'.padStart(9)} ${'n/c'.padStart(9)} ${'flagged %'.padStart(9)}`);
  for (const [id, r] of rows) {
    const examined = r.flagged + r.clear + r.notCalculable;
    const share = examined ? ((100 * r.flagged) / examined).toFixed(1) : '-';
    console.log(
      `  ${id.padEnd(30)} ${String(r.durationMs).padStart(7)} ${fmt(r.flagged).padStart(9)} ${fmt(r.clear).padStart(9)} ${fmt(r.notCalculable).padStart(9)} ${share.padStart(9)}`,
    );
  }
  const ruleMs = rows.reduce((sum, [, r]) => sum + r.durationMs, 0);
  const verdict = run.report.durationMs < GOAL_MS ? 'within' : 'OVER';
  console.log(`  ${rows.length} rules: sum of rule times ${(ruleMs / 1000).toFixed(1)} s; run ${(run.report.durationMs / 1000).toFixed(1)} s (${verdict} the 60 s goal); process ${(run.processMs / 1000).toFixed(1)} s with Nest start-up`);
  console.log(`  CPU: PostgreSQL backend ${run.backendCpuS === null ? 'n/a' : `${run.backendCpuS.toFixed(1)} s`}, Node ${run.nodeCpuS.toFixed(1)} s (start-up included)`);
  console.log(
    `  peak RSS ${run.peakRssMb.toFixed(0)} MB (Node); PostgreSQL backend peak ${run.backendPeakRssMb === null ? 'n/a' : `${run.backendPeakRssMb.toFixed(0)} MB`} (VmHWM, shared buffers included); temp files ${run.tempMb.toFixed(0)} MB`,
  );
}

function runRules(url: string): RunResult {
  const output = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'rules-run.ts'), url], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
    env: { ...process.env, TZ: 'Asia/Bangkok' },
  });
  return JSON.parse(output.trim().split('\n').pop()!);
}

function migrate(url: string): void {
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli.ts', 'db', 'migrate'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, MIGRATE_ON_START: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const fmt = (n: number) => n.toLocaleString('en-US');

async function databaseSize(name: string): Promise<string> {
  return withServer(async (c) => (await c.query(`select pg_size_pretty(pg_database_size($1)) as s`, [name])).rows[0].s);
}





void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
