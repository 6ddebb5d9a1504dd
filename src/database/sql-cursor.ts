import type { ClientConfig, Pool, PoolClient, QueryResultRow } from 'pg';
import { cancelOnAbort } from './request-cancellation';

export interface CursorOptions {
  /** Rows per FETCH: what Node holds at once, whatever the result's size. */
  batchSize?: number;
  /** Stops the read: the running statement is cancelled and the connection goes back to the pool. */
  signal?: AbortSignal;
  /**
   * Statements run before the cursor is declared, in the same read-only snapshot (e.g. a count, a small
   * lookup the rows are completed with), so that they and the rows agree.
   */
  prepare?: (client: PoolClient) => Promise<void>;
}

/** Thrown (as `AbortError`) when the reader's signal stopped the read. */
export class CursorAborted extends Error {
  override name = 'AbortError';
}

let cursorCount = 0;

/**
 * Reads a large result in batches through a server-side cursor, on one connection in one REPEATABLE READ,
 * read-only transaction, so memory stays one batch whatever the row count and every batch comes from the
 * same snapshot. The caller pulls the next batch only when it has written the last one (backpressure).
 * The transaction ends however the iteration ends: finished, broken off by the caller, failed or aborted.
 */
export async function* readCursor<R extends QueryResultRow>(
  pool: Pool,
  query: { text: string; values: unknown[] },
  options: CursorOptions = {},
): AsyncGenerator<R[], void, undefined> {
  const { batchSize = 1000, signal, prepare } = options;
  if (signal?.aborted) throw new CursorAborted('the read was stopped before it began');
  const client = await pool.connect();
  const name = `read_cursor_${++cursorCount}`;
  // A statement running when the reader goes away (the first FETCH may sort the whole result) is cancelled
  // from another connection: the server stops at once rather than when it next writes to the socket.
  const watch = signal && cancelOnAbort(client, signal, pool.options as ClientConfig);
  let broken = false;
  try {
    await client.query('begin isolation level repeatable read read only');
    if (prepare) await prepare(client);
    await client.query(`declare ${name} no scroll cursor for ${query.text}`, query.values);
    for (;;) {
      if (signal?.aborted) throw new CursorAborted('the read was stopped');
      const { rows } = await client.query<R>(`fetch ${batchSize} from ${name}`);
      if (rows.length > 0) yield rows;
      if (rows.length < batchSize) break;
    }
    await client.query('commit');
  } catch (error) {
    if (signal?.aborted && !(error instanceof CursorAborted)) throw new CursorAborted('the read was stopped');
    throw error;
  } finally {
    // The cancel lands before the connection goes back to the pool, never on the next borrower's statement.
    await watch?.detach();
    // Reached also when the consumer breaks off the loop (return()): roll back; a connection that cannot
    // roll back is dropped rather than handed to the next caller mid-transaction.
    await client.query('rollback').catch(() => {
      broken = true;
    });
    client.release(broken ? new Error('connection lost while reading a cursor') : undefined);
  }
}
