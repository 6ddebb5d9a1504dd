import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { BENCH_SERVER, dropDatabase, withDatabase, withServer } from './bench-database';

/**
 * `npm run bench:api`: the read API under load, against the rules benchmark's data (500k contracts and the
 * flags of a full rule run). It copies that database (BENCH_API_TEMPLATE, default `audit_radar_bench_base`, else
 * `audit_radar_bench_rules_500000` as `BENCH_KEEP=1 npm run bench:rules` leaves it) into a database of its own,
 * migrates it, starts the real service on it in a child process (crons off, rate limit out of the way), and runs
 * BENCH_CLIENTS (default 20) concurrent clients for BENCH_SECONDS (default 15) per endpoint: the flags list (plain,
 * with common filters, deeper pages, as an agency) and the risk scores (the first call cold, then warm).
 * Prints req/s, p50, p95, p99 and max per endpoint and checks the goals (issue 10): flags list p99 < 100 ms,
 * scores p99 < 500 ms. BENCH_API_DATABASE names a database to use instead (migrated, not copied, not dropped);
 * BENCH_KEEP=1 keeps the copy. BENCH_STRICT=1 exits 1 when a goal is missed.
 */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const KEEP = process.env.BENCH_KEEP === '1';
const STRICT = process.env.BENCH_STRICT === '1';
/** `flags`, `scores` or both (default): which endpoints to load. */
const ONLY = (process.env.BENCH_ONLY ?? 'flags,scores').split(',');
const COPY = 'audit_radar_bench_api';
const ADMIN_TOKEN = 'bench-api-admin-token-0123456789';
const ROOT = join(__dirname, '..');
const GOALS_MS = { flags: 100, scores: 500 };

interface Stats {
  name: string;
  requests: number;
  failed: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

async function main(): Promise<void> {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`);
  console.log(`postgres: ${await withServer(async (c) => (await c.query('show server_version')).rows[0].server_version)}`);
  const database = await benchDatabase();
  console.log(`database ${database.name}: ${await withDatabase(database.url, counts)}`);
  // Cold means cold: no scores stored by an earlier run of this bench.
  await withDatabase(database.url, (c) => c.query('delete from risk_score_sets'));
  // The state a run leaves (it vacuums and analyzes the flags at its end); a copied database has no statistics.
  await withDatabase(database.url, (c) => c.query('vacuum (analyze) flags, risk_not_calculable'));

  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'audit-radar-bench-api-'));
  const service = startService(database.url, port, dataDir);
  const base = `http://127.0.0.1:${port}`;
  const results: Stats[] = [];
  try {
    await waitForHealth(base, service);
    const admin = ADMIN_TOKEN;
    const auditor = await createToken(base, admin, { name: 'bench auditor', role: 'auditor' });
    const { agency, fiscalYear, rule } = await withDatabase(database.url, busiest);
    const agencyToken = await createToken(base, admin, { name: 'bench agency', role: 'agency', agencyCode: agency });
    console.log(`${CLIENTS} clients, ${SECONDS} s per endpoint; busiest agency ${agency}, fiscal year ${fiscalYear}, commonest rule ${rule}`);
    console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);

    const flagFilters = [`fiscalYear=${fiscalYear}`, 'status=open', `rule=${rule}`, `agency=${agency}`, `agency=${agency}&fiscalYear=${fiscalYear}&status=open`];
    const scenarios: { name: string; goal: number; token: string; paths: string[] }[] = [
      { name: 'flags ?limit=50', goal: GOALS_MS.flags, token: auditor, paths: ['/api/flags?limit=50'] },
      { name: 'flags filtered', goal: GOALS_MS.flags, token: auditor, paths: flagFilters.map((f) => `/api/flags?limit=50&${f}`) },
      // Deep pages as a client pages: by the `after` token of the page before (keyset), and by `offset` (kept for the
      // contract; PostgreSQL walks every skipped row, so it is shown without a goal).
      { name: 'flags deeper pages', goal: GOALS_MS.flags, token: auditor, paths: await keysetPaths(base, auditor, [1_000, 10_000, 100_000]) },
      { name: 'flags offset pages (info)', goal: GOALS_MS.flags, token: auditor, paths: [1_000, 10_000, 100_000].map((o) => `/api/flags?limit=50&offset=${o}`) },
      { name: 'flags as agency', goal: GOALS_MS.flags, token: agencyToken, paths: ['/api/flags?limit=50'] },
    ];
    if (ONLY.includes('flags')) for (const s of scenarios) results.push(await load(base, s.name, s.token, s.paths));
    if (ONLY.includes('scores')) results.push(...(await loadScores(base, fiscalYear, auditor, agencyToken)));
    console.log(`\nservice peak RSS: ${peakRssMb(service)} MB; load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    service.kill('SIGTERM');
    await new Promise((resolve) => service.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
    if (database.copied && !KEEP) await dropDatabase(database.name);
  }

  console.log(`\n${'endpoint'.padEnd(26)} ${'req/s'.padStart(8)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)} ${'failed'.padStart(7)}  goal`);
  let missed = 0;
  for (const r of results) {
    const goal = r.name.startsWith('flags') ? GOALS_MS.flags : GOALS_MS.scores;
    const informational = r.name.endsWith('(info)');
    const met = informational || (r.p99 < goal && r.failed === 0);
    if (!met) missed += 1;
    console.log(
      `${r.name.padEnd(26)} ${(r.requests / r.seconds).toFixed(1).padStart(8)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.p99)} ${ms(r.max)} ${String(r.failed).padStart(7)}  ${informational ? 'no goal' : `p99 < ${goal} ms: ${met ? 'met' : 'MISSED'}`}`,
    );
  }
  console.log(missed === 0 ? '\nevery goal met' : `\n${missed} goal(s) missed`);
  if (missed > 0 && STRICT) process.exitCode = 1;
}

/** The first call computes and stores the scores (cold); then the clients read the stored ones (warm). */
async function loadScores(base: string, fiscalYear: number, auditor: string, agencyToken: string): Promise<Stats[]> {
  const path = `/api/risk/scores?fiscalYear=${fiscalYear}`;
  const started = performance.now();
  const cold = await get(base, path, auditor);
  const coldMs = performance.now() - started;
  console.log(`scores, first call (cold: computed and stored): ${coldMs.toFixed(0)} ms, status ${cold.status}, ${cold.bytes.toLocaleString('en-US')} bytes`);
  return [
    await load(base, 'scores (warm)', auditor, [path]),
    await load(base, 'scores gzip (warm)', auditor, [path], { 'Accept-Encoding': 'gzip' }),
    await load(base, 'scores as agency (warm)', agencyToken, [path]),
  ];
}

/** The database to load: BENCH_API_DATABASE as it is, or a migrated copy of the rules benchmark's database. */
async function benchDatabase(): Promise<{ name: string; url: string; copied: boolean }> {
  const given = process.env.BENCH_API_DATABASE;
  if (given) {
    migrate(urlOf(given));
    return { name: given, url: urlOf(given), copied: false };
  }
  const exists = async (name: string) => withServer(async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
  const candidates = process.env.BENCH_API_TEMPLATE ? [process.env.BENCH_API_TEMPLATE] : ['audit_radar_bench_base', 'audit_radar_bench_rules_500000'];
  let template: string | undefined;
  for (const name of candidates) if (!template && (await exists(name))) template = name;
  if (!template) {
    throw new Error(`no data: none of ${candidates.join(', ')} exists. Run \`BENCH_KEEP=1 npm run bench:rules\` first, or set BENCH_API_DATABASE.`);
  }
  await dropDatabase(COPY);
  const started = performance.now();
  await withServer((c) => c.query(`create database ${COPY} template ${template}`));
  const url = urlOf(COPY);
  migrate(url);
  console.log(`copied ${template} to ${COPY} and migrated it in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { name: COPY, url, copied: true };
}

function migrate(url: string): void {
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli.ts', 'db', 'migrate'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, MIGRATE_ON_START: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function urlOf(name: string): string {
  const url = new URL(BENCH_SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

async function counts(c: import('pg').Client): Promise<string> {
  const { rows } = await c.query<{ contracts: string; flags: string; agencies: string; runs: string }>(
    `select (select count(*) from egp_contracts) as contracts, (select count(*) from flags) as flags,
            (select count(*) from agencies) as agencies, (select count(*) from risk_runs where status = 'succeeded') as runs`,
  );
  const r = rows[0];
  return `${Number(r.contracts).toLocaleString('en-US')} contracts, ${Number(r.flags).toLocaleString('en-US')} flags, ${r.agencies} agencies, ${r.runs} succeeded run(s)`;
}

/** The agency with most flags, the fiscal year with most, and the commonest rule: the filters that weigh most. */
async function busiest(c: import('pg').Client): Promise<{ agency: string; fiscalYear: number; rule: string }> {
  const top = async (column: string) =>
    (await c.query(`select ${column} as v from flags where ${column} is not null group by 1 order by count(*) desc limit 1`)).rows[0].v;
  return { agency: await top('agency_code'), fiscalYear: Number(await top('fiscal_year')), rule: await top('rule_id') };
}

function startService(databaseUrl: string, port: number, dataDir: string): ChildProcess {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ADMIN_TOKEN,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      RATE_LIMIT_PER_MINUTE: '100000000',
      IMPORT_INBOX_CRON: 'off',
      RULES_RUN_CRON: 'off',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      TZ: 'Asia/Bangkok',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

async function waitForHealth(base: string, service: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (service.exitCode !== null) throw new Error(`the service exited with ${service.exitCode}`);
    const ok = await get(base, '/health').then((r) => r.status === 200, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the service did not answer /health within 2 minutes');
}

async function createToken(base: string, admin: string, body: object): Promise<string> {
  const answer = await send(base, 'POST', '/api/users', admin, JSON.stringify(body));
  if (answer.status !== 201) throw new Error(`creating a user answered ${answer.status}: ${answer.text}`);
  return JSON.parse(answer.text).token;
}

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

/** A GET as a client sends it; with `Accept-Encoding: gzip` the bytes are counted as received (not inflated). */
/** The path of the page at each offset reached by keyset: the `after` token of the page just before it (untimed). */
async function keysetPaths(base: string, token: string, offsets: number[]): Promise<string[]> {
  const paths: string[] = [];
  for (const offset of offsets) {
    const before = JSON.parse((await send(base, 'GET', `/api/flags?limit=50&offset=${offset - 50}`, token, undefined, {}, true)).text) as {
      after: string | null;
    };
    if (!before.after) throw new Error(`no page after offset ${offset - 50}`);
    paths.push(`/api/flags?limit=50&after=${encodeURIComponent(before.after)}`);
  }
  return paths;
}

function get(base: string, path: string, token?: string, extra: Record<string, string> = {}) {
  return send(base, 'GET', path, token, undefined, extra);
}

function send(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: string,
  extra: Record<string, string> = {},
  /** Keep a GET's text too (timed GETs only count bytes). */
  keepText = method !== 'GET',
): Promise<{ status: number; bytes: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...extra };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body) headers['Content-Type'] = 'application/json';
    const req = request(`${base}${path}`, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const buffer = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, bytes: buffer.length, text: keepText ? buffer.toString('utf8') : '' });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** CLIENTS clients, each sending its next request when the last is answered, for SECONDS; paths taken in turn. */
async function load(base: string, name: string, token: string, paths: string[], headers: Record<string, string> = {}): Promise<Stats> {
  const latencies: number[] = [];
  let failed = 0;
  const failures = new Map<string, number>();
  let next = 0;
  // One untimed call first: the service trusts a verified token for 60 s, then verifies it again (argon2), and
  // 20 clients arriving together with an expired token all verify it at once (see docs/performance.md).
  await get(base, paths[0], token, headers);
  const started = performance.now();
  const end = started + SECONDS * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const path = paths[next++ % paths.length];
      const t0 = performance.now();
      const answer = await get(base, path, token, headers).catch((error: Error) => ({ status: (error as NodeJS.ErrnoException).code ?? error.message }));
      latencies.push(performance.now() - t0);
      if (answer.status !== 200) {
        failed += 1;
        failures.set(String(answer.status), (failures.get(String(answer.status)) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  const stats = { name, requests: latencies.length, failed, seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: latencies[latencies.length - 1] };
  console.log(`${name}: ${stats.requests} requests in ${seconds.toFixed(1)} s, p50 ${stats.p50.toFixed(0)} ms, p99 ${stats.p99.toFixed(0)} ms${failed ? `, failed: ${[...failures].map(([why, n]) => `${n} × ${why}`).join(', ')}` : ''}`);
  return stats;
}

function peakRssMb(child: ChildProcess): string {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return (kb / 1024).toFixed(0);
  } catch {
    return '?';
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const ms = (value: number) => value.toFixed(0).padStart(7);

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
