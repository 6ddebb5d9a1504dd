/**
 * The database connection a request or job was using went away (the server restarted, an operator
 * terminated the backend, the network dropped). That one request or job fails; the service goes on, and
 * the next request gets a fresh connection. HTTP answers 503.
 */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`the database connection was lost (${(cause as Error)?.message ?? String(cause)}); nothing of this request was kept, try again`, {
      cause,
    });
  }
}

/** SQLSTATEs of a session the server ended, or a connection that failed (class 08, admin shutdown 57P0x). */
const LOST_STATES = /^(08...|57P01|57P02|57P03)$/;
/** Socket errors and the messages `pg` uses for a connection that ended under it. */
const LOST_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTCONN']);
const LOST_MESSAGES = /Connection terminated|connection error and is not queryable|Client was closed|not queryable|terminating connection/i;

/** Whether `error`, or an error it was raised for (its `cause`, a few levels down), is a lost connection. */
export function isConnectionLost(error: unknown): boolean {
  for (let e = error, depth = 0; depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseUnavailableError) return true;
    // Not `instanceof Error`: a socket error comes from Node's own realm, which is not always the caller's (jest).
    if (typeof e !== 'object' || e === null) return false;
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (LOST_STATES.test(code) || LOST_CODES.has(code))) return true;
    if (typeof message === 'string' && LOST_MESSAGES.test(message)) return true;
  }
  return false;
}

/** The error to pass on: a lost connection as `DatabaseUnavailableError`, anything else as it was. */
export function asDatabaseError(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError || !isConnectionLost(error)) return error;
  return new DatabaseUnavailableError(error);
}
