import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The newcomer's path: `npm start` with no DATABASE_URL starts an embedded PostgreSQL, loads the
 * Rayong demo data, serves the API, stops without leaving a `postgres` process, and keeps the data.
 */
const started: ChildProcess[] = [];

describe('npm start on embedded PostgreSQL', () => {
  jest.setTimeout(180_000);
  const root = join(__dirname, '..');
  const dataDir = mkdtempSync(join(tmpdir(), 'audit-radar-e2e-'));
  chmodSync(dataDir, 0o755); // the postgres OS user must be able to enter it
  const adminToken = 'embedded-e2e-admin-token-42';
  let port = 0;

  beforeAll(async () => {
    port = await freePort();
  });
  afterEach(() => {
    for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });
  afterAll(() => {
    spawnSyncQuiet('pkill', ['-f', dataDir]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, serves the demo agencies, stops cleanly and keeps its data', async () => {
    const first = startService(root, dataDir, port, adminToken);
    await waitForHealth(port, first, 90_000);
    expect(await agencyTotal(port, adminToken)).toBe(32);
    expect(first.output()).toContain('loading the Rayong demo data');
    await stopService(first.child, 'SIGTERM');
    // Requests are logged with an id, and the token never reaches the log.
    expect(first.output()).toMatch(/"req":\{"id":"[0-9a-f-]{36}","method":"GET","url":"\/api\/agencies"/);
    expect(first.output()).not.toContain(adminToken);
    expect(postgresProcessesFor(dataDir)).toEqual([]);

    const second = startService(root, dataDir, port, adminToken);
    await waitForHealth(port, second, 90_000);
    expect(await agencyTotal(port, adminToken)).toBe(32);
    expect(second.output()).not.toContain('loading the Rayong demo data');
    await stopService(second.child, 'SIGINT');
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  });

  it('refuses to start on a bad setting, naming the variable, before touching any database', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: 'eighty', MIGRATE_ON_START: 'maybe' };
    delete env.DATABASE_URL;
    const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT: /);
    expect(result.stderr).toMatch(/MIGRATE_ON_START: must be true or false/);
  });

  it('falls back to a temp folder, and says why, when the postgres user cannot reach DATA_DIR', async () => {
    if (process.getuid?.() !== 0) return; // only root hands PostgreSQL to another OS user
    const closed = mkdtempSync(join(tmpdir(), 'audit-radar-closed-')); // mode 700, like a home folder
    const service = startService(root, join(closed, 'data'), port, adminToken);
    try {
      await waitForHealth(port, service, 90_000);
      expect(service.output()).toMatch(/cannot keep its data in .*audit-radar-closed-.*using .*audit-radar-pg-/);
      await stopService(service.child, 'SIGTERM');
    } finally {
      const fallback = /using (\S*audit-radar-pg-[0-9a-f]+)/.exec(service.output())?.[1];
      spawnSyncQuiet('pkill', ['-f', closed]);
      if (fallback) rmSync(fallback, { recursive: true, force: true });
      rmSync(closed, { recursive: true, force: true });
    }
  });
});

function startService(root: string, dataDir: string, port: number, adminToken: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), ADMIN_TOKEN: adminToken, LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], { cwd: root, env });
  started.push(child);
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  return { child, output: () => log };
}

async function waitForHealth(port: number, service: { child: ChildProcess; output(): string }, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) throw new Error(`the service exited early:\n${service.output()}`);
    const response = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
    if (response?.status === 200) {
      expect(await response.json()).toEqual({ status: 'ok', db: 'up' });
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no healthy answer within ${ms} ms:\n${service.output()}`);
}

async function agencyTotal(port: number, token: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/api/agencies`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { total: number }).total;
}

function stopService(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the service did not stop within 30 s')), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      code === 0 ? resolve() : reject(new Error(`exit code ${code}`));
    });
    child.kill(signal);
  });
}

function postgresProcessesFor(dataDir: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', dataDir], { encoding: 'utf8' }).split('\n').filter((l) => l && !l.includes('pgrep'));
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

function spawnSyncQuiet(cmd: string, args: string[]): void {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
  } catch {
    /* nothing to kill */
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
