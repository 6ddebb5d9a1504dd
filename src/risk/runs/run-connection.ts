import type { Pool, PoolClient } from 'pg';

/**
 * A pool client a run holds for a while (the coordinator for the whole run, each worker for its rules), watched
 * from the moment it is checked out. A backend killed under it (`pg_terminate_backend`, a server restart) makes
 * the client emit `error` (the pool's own listener, sql-database.ts, keeps that from ending the process); here
 * `onLost` is told at once, so the run stops handing out rules, and the broken client is destroyed on release
 * rather than returned to the pool.
 */
export interface RunConnection {
  readonly client: PoolClient;
  /** The connection error, once the connection is lost. */
  readonly lost: Error | undefined;
  /** Back to the pool when healthy; destroyed when it was lost or `broken` says its state is unknown. */
  release(broken?: boolean): void;
}

export async function checkOutRunConnection(pool: Pool, onLost: (error: Error) => void = () => undefined): Promise<RunConnection> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const listener = (error: Error) => {
    lost ??= error;
    onLost(error);
  };
  client.on('error', listener);
  return {
    client,
    get lost() {
      return lost;
    },
    release(broken = false) {
      if (lost || broken) {
        // Destroyed: keep the listener, a dying socket may still report.
        client.release(lost ?? new Error('run connection left in an unknown state'));
      } else {
        client.off('error', listener);
        client.release();
      }
    },
  };
}
