import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Tests talk to the real PostgreSQL at 127.0.0.1:5432 (TEST_DATABASE_URL overrides). The global
 * setup migrates one template database; each test file gets its own copy of it, so files never see
 * each other's rows and never need a cleanup order.
 */
export const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEMPLATE_DATABASE = 'audit_radar_test_template';

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

/** A fresh, migrated, empty database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `audit_radar_test_${randomBytes(5).toString('hex')}`;
  await withServer((c) => c.query(`create database ${name} template ${TEMPLATE_DATABASE}`));
  return {
    name,
    url: urlForDatabase(name),
    drop: () => withServer((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}
