import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { AppConfig } from '../config/app-config';
import { ImportInboxService } from '../imports/import-inbox.service';
import { RiskRunsService } from '../risk/runs/risk-runs.service';

/**
 * The service's timed work, each a thin call into a feature service. Schedules come from config
 * (`IMPORT_INBOX_CRON`, `RULES_RUN_CRON`; `off` disables one), so they are registered here rather than with a fixed
 * `@Cron()` decorator. Times are Bangkok time.
 */
@Injectable()
export class ScheduledJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger('Jobs');

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
    private readonly inbox: ImportInboxService,
    private readonly riskRuns: RiskRunsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.inbox.ensureFolders();
    this.schedule('import-inbox', this.config.importInboxCron, () => this.inbox.scan());
    this.schedule('rules-run', this.config.rulesRunCron, () => this.runRulesAfterImports());
  }

  /** Runs every enabled rule over all years, but only when something was imported since the last run. */
  async runRulesAfterImports(): Promise<boolean> {
    if (!(await this.riskRuns.importedSinceLastRun())) return false;
    await this.riskRuns.run({ startedBy: 'schedule (after imports)' });
    return true;
  }

  private schedule(name: string, cron: string, work: () => Promise<unknown>): void {
    if (cron === 'off') return;
    const job = CronJob.from({
      cronTime: cron,
      timeZone: 'Asia/Bangkok',
      onTick: async () => {
        await work().catch((error: unknown) => this.logger.error(`${name} failed: ${(error as Error).message}`));
      },
    });
    this.registry.addCronJob(name, job);
    job.start();
    this.logger.log(`${name} scheduled: ${cron}`);
  }
}
