import { Client } from 'pg';

/**
 * The benches' own databases on the PostgreSQL at BENCH_DATABASE_SERVER (default 127.0.0.1:5432): each bench
 * makes a fresh one and drops it. Kept apart from test/support on purpose: the tests read TEST_DATABASE_URL.
 */
export const BENCH_SERVER = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function freshDatabase(name: string): Promise<{ name: string; url: string }> {
  await dropDatabase(name);
  await withServer((c) => c.query(`create database ${name}`));
  const url = new URL(BENCH_SERVER);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropDatabase(name: string): Promise<void> {
  await withServer((c) => c.query(`drop database if exists ${name} with (force)`));
}

export function withServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  return withDatabase(BENCH_SERVER, work);
}

export async function withDatabase<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
