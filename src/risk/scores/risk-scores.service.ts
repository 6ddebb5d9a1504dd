import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Inject, Injectable } from '@nestjs/common';
import { todayInBangkok } from '../../common/bangkok-date';
import { fiscalYearOf } from '../../common/fiscal-year';
import { currentCancellation } from '../../database/request-cancellation';
import { SqlDatabase } from '../../database/sql-database';
import { RuleRegistry } from '../rule-registry.service';
import { referenceDateOf } from '../runs/reference-date';
import { calculateRiskScores, RiskScoreView } from './risk-score-calculator';
import { RiskScoreStore, ScoreSet, ScoreSetKey } from './risk-score-store';
import { SingleFlight } from './single-flight';

export type { RiskScoreView, TopFlag } from './risk-score-calculator';

export interface RiskScores {
  fiscalYear: number;
  referenceDate: string;
  /** When these scores were computed (ISO 8601): the same across calls until something they depend on changes. */
  computedAt: string;
  items: RiskScoreView[];
}

/** The API's answer of `GET /api/risk/scores` (api-contract.md "Rules and flags"). */
export interface ScoresAnswer {
  fiscalYear: number;
  referenceDate: string;
  computedAt: string;
  total: number;
  items: RiskScoreView[];
}

export interface ScoresFilter {
  /** One agency's rows (an agency user's scope). */
  agency?: string;
  entityType?: RiskScoreView['entityType'];
}

/** An answer as the bytes sent, with their entity tag, plain and gzip-compressed (made on first use). */
export interface SerialisedAnswer {
  body: Buffer;
  etag: string;
  gzipped(): { body: Buffer; etag: string };
}

/** Sets kept in memory: a few fiscal years and reference dates. */
const SETS_IN_MEMORY = 8;
/** Answers kept serialised: the whole list and the agencies' and types' views of the current sets. */
const ANSWERS_IN_MEMORY = 256;

/**
 * Risk scores per agency and provincial-budget project for one fiscal year (api-contract.md, rules/scoring.yaml),
 * computed once per state of what they depend on and then served from `risk_score_sets` (and this process's
 * memory). The key: fiscal year, reference date, rule files' hash, and the data version (runs, triage, imports,
 * mappings: `RiskScoreStore.dataVersion`). Computing takes seconds over a province-decade of contracts; a
 * request whose key is current costs one small version query. Concurrent requests for a new key wait for one
 * computation (`SingleFlight` in the process, an advisory lock across processes).
 */
@Injectable()
export class RiskScoresService {
  private readonly flights = new SingleFlight<ScoreSet>();
  private readonly memory = new Map<string, ScoreSet>();
  private readonly answers = new Map<string, SerialisedAnswer>();

  constructor(
    @Inject(SqlDatabase) private readonly db: SqlDatabase,
    @Inject(RuleRegistry) private readonly registry: RuleRegistry,
    @Inject(RiskScoreStore) private readonly store: RiskScoreStore,
  ) {}

  /** The fiscal year scores default to: the latest one with contracts, else the current one. */
  async defaultFiscalYear(today = todayInBangkok()): Promise<number> {
    const [row] = await this.db.query<{ fy: number | null }>(`select max(fiscal_year) as fy from egp_contracts`);
    return row.fy ?? fiscalYearOf(today);
  }

  /** Every scored auditee of `fiscalYear`, highest first; `agency` keeps that agency's rows only. */
  async scores(fiscalYear: number, options: { agency?: string; today?: string } = {}): Promise<RiskScores> {
    const set = await this.current(fiscalYear, options.today ?? todayInBangkok(), currentCancellation());
    const items = options.agency ? set.items.filter((i) => i.agencyCode === options.agency) : set.items;
    return { fiscalYear, referenceDate: set.key.referenceDate, computedAt: set.computedAt, items };
  }

  /**
   * The answer of `GET /api/risk/scores` as UTF-8 JSON, serialised once per set and filter: the whole list is
   * over 1 MB at 800 agencies, and serialising it (and hashing it for an ETag) took more time per request than
   * finding the set.
   */
  async answer(fiscalYear: number, filter: ScoresFilter): Promise<SerialisedAnswer> {
    const set = await this.current(fiscalYear, todayInBangkok(), currentCancellation());
    const name = JSON.stringify([set.key, set.computedAt, filter.agency ?? null, filter.entityType ?? null]);
    const cached = this.answers.get(name);
    if (cached) return cached;
    const items = set.items.filter((i) => (!filter.agency || i.agencyCode === filter.agency) && (!filter.entityType || i.entityType === filter.entityType));
    const answer: ScoresAnswer = { fiscalYear, referenceDate: set.key.referenceDate, computedAt: set.computedAt, total: items.length, items };
    const body = Buffer.from(JSON.stringify(answer), 'utf8');
    const tag = createHash('sha256').update(body).digest('base64url').slice(0, 27);
    let gzipped: { body: Buffer; etag: string } | undefined;
    const serialised: SerialisedAnswer = {
      body,
      etag: `"${tag}"`,
      // 1.3 MB of JSON is about 10 times smaller compressed; compressed once, not per request.
      gzipped: () => (gzipped ??= { body: gzipSync(body), etag: `"${tag}-gzip"` }),
    };
    this.answers.set(name, serialised);
    bound(this.answers, ANSWERS_IN_MEMORY);
    return serialised;
  }

  /**
   * Makes sure the scores of `fiscalYear` as of today are stored, computing them if they are not: after a risk
   * run (`RiskScoreWarmer`), so the first reader does not wait. Readers leaving never cancel it; `signal` does
   * (the app stopping), and none at all means it runs to its end.
   */
  async refresh(fiscalYear: number, today = todayInBangkok(), signal?: AbortSignal): Promise<RiskScores> {
    const set = await this.current(fiscalYear, today, signal);
    return { fiscalYear, referenceDate: set.key.referenceDate, computedAt: set.computedAt, items: set.items };
  }

  /** `caller`: the cancellation of the one asking (a request's), or none. */
  private async current(fiscalYear: number, today: string, caller: AbortSignal | undefined): Promise<ScoreSet> {
    // One rule set throughout: its hash names the set and its weights and parameters compute it.
    const ruleSet = this.registry.ruleSet;
    const key: ScoreSetKey = {
      fiscalYear,
      referenceDate: referenceDateOf(fiscalYear, today),
      rulesHash: ruleSet.hash,
      dataVersion: await this.store.dataVersion(),
    };
    const name = JSON.stringify(key);
    const remembered = this.memory.get(name);
    if (remembered) return remembered;
    return this.flights.run(
      name,
      async () => {
        const set =
          (await this.store.find(key)) ??
          (await this.store.findOrCompute(key, (client) =>
            calculateRiskScores(async (text, values) => (await client.query(text, values)).rows, ruleSet, { fiscalYear, referenceDate: key.referenceDate }),
          ));
        this.remember(name, set);
        return set;
      },
      caller,
    );
  }

  private remember(name: string, set: ScoreSet): void {
    this.memory.set(name, set);
    bound(this.memory, SETS_IN_MEMORY);
  }
}

/** Drops the oldest entries (a Map iterates in insertion order) until `map` holds at most `size`. */
function bound(map: Map<string, unknown>, size: number): void {
  for (const old of map.keys()) {
    if (map.size <= size) break;
    map.delete(old);
  }
}
