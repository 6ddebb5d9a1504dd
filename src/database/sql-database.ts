import { Pool, PoolClient, QueryResultRow } from 'pg';

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
    const result = await this.pool.query<R>(sql, params);
    return result.rows;
  }

  /**
   * Runs `work` in one transaction on one connection; rolls back on any error, and also when
   * `commitIf` says the result must not be kept (a dry run, a rejected import batch).
   */
  async transaction<T>(work: (client: PoolClient) => Promise<T>, commitIf: (result: T) => boolean = () => true): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const result = await work(client);
      await client.query(commitIf(result) ? 'commit' : 'rollback');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
