import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { QueryCancelledError, withCancellation } from '../../database/request-cancellation';
import { SqlDatabase } from '../../database/sql-database';
import { RiskScoresService } from './risk-scores.service';

/**
 * Computes the scores after each successful risk run, so the first reader after a run does not wait for them.
 * It watches the `risk_runs` table rather than being called by the run code: it sees runs of every process
 * (the CLI's, another instance's) and needs nothing from the run code but its table. A run of one fiscal year
 * warms that year; a run over every year warms the default year (the latest with contracts). Stopping the app
 * cancels a warm-up in progress.
 */
@Injectable()
export class RiskScoreWarmer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RiskScores');
  private readonly stopping = new AbortController();
  private timer?: NodeJS.Timeout;
  private seen?: string;
  private warming: Promise<void> = Promise.resolve();

  constructor(
    @Inject(SqlDatabase) private readonly db: SqlDatabase,
    @Inject(RiskScoresService) private readonly scores: RiskScoresService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Runs before start-up are not warmed: the first reader computes (or finds) their scores.
    this.seen = (await this.latestSucceeded().catch(() => undefined))?.version;
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.stopping.abort();
    await this.warming;
  }

  /** Looks once for a run that succeeded since the last look and warms its scores; the poll calls it. */
  async check(): Promise<void> {
    const latest = await this.latestSucceeded();
    if (!latest || latest.version === this.seen) return;
    this.seen = latest.version;
    const fiscalYear = latest.fiscalYear ?? (await this.scores.defaultFiscalYear());
    const started = performance.now();
    await withCancellation(this.stopping.signal, () => this.scores.refresh(fiscalYear, undefined, this.stopping.signal));
    this.logger.log(`scores of FY${fiscalYear} computed after run ${latest.runId} in ${Math.round(performance.now() - started)} ms`);
  }

  private schedule(): void {
    // RISK_SCORES_WARM_SECONDS=0: off (tests call `check()` themselves, as they drive the other jobs).
    if (this.stopping.signal.aborted || this.config.riskScoresWarmSeconds === 0) return;
    this.timer = setTimeout(() => {
      this.warming = this.check()
        .catch((error: unknown) => {
          if (!(error instanceof QueryCancelledError)) this.logger.warn(`warming the scores failed: ${(error as Error).message}`);
        })
        .finally(() => this.schedule());
    }, this.config.riskScoresWarmSeconds * 1000);
    // Never what keeps a process (the CLI) alive.
    this.timer.unref();
  }

  private async latestSucceeded(): Promise<{ version: string; runId: string; fiscalYear: number | null } | undefined> {
    const [row] = await this.db.query<{ succeeded: string; id: string | null; fiscal_year: number | null }>(
      `select (select count(*) from risk_runs where status = 'succeeded')::text as succeeded, latest.id::text as id, latest.fiscal_year
         from (select null) x
         left join lateral (select id, fiscal_year from risk_runs where status = 'succeeded'
                             order by finished_at desc nulls last, id desc limit 1) latest on true`,
    );
    return row.id === null ? undefined : { version: `${row.succeeded}/${row.id}`, runId: row.id, fiscalYear: row.fiscal_year };
  }
}
