import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../test/support/test-database';
import { QueryCancelledError, withCancellation } from './request-cancellation';
import { SqlDatabase } from './sql-database';

/**
 * The cancellation of `SqlDatabase` work: a statement running for a cancellation that aborts is stopped in
 * PostgreSQL, the caller gets `QueryCancelledError`, and the pool goes on serving. A real slow statement
 * (`pg_sleep`) on a real server; nothing here is on a route.
 */
describe('cancelling the database work of a request', () => {
  let database: TestDatabase;
  let db: SqlDatabase;
  let observer: Client;

  /** The backends of this database running `pg_sleep` now. */
  const sleepers = async () =>
    (
      await observer.query<{ pid: number }>(
        `select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
            and state = 'active' and query like 'select pg_sleep%'`,
      )
    ).rows;
  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    for (let tries = 0; tries < 100; tries += 1) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`still not: ${what}`);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new SqlDatabase(database.url, 2);
    observer = new Client({ connectionString: database.url });
    await observer.connect();
  });
  afterAll(async () => {
    await observer.end();
    await db.close();
    await database.drop();
  });

  it('stops a running query when its cancellation aborts, and the pool serves the next one', async () => {
    const controller = new AbortController();
    const sleeping = withCancellation(controller.signal, () => db.query('select pg_sleep(30)'));
    await until(async () => (await sleepers()).length === 1, 'the query is running');
    controller.abort();
    await expect(sleeping).rejects.toBeInstanceOf(QueryCancelledError);
    expect(await sleepers()).toEqual([]);
    await expect(db.query<{ one: number }>('select 1 as one')).resolves.toEqual([{ one: 1 }]);
  });

  it('stops the running statement of a transaction, which then rolls back', async () => {
    await db.query('create table cancel_probe (n int)');
    const controller = new AbortController();
    const working = withCancellation(controller.signal, () =>
      db.transaction(async (client) => {
        await client.query('insert into cancel_probe values (1)');
        await client.query('select pg_sleep(30)');
      }),
    );
    await until(async () => (await sleepers()).length === 1, 'the statement is running');
    controller.abort();
    await expect(working).rejects.toBeInstanceOf(QueryCancelledError);
    expect(await sleepers()).toEqual([]);
    expect(await db.query('select * from cancel_probe')).toEqual([]);
  });

  it('does not start work for a cancellation that has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(withCancellation(controller.signal, () => db.query('select 1'))).rejects.toBeInstanceOf(QueryCancelledError);
  });

  it('leaves work without a cancellation alone while another request is cancelled', async () => {
    const controller = new AbortController();
    const cancelled = withCancellation(controller.signal, () => db.query('select pg_sleep(30)'));
    const kept = db.query<{ done: string }>(`select pg_sleep(0.5), 'done' as done`);
    await until(async () => (await sleepers()).length === 2, 'both queries are running');
    controller.abort();
    await expect(cancelled).rejects.toBeInstanceOf(QueryCancelledError);
    await expect(kept).resolves.toEqual([{ pg_sleep: '', done: 'done' }]);
  });
});
