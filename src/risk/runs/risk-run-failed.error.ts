/**
 * A run that did not complete: it is recorded `failed` with this message, and nothing it computed was kept.
 * `connectionLost` tells a lost database connection (a backend terminated, the server restarting) from a rule
 * that failed on its own, so the API can answer 503 (try again) rather than 500.
 */
export class RiskRunFailedError extends Error {
  readonly connectionLost: boolean;

  constructor(
    readonly runId: string,
    cause: unknown,
  ) {
    super(`risk run ${runId} failed: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.connectionLost = isConnectionLoss(cause);
  }
}

/** SQLSTATE classes 08 (connection exception) and 57P (operator intervention: terminated, shutting down). */
const LOST_CODE = /^(08|57P)/;
const LOST_MESSAGE = /Connection terminated|not queryable|ECONNRESET|EPIPE|ECONNREFUSED|terminating connection/i;

function isConnectionLoss(error: unknown): boolean {
  for (let e = error as (Error & { code?: string; cause?: unknown }) | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if ((typeof e.code === 'string' && LOST_CODE.test(e.code)) || LOST_MESSAGE.test(e.message ?? '')) return true;
  }
  return false;
}
