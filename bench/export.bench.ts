import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { stream as excelStream } from 'exceljs';
import { peakRssMbOf } from './backend-process';
import { BENCH_SERVER, dropDatabase, withDatabase, withServer } from './bench-database';

/**
 * `npm run bench:export`: GET /api/flags/export as CSV and as XLSX over BENCH_FLAGS flags (default 1,000,000) from
 * the real service, started as a child process against a database of its own, while another client asks
 * GET /health every 100 ms. Prints per format the rows and bytes received, the duration, the service's resident
 * memory (before, and the highest seen during the export, from /proc/<pid>/status every 100 ms; and VmHWM, the
 * peak of the process's life) and the /health latency p50 / p99 / max during the export.
 *
 * The database (`audit_radar_bench_export`) is a fresh migrated one with generated flags (`insert … select
 * generate_series`): 36 rule ids, 800 agencies, 3 fiscal years, evidence of about 0.5 kB with a list of buyers,
 * as the rules write it. BENCH_KEEP=1 keeps it for the next run (and reuses it when it has the right count).
 */
const FLAGS = Number(process.env.BENCH_FLAGS ?? 1_000_000);
const KEEP = process.env.BENCH_KEEP === '1';
const DATABASE = 'audit_radar_bench_export';
const TOKEN = 'bench-export-admin-token-0123456789';
const OUT = join(__dirname, 'out');
const ROOT = join(__dirname, '..');

interface Measured {
  format: string;
  rows: number;
  bytes: number;
  seconds: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  health: { n: number; p50: number; p99: number; max: number; failed: number };
}

async function main(): Promise<void> {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const url = await prepareDatabase();
  const port = await freePort();
  const service = await startService(url, port);
  try {
    const results: Measured[] = [];
    for (const format of ['csv', 'xlsx'] as const) results.push(await measure(service, port, format));
    console.log(`\nflags: ${FLAGS.toLocaleString('en')}; service VmHWM (peak of its life): ${peakRssMbOf(service.pid!)?.toFixed(0)} MB`);
    console.log('| format | rows | bytes | duration | RSS before | RSS peak during | /health p50 / p99 / max (n) |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of results) {
      console.log(
        `| ${r.format} | ${r.rows.toLocaleString('en')} | ${(r.bytes / 2 ** 20).toFixed(0)} MB | ${r.seconds.toFixed(1)} s | ${r.rssBeforeMb.toFixed(0)} MB | ${r.rssPeakMb.toFixed(0)} MB | ${r.health.p50.toFixed(1)} / ${r.health.p99.toFixed(1)} / ${r.health.max.toFixed(1)} ms (${r.health.n}${r.health.failed ? `, ${r.health.failed} failed` : ''}) |`,
      );
    }
  } finally {
    service.kill('SIGTERM');
    await new Promise((resolve) => service.once('exit', resolve));
    if (!KEEP) await dropDatabase(DATABASE);
  }
}

/** A migrated database with FLAGS generated flags (reused under BENCH_KEEP=1 when it already has them). */
async function prepareDatabase(): Promise<string> {
  const url = new URL(BENCH_SERVER);
  url.pathname = `/${DATABASE}`;
  const exists = await withServer(async (c) => (await c.query(`select 1 from pg_database where datname = $1`, [DATABASE])).rowCount === 1);
  if (KEEP && exists) {
    const count = await withDatabase(url.toString(), async (c) => Number((await c.query(`select count(*) from flags`)).rows[0].count)).catch(() => -1);
    if (count === FLAGS) return url.toString();
  }
  await dropDatabase(DATABASE);
  await withServer((c) => c.query(`create database ${DATABASE}`));
  await run(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli.ts', 'db', 'migrate'], { DATABASE_URL: url.toString(), MIGRATE_ON_START: 'false', LOG_LEVEL: 'warn' });
  const started = performance.now();
  await withDatabase(url.toString(), async (c) => {
    await c.query(`
      insert into flags (rule_id, entity_type, entity_key, agency_code, fiscal_year, score, severity, amount,
                         project_ids, vendor_tins, payment_docs, evidence, status, first_run_id, last_run_id)
      select 'rule-' || (g % 36), (array['contract', 'vendor', 'agency'])[g % 3 + 1], 'entity-' || g,
             lpad((g % 800)::text, 5, '0'), 2566 + g % 3, round(((g * 7919) % 10000) / 10000.0, 4),
             (array['low', 'medium', 'high', 'critical'])[g % 4 + 1], ((g * 104729) % 100000000) / 100.0,
             array[(6700000000 + g)::text, (6800000000 + g)::text], array[lpad((g % 99991)::text, 13, '0')], '{}',
             jsonb_build_object('contracts', g % 17, 'total', (g * 13.5)::text, 'topBuyer', lpad((g % 800)::text, 5, '0'),
                                'share', round(((g * 7919) % 10000) / 10000.0, 4), 'method', 'e_bidding',
                                'buyers', jsonb_build_array(
                                  jsonb_build_object('buyer', lpad((g % 800)::text, 5, '0'), 'contracts', 3, 'value', '936000.00'),
                                  jsonb_build_object('buyer', lpad(((g + 1) % 800)::text, 5, '0'), 'contracts', 1, 'value', '82600.00'),
                                  jsonb_build_object('buyer', 'unmatched: โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านหนองกระบอก', 'contracts', 1, 'value', '1250.50'))),
             (array['open', 'open', 'open', 'confirmed', 'dismissed'])[g % 5 + 1], 1, 1
        from generate_series(1::bigint, ${FLAGS}) g`);
    await c.query(`vacuum analyze flags`);
  });
  console.log(`database: ${FLAGS.toLocaleString('en')} flags generated in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return url.toString();
}

function startService(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_TOKEN: TOKEN,
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'warn',
      RULES_RUN_CRON: 'off',
      IMPORT_INBOX_CRON: 'off',
      RATE_LIMIT_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the service exited (${code}) before it answered /health`)));
    const poll = async () => {
      if ((await timedGet(port, '/health').catch(() => null))?.status === 200) return resolve(child);
      setTimeout(poll, 200);
    };
    void poll();
  });
}

/** One export downloaded to bench/out while /health is asked every 100 ms and the service's RSS sampled. */
async function measure(service: ChildProcess, port: number, format: 'csv' | 'xlsx'): Promise<Measured> {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `flags-export.${format}`);
  const rssBeforeMb = rssMbOf(service.pid!);
  let rssPeakMb = rssBeforeMb;
  const latencies: number[] = [];
  let failed = 0;
  let running = true;
  const sampler = setInterval(() => {
    rssPeakMb = Math.max(rssPeakMb, rssMbOf(service.pid!));
  }, 100);
  const healthLoop = (async () => {
    while (running) {
      const next = performance.now() + 100;
      const answer = await timedGet(port, '/health').catch(() => null);
      if (answer?.status === 200) latencies.push(answer.ms);
      else failed++;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
    }
  })();
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    get({ port, host: '127.0.0.1', agent: false, path: `/api/flags/export?format=${format}`, headers: { Authorization: `Bearer ${TOKEN}` } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`export ${format}: HTTP ${res.statusCode}`));
      pipeline(res, createWriteStream(file)).then(resolve, reject);
    }).on('error', reject);
  });
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await healthLoop;
  clearInterval(sampler);
  const bytes = statSync(file).size;
  const rows = format === 'csv' ? csvRows(file) : await xlsxRows(file);
  rmSync(file);
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  const result = { format, rows, bytes, seconds, rssBeforeMb, rssPeakMb, health: { n: latencies.length, p50: at(0.5), p99: at(0.99), max: latencies[latencies.length - 1] ?? NaN, failed } };
  console.log(JSON.stringify(result));
  return result;
}

/** Data rows of the CSV: lines less the header (no field of the generated flags holds a line break). */
function csvRows(file: string): number {
  const text = readFileSync(file);
  let lines = 0;
  for (let i = text.indexOf(10); i !== -1; i = text.indexOf(10, i + 1)) lines++;
  return lines - 1;
}

/** Data rows of the sheet, read back with exceljs' streaming reader (the header row is not counted). */
async function xlsxRows(file: string): Promise<number> {
  let rows = 0;
  for await (const sheet of new excelStream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'ignore', styles: 'ignore', hyperlinks: 'ignore' })) {
    for await (const _row of sheet as AsyncIterable<unknown>) rows++;
  }
  return rows - 1;
}

function rssMbOf(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

function timedGet(port: number, path: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // a connection of its own: a kept-alive socket the service closes while idle fails the next request (ECONNRESET)
    get({ port, host: '127.0.0.1', path, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    })
      .on('error', reject)
      .setTimeout(30_000, function (this: { destroy(): void }) {
        this.destroy();
      });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
