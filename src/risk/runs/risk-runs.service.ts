import { Inject, Injectable, Logger } from '@nestjs/common';
import { todayInBangkok } from '../../common/bangkok-date';
import { fiscalYearRange } from '../../common/fiscal-year';
import { AppConfig } from '../../config/app-config';
import { SqlDatabase } from '../../database/sql-database';
import { WorkingCalendarService } from '../../universe/working-calendar.service';
import type { RuleContext } from '../engine/rule-definition';
import { prepareRuleTransaction } from '../engine/rule-transaction';
import type { LoadedRule } from '../rule-loader';
import type { RuleId } from '../rule-file.schema';
import { RuleRegistry } from '../rule-registry.service';
import { ruleDefinition } from '../rules';
import { referenceDateOf } from './reference-date';
import { RiskRunFailedError } from './risk-run-failed.error';
import { checkOutRunConnection, type RunConnection } from './run-connection';
import { mergeRun } from './run-merge';
import { createStagingTable, dropLeftoverStaging, stagingTableOf } from './run-staging';
import { computeRuleStep, RuleCounts, RuleStepResult } from './rule-step';

export interface RunRequest {
  /** BE fiscal year; omitted or null: every year in the data. */
  fiscalYear?: number | null;
  /** Rule ids; omitted: every enabled rule. */
  rules?: RuleId[];
  /** Who or what started it ('api: name', 'cli', 'schedule'). */
  startedBy?: string;
  /** Called after each rule, for a progress line. */
  onProgress?: (done: number, total: number, ruleId: RuleId) => void;
  /** The date runs treat as today (tests); default the Bangkok date. */
  today?: string;
}

export interface RunReport {
  runId: string;
  status: 'succeeded';
  fiscalYear: number | null;
  referenceDate: string;
  rulesHash: string;
  durationMs: number;
  /** Of durationMs, the final transaction that made every rule's results visible at once. */
  mergeMs: number;
  results: Record<string, RuleCounts & { durationMs: number }>;
  /** Requested rules that are switched off in their file (`enabled: false`), so not run. */
  skipped: RuleId[];
}

/** Thrown for a request naming a rule the catalogue does not have. */
export class UnknownRulesError extends Error {
  constructor(readonly ids: string[]) {
    super(`unknown rule${ids.length === 1 ? '' : 's'}: ${ids.join(', ')}`);
  }
}

/** Key of the advisory lock that lets one run at a time write flags. */
const RUN_LOCK = 0x72_69_73_6b; // 'risk'

/** What `pg_export_snapshot()` returns; checked before it is written into `SET TRANSACTION SNAPSHOT` (no bind parameters there). */
const SNAPSHOT_ID = /^[0-9A-F]+-[0-9A-F]+(-[0-9]+)?$/i;

/**
 * Runs the rules in force over the loaded data and records the run (rule files' hash, parameters,
 * per-rule counts and durations). A run is one unit (docs/risk-engine.md "Runs"): every rule reads one snapshot
 * of the data, the rules run a few at a time into the run's staging table, and one final transaction makes all
 * their results visible, or none.
 */
@Injectable()
export class RiskRunsService {
  private readonly logger = new Logger('RiskRuns');

  constructor(
    @Inject(SqlDatabase) private readonly db: SqlDatabase,
    @Inject(RuleRegistry) private readonly registry: RuleRegistry,
    @Inject(WorkingCalendarService) private readonly calendars: WorkingCalendarService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async run(request: RunRequest = {}): Promise<RunReport> {
    const ruleSet = this.registry.ruleSet;
    const { toRun, skipped } = this.choose(ruleSet.rules, request.rules);
    const fiscalYear = request.fiscalYear ?? null;
    const today = request.today ?? todayInBangkok();
    const context: RuleContext = { fiscalYear, referenceDate: referenceDateOf(fiscalYear, today) };
    const started = performance.now();

    const [{ id: runId }] = await this.db.query<{ id: string }>(
      `insert into risk_runs (status, fiscal_year, reference_date, rules_hash, rule_ids, started_by)
       values ('running', $1, $2, $3, $4, $5) returning id`,
      [fiscalYear, context.referenceDate, ruleSet.hash, toRun.map((r) => r.id), request.startedBy ?? null],
    );
    try {
      const { results, durationMs, mergeMs } = await this.runAsOneUnit(runId, toRun, context, today, started, request.onProgress);
      this.logger.log(`run ${runId}: ${toRun.length} rules in ${durationMs} ms (merge ${mergeMs} ms)`);
      return { runId, status: 'succeeded', fiscalYear, referenceDate: context.referenceDate, rulesHash: ruleSet.hash, durationMs, mergeMs, results, skipped };
    } catch (cause) {
      const error = new RiskRunFailedError(runId, cause);
      await this.db
        .query(`update risk_runs set status = 'failed', finished_at = now(), error = $2 where id = $1 and status = 'running'`, [runId, (cause as Error).message])
        .catch((e: Error) => this.logger.error(`run ${runId}: could not record the failure: ${e.message}`));
      this.logger.error(error.message);
      throw error;
    }
  }

  /**
   * The run as one unit, under a session lock that keeps two runs apart. A coordinating connection takes the
   * lock, creates the run's staging table and exports a REPEATABLE READ snapshot; `concurrency` workers run the
   * rules, each rule in its own transaction that imports that snapshot (so every rule sees the same data, whatever
   * is imported meanwhile) and stages its rows. A failing rule (or a lost connection) stops the run: rules not yet
   * started are not run, and nothing is merged. When every rule has succeeded, the coordinator merges them all in
   * one transaction (run-merge.ts). The staging table is dropped whatever happened.
   */
  private async runAsOneUnit(
    runId: string,
    rules: readonly LoadedRule[],
    context: RuleContext,
    today: string,
    startedAt: number,
    onProgress?: RunRequest['onProgress'],
  ): Promise<{ results: Record<string, RuleStepResult>; durationMs: number; mergeMs: number }> {
    const calendar = await this.calendars.calendar();
    const [fromYear, toYear] = this.calendarYears(context.fiscalYear, today);
    const stagingTable = stagingTableOf(runId);
    const byRule = new Map<string, RuleStepResult>();
    let failure: unknown;
    const fail = (error: unknown) => {
      failure ??= error;
    };

    const coordinator = await checkOutRunConnection(this.db.pool, (error) =>
      fail(new Error(`lost the run's coordinating connection: ${error.message}`, { cause: error })),
    );
    const lock = coordinator.client;
    let locked = false;
    try {
      await lock.query('select pg_advisory_lock($1)', [RUN_LOCK]);
      locked = true;
      await dropLeftoverStaging(lock, stagingTable);
      await lock.query(createStagingTable(stagingTable));
      await lock.query('begin isolation level repeatable read read only');
      const [{ snapshot }] = (await lock.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot')).rows;
      if (!SNAPSHOT_ID.test(snapshot)) throw new Error(`unexpected snapshot id ${snapshot}`);

      const queue = [...rules];
      const worker = async () => {
        const connection = await checkOutRunConnection(this.db.pool);
        const { client } = connection;
        let clean = true;
        try {
          for (let rule = queue.shift(); rule && failure === undefined; rule = queue.shift()) {
            clean = false;
            await client.query('begin isolation level repeatable read');
            await client.query(`set transaction snapshot '${snapshot}'`);
            await prepareRuleTransaction(client, calendar, fromYear, toYear);
            byRule.set(rule.id, await computeRuleStep(client, stagingTable, rule, ruleDefinition(rule.id)!, context));
            await client.query('commit');
            clean = true;
            onProgress?.(byRule.size, rules.length, rule.id);
          }
        } catch (error) {
          fail(error);
          if (!connection.lost) clean = await client.query('rollback').then(() => true, () => false);
        } finally {
          connection.release(!clean);
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.config.rulesRunConcurrency, rules.length) }, () => worker().catch(fail)));
      // Every worker has imported the snapshot and finished: the exporting transaction can end.
      await lock.query('commit');
      if (failure !== undefined) throw failure;

      const { durationMs, mergeMs } = await mergeRun(lock, { runId, stagingTable, fiscalYear: context.fiscalYear, rules, results: byRule, startedAt });
      // A run can rewrite most of the flags at once (the first run writes them all): fresh statistics and visibility
      // map now, not when autovacuum next looks. Without statistics the flags list planned every filter with a
      // default guess and counted what it should estimate (45–110 ms a page instead of 1–2 ms at 226k flags);
      // without the visibility map an agency's exact count read 1,236 heap pages instead of 4 (index-only). VACUUM
      // takes no lock readers or writers wait for and cost 1.8 s there; its failure never fails a committed run.
      await lock
        .query('vacuum (analyze) flags, risk_not_calculable')
        .catch((error: Error) => this.logger.warn(`vacuum after run ${runId}: ${error.message}`));
      // In catalogue order, whatever order the workers finished in.
      return { results: Object.fromEntries(rules.map((r) => [r.id, byRule.get(r.id)!])), durationMs, mergeMs };
    } catch (error) {
      throw failure ?? error;
    } finally {
      await this.dropStaging(coordinator, stagingTable);
      if (locked && !coordinator.lost) await lock.query('select pg_advisory_unlock($1)', [RUN_LOCK]).catch(() => undefined);
      coordinator.release(coordinator.lost !== undefined);
    }
  }

  /** On the coordinator; if that connection is gone (its lock with it), on any connection: the table is this run's alone. */
  private async dropStaging(coordinator: RunConnection, table: string): Promise<void> {
    const drop = `drop table if exists ${table}`;
    if (!coordinator.lost) {
      const dropped = await coordinator.client.query('rollback').then(() => coordinator.client.query(drop)).then(() => true, () => false);
      if (dropped) return;
    }
    await this.db.query(drop).catch((error: Error) => this.logger.warn(`run staging ${table} left for the next run to drop: ${error.message}`));
  }

  /** Whether anything was imported since the last successful run started (the scheduled job asks). */
  async importedSinceLastRun(): Promise<boolean> {
    const [row] = await this.db.query<{ pending: boolean }>(
      `select exists (
         select 1 from import_batches b
          where b.status = 'written'
            and b.created_at > coalesce((select max(started_at) from risk_runs where status = 'succeeded'), '-infinity')
       ) as pending`,
    );
    return row.pending;
  }

  private choose(rules: readonly LoadedRule[], requested?: RuleId[]): { toRun: LoadedRule[]; skipped: RuleId[] } {
    if (!requested) return { toRun: rules.filter((r) => r.enabled), skipped: [] };
    const unknown = requested.filter((id) => !rules.some((r) => r.id === id));
    if (unknown.length > 0) throw new UnknownRulesError(unknown);
    const wanted = rules.filter((r) => requested.includes(r.id));
    return { toRun: wanted.filter((r) => r.enabled), skipped: wanted.filter((r) => !r.enabled).map((r) => r.id) };
  }

  /** CE years the working-day index covers: a few years either side of the data a run can look at. */
  private calendarYears(fiscalYear: number | null, today: string): [number, number] {
    const thisYear = Number(today.slice(0, 4));
    if (fiscalYear === null) return [2005, thisYear + 3];
    const endYear = Number(fiscalYearRange(fiscalYear).end.slice(0, 4));
    return [endYear - 4, Math.max(endYear, thisYear) + 3];
  }
}
