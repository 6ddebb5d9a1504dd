import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { DATABASE_ORIGIN, type DatabaseOrigin } from '../database/database-origin';
import { SqlDatabase } from '../database/sql-database';
import { ImportService } from '../imports/import.service';
import { SourceRegistry } from '../imports/source-registry';
import { RiskRunsService } from '../risk/runs/risk-runs.service';
import { fixtureFilesOf } from './fixture-files';

/**
 * Loads the Rayong demo set from `fixtures/` and runs the rules once — only on the embedded database and
 * only while it is empty, so a newcomer's `npm start` shows real data and a configured database is never touched.
 */
@Injectable()
export class DemoDataLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(DATABASE_ORIGIN) private readonly origin: DatabaseOrigin,
    @Inject(SqlDatabase) private readonly sql: SqlDatabase,
    private readonly imports: ImportService,
    private readonly sources: SourceRegistry,
    private readonly riskRuns: RiskRunsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.origin.kind !== 'embedded' || !this.config.loadDemoData) return;
    const [{ count }] = await this.sql.query<{ count: string }>('select count(*) from agencies');
    if (Number(count) > 0) return;
    await this.loadAll();
    // So that a newcomer's first look shows flags, scores and a plan's inputs, not empty lists.
    const run = await this.riskRuns.run({ startedBy: 'demo data' });
    const flagged = Object.values(run.results).reduce((sum, r) => sum + r.flagged, 0);
    this.logger.log(`demo data: every enabled rule run once (${flagged} flags, ${run.durationMs} ms)`);
  }

  async loadAll(): Promise<void> {
    this.logger.log(`empty embedded database: loading the Rayong demo data from ${this.config.fixturesDir}`);
    const files = existsSync(this.config.fixturesDir) ? readdirSync(this.config.fixturesDir) : [];
    for (const source of this.sources.all()) {
      for (const name of fixtureFilesOf(source.name, files)) {
        const outcome = await this.imports.import({
          source: source.name,
          input: createReadStream(join(this.config.fixturesDir, name)),
          fileName: `fixtures/${name}`,
          by: 'demo data',
        });
        if (outcome.status !== 'written') {
          throw new Error(`demo data ${name} was rejected: ${JSON.stringify(outcome.errors.slice(0, 5))}`);
        }
        this.logger.log(`demo data: ${name} → ${source.name}, ${outcome.inserted} inserted from ${outcome.rows} rows`);
      }
    }
  }
}
