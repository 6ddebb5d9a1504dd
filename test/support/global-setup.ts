import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DATABASE_PREFIX, templateDatabase, urlForDatabase, withServer } from './test-database';

/**
 * Builds the migrated template database once per test run, and sweeps databases left by killed
 * runs. Migrations run through the real `cli db migrate` in a child process: MikroORM keeps entity
 * metadata in a process-wide store, and filling it here, outside the test sandboxes, would leave
 * objects from the wrong realm for the tests.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'Asia/Bangkok';
  const template = templateDatabase();
  process.env.AUDIT_RADAR_TEST_TEMPLATE = template; // inherited by the test workers
  await withServer(async (c) => {
    const existing = await c.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [
      `${DATABASE_PREFIX}%`,
    ]);
    for (const { datname } of existing.rows) {
      const pid = Number(datname.slice(DATABASE_PREFIX.length).split('_')[0]);
      if (!isAlive(pid) || datname === template) await c.query(`drop database if exists ${datname} with (force)`);
    }
    await c.query(`create database ${template}`);
  });
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli.ts', 'db', 'migrate'], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, DATABASE_URL: urlForDatabase(template), MIGRATE_ON_START: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function isAlive(pid: number): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
