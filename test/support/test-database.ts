import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Tests talk to the real PostgreSQL at 127.0.0.1:5432 (TEST_DATABASE_URL overrides). The global
 * setup migrates one template database; each test file gets its own copy of it, so files never see
 * each other's rows and never need a cleanup order.
 */
export const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/**
 * Database names carry the pid of the jest run that made them, so a run can sweep what killed runs
 * left behind without touching a run that is still going.
 */
export const DATABASE_PREFIX = 'audit_radar_test_';
export function templateDatabase(): string {
  return process.env.AUDIT_RADAR_TEST_TEMPLATE ?? `${DATABASE_PREFIX}${process.pid}_template`;
}

export function urlForDatabase(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file: empty, or a copy of another template (the fixtures). */
export async function createTestDatabase(template = templateDatabase()): Promise<TestDatabase> {
  const runPid = templateDatabase().slice(DATABASE_PREFIX.length).split('_')[0];
  const name = `${DATABASE_PREFIX}${runPid}_${randomBytes(5).toString('hex')}`;
  await withServer((c) => c.query(`create database ${name} template ${template}`));
  return {
    name,
    url: urlForDatabase(name),
    drop: () => withServer((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}
