import { AsyncLocalStorage } from 'node:async_hooks';
import { Client, ClientConfig, PoolClient } from 'pg';

/**
 * Cancelling the database work of a request whose client went away.
 *
 * The HTTP layer runs each read request inside `withCancellation(signal, …)`; `SqlDatabase` asks
 * `currentCancellation()` for the signal of the work it is running and, while a statement runs on a
 * connection, `cancelOnAbort` stands ready to cancel it: when the signal aborts, a second connection sends
 * `pg_cancel_backend(pid)` for the backend running it, so PostgreSQL stops the statement at once instead of
 * finishing work nobody will read (an abandoned scores request kept its 4 s query running, and the next call
 * queued behind a pile of them). Work started with no signal (writes, jobs, the CLI) is never cancelled.
 */
const storage = new AsyncLocalStorage<AbortSignal | undefined>();

/** Runs `work` (and everything it starts) with `signal` as its cancellation; `undefined` runs it uncancellable. */
export function withCancellation<T>(signal: AbortSignal | undefined, work: () => T): T {
  return storage.run(signal, work);
}

/** The cancellation of the work running now, if it has one. */
export function currentCancellation(): AbortSignal | undefined {
  return storage.getStore();
}

/** The work was cancelled: its client went away (nobody reads the answer). */
export class QueryCancelledError extends Error {
  constructor() {
    super('cancelled: the client went away');
    this.name = 'QueryCancelledError';
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new QueryCancelledError();
}

/** PostgreSQL's "canceling statement due to user request". */
const QUERY_CANCELED = '57014';

export interface CancelWatch {
  /** The error to throw for `error` raised by a statement on the watched connection. */
  translate(error: unknown): unknown;
  /**
   * Stops watching; resolves once a cancel already on its way has landed, so the connection goes back to the
   * pool only after it: a late cancel must never hit the next user of the connection.
   */
  detach(): Promise<void>;
}

/**
 * Watches `signal` while `client` does work for it: on abort, the statement the connection runs is cancelled
 * through a connection of its own (`connection`: the pool's settings), since the pool may be full of the very
 * work that is to be cancelled.
 */
export function cancelOnAbort(client: PoolClient, signal: AbortSignal, connection: ClientConfig): CancelWatch {
  let landing: Promise<void> | undefined;
  const cancel = () => {
    landing = cancelBackend(backendPid(client), connection);
  };
  signal.addEventListener('abort', cancel, { once: true });
  return {
    translate: (error) => (signal.aborted && (error as { code?: string }).code === QUERY_CANCELED ? new QueryCancelledError() : error),
    async detach() {
      signal.removeEventListener('abort', cancel);
      await landing;
    },
  };
}

/** The server process id pg received when the connection opened (BackendKeyData); not in @types/pg. */
function backendPid(client: PoolClient): number {
  return (client as unknown as { processID: number }).processID;
}

async function cancelBackend(pid: number, connection: ClientConfig): Promise<void> {
  const canceller = new Client({ ...connection, application_name: 'audit-radar cancel' });
  canceller.on('error', () => undefined);
  try {
    await canceller.connect();
    await canceller.query('select pg_cancel_backend($1)', [pid]);
  } catch {
    // The statement then runs to its end; nothing else depends on the cancel.
  } finally {
    await canceller.end().catch(() => undefined);
  }
}

/**
 * Waits for `work` on behalf of one caller: if the caller's `signal` aborts first, the caller stops waiting
 * with `QueryCancelledError` while `work` itself goes on (others may be waiting for it too).
 */
export function waitFor<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(new QueryCancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new QueryCancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
