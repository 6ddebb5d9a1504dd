import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SqlDatabase } from '../database/sql-database';

export interface SweptWork {
  importBatches: string[];
  riskRuns: string[];
}

/*
 * Work that is `running` belongs to the session name (`runner`) that started it: `audit-radar:<instance id>`
 * for a service or CLI process. A runner with no session left in pg_stat_activity is a process that died
 * (kill -9, a crash, a lost machine) without recording how its work ended. Another instance on the same
 * database still has its sessions, so its work is left alone. A null runner is work from before runners were
 * recorded. The `live` list is read in the same statement as the update, so work started meanwhile is not
 * touched: its runner is live.
 */
const LIVE_RUNNERS = `select application_name from pg_stat_activity where application_name is not null`;
const REASON = `'interrupted: ' || coalesce('the process that ran it (' || runner || ')', 'a process from before runners were recorded')
  || ' stopped before it finished; found at start-up of ' || current_setting('application_name')`;

/** At start-up, marks what a dead process left `running` as `interrupted`, with the reason. */
@Injectable()
export class InterruptedWorkSweeper implements OnApplicationBootstrap {
  private readonly logger = new Logger('InterruptedWork');

  constructor(@Inject(SqlDatabase) private readonly sql: SqlDatabase) {}

  async onApplicationBootstrap(): Promise<void> {
    const swept = await this.sweep();
    const count = swept.importBatches.length + swept.riskRuns.length;
    if (count === 0) return;
    this.logger.warn(
      `marked interrupted: import batches [${swept.importBatches.join(', ')}], risk runs [${swept.riskRuns.join(', ')}] (their process is gone)`,
    );
  }

  async sweep(): Promise<SweptWork> {
    const batches = await this.sql.query<{ id: string }>(
      `update import_batches
          set status = 'interrupted', errors = jsonb_build_array(jsonb_build_object('row', 0, 'column', '', 'message', ${REASON}))
        where status = 'running' and (runner is null or runner not in (${LIVE_RUNNERS}))
        returning id::text`,
    );
    const runs = await this.sql.query<{ id: string }>(
      `update risk_runs set status = 'interrupted', finished_at = now(), error = ${REASON}
        where status = 'running' and (runner is null or runner not in (${LIVE_RUNNERS}))
        returning id::text`,
    );
    return { importBatches: batches.map((b) => b.id), riskRuns: runs.map((r) => r.id) };
  }
}
