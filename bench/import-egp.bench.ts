import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateEgpFile } from './generate-egp-file';
import { dropDatabase, freshDatabase, withServer } from './bench-database';

/**
 * `npm run bench:import`: e-GP files of 100k and 1M rows in the FY2568 published layout (31 names over
 * 28 values), each imported through the real pipeline into an empty table and then again (all
 * unchanged), and loaded with plain `psql \copy` into a bare text staging table as the baseline.
 * Uses the PostgreSQL at BENCH_DATABASE_SERVER (default 127.0.0.1:5432); makes and drops its own database.
 */
const SIZES = (process.env.BENCH_ROWS ?? '100000,1000000').split(',').map(Number);
const OUT = join(__dirname, 'out');

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`);
  for (const rows of SIZES) {
    const file = join(OUT, `egp-contracts-${rows}.csv`);
    if (!existsSync(file)) await generateEgpFile(file, rows, 'fy2568-31-names-28-values');
    const mb = statSync(file).size / 2 ** 20;
    const database = await freshDatabase(`audit_radar_bench_${rows}`);

    const first = importThroughPipeline(file, database);
    const second = importThroughPipeline(file, database);
    const baselineMs = psqlCopy(file, database);

    const rate = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en-US');
    console.log(`\n${rows.toLocaleString('en-US')} rows (${mb.toFixed(0)} MB, layout ${first.layout})`);
    console.log(`  pipeline, empty table : ${(first.ms / 1000).toFixed(1)} s, ${rate(rows, first.ms)} rows/s, peak RSS ${first.peakRssMb.toFixed(0)} MB, inserted ${first.inserted}, rejected ${first.rejected}`);
    console.log(`  pipeline, re-import   : ${(second.ms / 1000).toFixed(1)} s, ${rate(rows, second.ms)} rows/s, peak RSS ${second.peakRssMb.toFixed(0)} MB, unchanged ${second.unchanged}`);
    console.log(`  psql \\copy baseline   : ${(baselineMs / 1000).toFixed(1)} s, ${rate(rows, baselineMs)} rows/s`);
    console.log(`  ratio pipeline / psql : ${(first.ms / baselineMs).toFixed(2)}× (first load), ${(second.ms / baselineMs).toFixed(2)}× (re-import)`);
    await dropDatabase(database.name);
  }
}

interface RunResult {
  ms: number;
  inserted: number;
  unchanged: number;
  rejected: number;
  layout: string;
  peakRssMb: number;
}

function importThroughPipeline(file: string, database: { url: string }): RunResult {
  const output = execFileSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'import-egp-run.ts'), file, database.url],
    { cwd: join(__dirname, '..'), encoding: 'utf8', maxBuffer: 16 * 2 ** 20 },
  );
  return JSON.parse(output.trim().split('\n').pop()!);
}

/** The floor: the same bytes straight into a table of 28 text columns, no parsing, no checks. */
function psqlCopy(file: string, database: { url: string }): number {
  const columns = Array.from({ length: 28 }, (_, i) => `c${i} text`).join(', ');
  execFileSync('psql', [database.url, '-qc', `drop table if exists baseline_copy; create table baseline_copy (${columns})`]);
  const started = process.hrtime.bigint();
  execFileSync('psql', [database.url, '-qc', `\\copy baseline_copy from '${file}' with (format csv, header true)`]);
  return Number(process.hrtime.bigint() - started) / 1e6;
}




void main();
