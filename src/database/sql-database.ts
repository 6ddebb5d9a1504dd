import { ClientConfig, Pool, PoolClient, QueryResultRow } from 'pg';
import { cancelOnAbort, currentCancellation, throwIfCancelled } from './request-cancellation';

/**
 * Plain parameterised SQL on its own pool, for the set-based work the ORM is not for: COPY into
 * staging tables, merges, rules. Entities and their CRUD go through MikroORM.
 */
export class SqlDatabase {
  readonly pool: Pool;

  constructor(url: string, max = 8) {
    this.pool = new Pool({ connectionString: url, max, application_name: 'audit-radar' });
    // An idle client that loses its server must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  async query<R extends QueryResultRow = QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    const signal = currentCancellation();
    if (!signal) return (await this.pool.query<R>(sql, params)).rows;
    // A request's read: cancelled when its client goes away (request-cancellation.ts).
    throwIfCancelled(signal);
    const client = await this.pool.connect();
    const watch = cancelOnAbort(client, signal, this.pool.options as ClientConfig);
    try {
      return (await client.query<R>(sql, params)).rows;
    } catch (error) {
      throw watch.translate(error);
    } finally {
      await watch.detach();
      client.release();
    }
  }

  /**
   * Runs `work` in one transaction on one connection; rolls back on any error, and also when
   * `commitIf` says the result must not be kept (a dry run, a rejected import batch).
   */
  async transaction<T>(work: (client: PoolClient) => Promise<T>, commitIf: (result: T) => boolean = () => true): Promise<T> {
    const signal = currentCancellation();
    throwIfCancelled(signal);
    const client = await this.pool.connect();
    const watch = signal && cancelOnAbort(client, signal, this.pool.options as ClientConfig);
    try {
      await client.query('begin');
      const result = await work(client);
      await client.query(commitIf(result) ? 'commit' : 'rollback');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw watch ? watch.translate(error) : error;
    } finally {
      await watch?.detach();
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
