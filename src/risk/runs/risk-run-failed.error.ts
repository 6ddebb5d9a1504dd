import { isConnectionLost } from '../../database/connection-lost';

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
    this.connectionLost = isConnectionLost(cause);
  }
}
