import { Logger } from '@nestjs/common';
import { ClientConfig, Pool, PoolClient, QueryResultRow } from 'pg';
import { asDatabaseError, isConnectionLost } from './connection-lost';
import { APPLICATION_NAME } from './instance-name';
import { cancelOnAbort, currentCancellation, throwIfCancelled } from './request-cancellation';

/**
 * Plain parameterised SQL on its own pool, for the set-based work the ORM is not for: COPY into
 * staging tables, merges, rules. Entities and their CRUD go through MikroORM.
 *
 * Two things can end a statement early, and both fail only the work that ran it: a lost connection
 * (`DatabaseUnavailableError`, HTTP 503) and, for a request's reads, the client going away
 * (`QueryCancelledError`, see request-cancellation.ts).
 */
export class SqlDatabase {
  readonly pool: Pool;
  private readonly logger = new Logger('Database');

  constructor(url: string, max = 8) {
    this.pool = new Pool({ connectionString: url, max, application_name: APPLICATION_NAME });
    // An idle client that loses its server must not crash the process; the next query reconnects.
    this.pool.on('error', (error) => this.logger.warn(`an idle database connection was lost: ${error.message}`));
    // Nor may a checked-out one (a transaction, a COPY, a lock holder): `pg` emits 'error' on the client as well
    // as failing its running query, and an 'error' event nobody listens to ends the process. The query's own
    // error reaches whoever ran it; the pool drops the broken client when it is released.
    this.pool.on('connect', (client) =>
      client.on('error', (error) => this.logger.warn(`a database connection in use was lost: ${error.message}`)),
    );
  }

  /**
   * One statement. `name` makes it a prepared statement, planned once per connection: for hot reads whose
   * planning costs more than their run (the flags list).
   */
  async query<R extends QueryResultRow = QueryResultRow>(sql: string, params: unknown[] = [], options: { name?: string } = {}): Promise<R[]> {
    const statement = { text: sql, values: params, name: options.name };
    const signal = currentCancellation();
    if (!signal) {
      try {
        return (await this.pool.query<R>(statement)).rows;
      } catch (error) {
        throw asDatabaseError(error);
      }
    }
    // A request's read: cancelled when its client goes away (request-cancellation.ts).
    throwIfCancelled(signal);
    const client = await this.connect();
    const watch = cancelOnAbort(client, signal, this.pool.options as ClientConfig);
    let lost: Error | undefined;
    try {
      return (await client.query<R>(statement)).rows;
    } catch (error) {
      if (isConnectionLost(error)) lost = error as Error;
      throw asDatabaseError(watch.translate(error));
    } finally {
      await watch.detach();
      client.release(lost);
    }
  }

  /**
   * Runs `work` in one transaction on one connection; rolls back on any error, and also when
   * `commitIf` says the result must not be kept (a dry run, a rejected import batch). A lost connection
   * comes out as `DatabaseUnavailableError`; the server has then rolled the transaction back itself.
   */
  async transaction<T>(work: (client: PoolClient) => Promise<T>, commitIf: (result: T) => boolean = () => true): Promise<T> {
    const signal = currentCancellation();
    throwIfCancelled(signal);
    const client = await this.connect();
    const watch = signal && cancelOnAbort(client, signal, this.pool.options as ClientConfig);
    let lost: unknown;
    try {
      await client.query('begin');
      const result = await work(client);
      await client.query(commitIf(result) ? 'commit' : 'rollback');
      return result;
    } catch (error) {
      if (isConnectionLost(error)) lost = error;
      else await client.query('rollback').catch((rollbackError: unknown) => (lost = rollbackError));
      throw asDatabaseError(watch ? watch.translate(error) : error);
    } finally {
      await watch?.detach();
      // A connection that failed goes back destroyed, not into the pool for the next caller.
      client.release(lost instanceof Error ? lost : lost === undefined ? undefined : true);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async connect(): Promise<PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw asDatabaseError(error);
    }
  }
}
