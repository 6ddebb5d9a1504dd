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
import { RuleCounts, runRuleStep, RuleStepResult } from './rule-step';

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

/**
 * Runs the rules in force over the loaded data and records the run (rule files' hash, parameters,
 * per-rule counts and durations). Each rule runs in its own transaction, a few at a time.
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
      const results = await this.runSteps(runId, toRun, context, today, request.onProgress);
      const durationMs = Math.round(performance.now() - started);
      await this.db.query(`update risk_runs set status = 'succeeded', finished_at = now(), duration_ms = $2 where id = $1`, [runId, durationMs]);
      this.logger.log(`run ${runId}: ${toRun.length} rules in ${durationMs} ms`);
      return { runId, status: 'succeeded', fiscalYear, referenceDate: context.referenceDate, rulesHash: ruleSet.hash, durationMs, results, skipped };
    } catch (error) {
      const message = (error as Error).message;
      await this.db.query(`update risk_runs set status = 'failed', finished_at = now(), error = $2 where id = $1`, [runId, message]);
      this.logger.error(`run ${runId} failed: ${message}`);
      throw error;
    }
  }

  /**
   * Runs the rules `concurrency` at a time, each in a transaction of its own (a rule's flags change all at once
   * or not at all), under a session lock that keeps two runs from interleaving. A failing rule stops the run:
   * rules not yet started are not run, and the run is recorded as failed.
   */
  private async runSteps(
    runId: string,
    rules: readonly LoadedRule[],
    context: RuleContext,
    today: string,
    onProgress?: RunRequest['onProgress'],
  ): Promise<Record<string, RuleStepResult>> {
    const calendar = await this.calendars.calendar();
    const [fromYear, toYear] = this.calendarYears(context.fiscalYear, today);
    const queue = [...rules];
    const byRule = new Map<string, RuleStepResult>();
    let failure: unknown;
    const worker = async () => {
      for (let rule = queue.shift(); rule && failure === undefined; rule = queue.shift()) {
        const current = rule;
        try {
          byRule.set(
            current.id,
            await this.db.transaction(async (client) => {
              await prepareRuleTransaction(client, calendar, fromYear, toYear);
              return runRuleStep(client, runId, current, ruleDefinition(current.id)!, context);
            }),
          );
          onProgress?.(byRule.size, rules.length, current.id);
        } catch (error) {
          failure ??= error;
        }
      }
    };
    const lock = await this.db.pool.connect();
    try {
      await lock.query('select pg_advisory_lock($1)', [RUN_LOCK]);
      await Promise.all(Array.from({ length: Math.min(this.config.rulesRunConcurrency, rules.length) }, worker));
    } finally {
      await lock.query('select pg_advisory_unlock($1)', [RUN_LOCK]).catch(() => undefined);
      lock.release();
    }
    if (failure !== undefined) throw failure;
    // In catalogue order, whatever order the workers finished in.
    return Object.fromEntries(rules.map((r) => [r.id, byRule.get(r.id)!]));
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
