import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { PoolClient, QueryResultRow } from 'pg';
import { readCursor } from '../../database/sql-cursor';
import { SqlDatabase } from '../../database/sql-database';
import { join, raw, sql, SqlFragment } from '../../database/sql-template';
import { scopeFlags } from '../evidence-scope/scope-flags';
import type { FlagStatus } from '../flag.entity';
import type { FlagFilter, FlagPage } from './flag-filter';
import { afterPosition, decodePosition, encodePosition, FLAG_ORDER, SEVERITY_RANK, severityRank } from './flag-order';

/** A flag as the API answers it (api-contract.md "Rules and flags"), with the triage fields. */
export interface FlagView {
  id: string;
  ruleId: string;
  entityType: string;
  entityKey: string;
  agencyCode: string | null;
  fiscalYear: number | null;
  score: number;
  severity: string;
  /** THB at stake, exact, or null. */
  amount: string | null;
  projectIds: string[];
  vendorTins: string[];
  paymentDocs: string[];
  evidence: Record<string, unknown>;
  status: FlagStatus;
  note: string | null;
  /** False when the latest run of its rule no longer finds it (kept because an auditor triaged it). */
  current: boolean;
  firstRunId: string;
  lastRunId: string;
  createdAt: string;
  updatedAt: string;
}

export interface FlagEventView {
  fromStatus: string;
  toStatus: string;
  note: string | null;
  by: string | null;
  at: string;
}

/** A page of flags: `after` is the token of the next page (null on the last one). */
export interface FlagPageView {
  /** Exact up to TOTAL_EXACT_UP_TO matches; above, the planner's estimate (and `totalExact` false). */
  total: number;
  totalExact: boolean;
  items: FlagView[];
  after: string | null;
}

/**
 * Counting every match exactly costs a scan of all of them (226k flags: 261 ms a request); paging needs only
 * to know there are many. Up to this many the total is exact, above it the planner's estimate.
 */
export const TOTAL_EXACT_UP_TO = 10_000;

/** Who reads: the agency code of an agency caller (evidence narrowed to its rows), null for the other roles. */
export type FlagReader = string | null;

const COLUMNS = raw(`
  f.id, f.rule_id as "ruleId", f.entity_type as "entityType", f.entity_key as "entityKey",
  f.agency_code as "agencyCode", f.fiscal_year as "fiscalYear", f.score::float8 as score, f.severity,
  f.amount::text as amount, f.project_ids as "projectIds", f.vendor_tins as "vendorTins",
  f.payment_docs as "paymentDocs", f.evidence, f.status, f.note,
  f.first_run_id as "firstRunId", f.last_run_id as "lastRunId",
  f.created_at as "createdAt", f.updated_at as "updatedAt"`);

/** The latest successful run of each rule, per fiscal year (null: a run over every year). A few dozen rows. */
const LATEST_RUNS = `
  select rr.rule_id, r.fiscal_year, max(rr.run_id) as run_id
    from risk_run_rules rr join risk_runs r on r.id = rr.run_id
   where r.status = 'succeeded'
   group by rr.rule_id, r.fiscal_year`;

/**
 * `current` of a page's flags: no later successful run of the same rule (over all years or the flag's) left it
 * out. Read against the latest runs, materialized once per statement, for the page's rows only.
 */
const LATEST = raw(`latest as materialized (${LATEST_RUNS})`);
const CURRENT = raw(`
  not exists (select 1 from latest l
               where l.rule_id = f.rule_id and l.run_id > f.last_run_id
                 and (l.fiscal_year is null or l.fiscal_year = f.fiscal_year)) as current`);

/** Reading and triaging flags. Agency scoping of the rows is applied by the caller through `filter.agency`. */
@Injectable()
export class FlagsService {
  constructor(@Inject(SqlDatabase) private readonly db: SqlDatabase) {}

  async list(page: FlagPage, reader: FlagReader = null): Promise<FlagPageView> {
    const where = whereOf(page);
    const position = page.after === undefined ? undefined : decodePosition(page.after);
    if (position === null) throw new BadRequestException('after: not a page token of this service (use the "after" of a previous answer)');
    const range = position ? sql`${where} and ${afterPosition(position)}` : where;
    const items = sql`
      with ${LATEST}
      select ${COLUMNS}, ${CURRENT}
        from (select * from flags f where ${range} ${FLAG_ORDER} limit ${page.limit}::int offset ${page.offset}::int) f
       ${FLAG_ORDER}`.toQuery();
    const [rows, total] = await Promise.all([this.prepared<FlagView>(items), this.total(where)]);
    const last = rows.length === page.limit ? rows[rows.length - 1] : undefined;
    return {
      ...total,
      items: await scopeFlags(this.db.pool, rows, reader),
      after: last ? encodePosition({ rank: severityRank(last.severity), score: String(last.score), id: last.id }) : null,
    };
  }

  /**
   * Every flag matching the filter, most serious first, in batches of `batchSize` from one snapshot: what an
   * export writes as it goes. `total` (the exact count, same snapshot) is known before the first batch.
   */
  async *stream(
    filter: FlagFilter,
    reader: FlagReader,
    options: { signal?: AbortSignal; batchSize?: number; onTotal?: (total: number) => void | Promise<void> } = {},
  ): AsyncGenerator<FlagView[], void, undefined> {
    const where = whereOf(filter);
    const query = sql`select ${COLUMNS} from flags f where ${where} ${FLAG_ORDER}`.toQuery();
    let latest = new Map<string, bigint>();
    const prepare = async (client: PoolClient) => {
      const runs = await client.query<{ rule_id: string; fiscal_year: number | null; run_id: string }>(LATEST_RUNS);
      latest = new Map(runs.rows.map((r) => [`${r.rule_id}|${r.fiscal_year ?? ''}`, BigInt(r.run_id)]));
      if (options.onTotal) {
        const count = sql`select count(*)::int as total from flags f where ${where}`.toQuery();
        await options.onTotal((await client.query<{ total: number }>(count.text, count.values)).rows[0].total);
      }
    };
    // CURRENT, from the latest runs read once in the export's snapshot instead of a subquery per row
    const laterRun = (key: string, lastRunId: bigint) => (latest.get(key) ?? 0n) > lastRunId;
    const isCurrent = (f: Omit<FlagView, 'current'>) => {
      const last = BigInt(f.lastRunId);
      return !laterRun(`${f.ruleId}|`, last) && !(f.fiscalYear !== null && laterRun(`${f.ruleId}|${f.fiscalYear}`, last));
    };
    for await (const batch of readCursor<Omit<FlagView, 'current'>>(this.db.pool, query, { ...options, prepare })) {
      yield scopeFlags(this.db.pool, batch.map((f) => ({ ...f, current: isCurrent(f) })), reader);
    }
  }

  async one(id: string, agency?: string, reader: FlagReader = null): Promise<FlagView & { history: FlagEventView[] }> {
    const q = sql`with ${LATEST} select ${COLUMNS}, ${CURRENT} from flags f where ${whereOf({ agency })} and f.id = ${id}::bigint`.toQuery();
    const [flag] = /^\d{1,18}$/.test(id) ? await this.db.query<FlagView>(q.text, q.values) : [];
    if (!flag) throw new NotFoundException(`no flag ${id}`);
    const [scoped] = await scopeFlags(this.db.pool, [flag], reader);
    return { ...scoped, history: await this.history(id) };
  }

  /**
   * Sets a flag's status and note and keeps the change in its history. A later run that finds the same
   * flag again keeps both.
   */
  async triage(id: string, change: { status: FlagStatus; note?: string | null }, by: string) {
    if (!/^\d{1,18}$/.test(id)) throw new NotFoundException(`no flag ${id}`);
    await this.db.transaction(async (client) => {
      const { rows } = await client.query<{ status: FlagStatus; note: string | null }>(
        `select status, note from flags where id = $1 for update`,
        [id],
      );
      if (rows.length === 0) throw new NotFoundException(`no flag ${id}`);
      const note = change.note === undefined ? rows[0].note : change.note;
      await client.query(`update flags set status = $2, note = $3, updated_at = now() where id = $1`, [id, change.status, note]);
      await client.query(`insert into flag_events (flag_id, from_status, to_status, note, by) values ($1, $2, $3, $4, $5)`, [
        id,
        rows[0].status,
        change.status,
        change.note ?? null,
        by,
      ]);
    });
    return this.one(id);
  }

  /**
   * The exact count when there are at most TOTAL_EXACT_UP_TO matches, else the planner's estimate. The estimate
   * comes first (planning only): when it is above the bound, nothing is counted — counting even the bound's
   * 10,001 rows of a broad filter (entity type, severity) means reading them from the heap (70–150 ms at 226k
   * flags); when it is below, a count stopped at the bound settles it, exact or not.
   */
  private async total(where: SqlFragment): Promise<{ total: number; totalExact: boolean }> {
    const plan = sql`explain (format json) select 1 from flags f where ${where}`.toQuery();
    const [row] = await this.db.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(plan.text, plan.values);
    const estimate = Math.round(row['QUERY PLAN'][0].Plan['Plan Rows']);
    if (estimate > TOTAL_EXACT_UP_TO) return { total: estimate, totalExact: false };
    const bounded = sql`select count(*)::int as total from (select 1 from flags f where ${where} limit ${TOTAL_EXACT_UP_TO + 1}::int) m`.toQuery();
    const [{ total }] = await this.prepared<{ total: number }>(bounded);
    return total <= TOTAL_EXACT_UP_TO ? { total, totalExact: true } : { total: Math.max(estimate, total), totalExact: false };
  }

  /**
   * A statement prepared once per connection and text (a filter combination), so its plan is cached: planning
   * these statements against the flags' indexes took longer than running them (4 ms against 1 ms).
   */
  private async prepared<R extends QueryResultRow>(query: { text: string; values: unknown[] }): Promise<R[]> {
    const name = `flags_${createHash('sha1').update(query.text).digest('hex').slice(0, 16)}`;
    return this.db.query<R>(query.text, query.values, { name });
  }

  private history(id: string): Promise<FlagEventView[]> {
    return this.db.query<FlagEventView>(
      `select from_status as "fromStatus", to_status as "toStatus", note, by, at from flag_events where flag_id = $1 order by at, id`,
      [id],
    );
  }
}

/**
 * The filters as conditions the order indexes serve (migration Migration20261208040001_flags_order_indexes):
 * a severity is asked as its rank, the leading column of the order, so the order index serves it as a range.
 */
function whereOf(filter: FlagFilter): SqlFragment {
  const conditions: SqlFragment[] = [raw('true')];
  if (filter.rule) conditions.push(sql`f.rule_id = ${filter.rule}`);
  if (filter.agency) conditions.push(sql`f.agency_code = ${filter.agency}`);
  if (filter.fiscalYear) conditions.push(sql`f.fiscal_year = ${filter.fiscalYear}::int`);
  if (filter.status) conditions.push(sql`f.status = ${filter.status}`);
  // the rank alone: a severity is one of the catalogue's four, one rank each, and the rank leads the order indexes
  if (filter.severity) conditions.push(sql`${SEVERITY_RANK} = ${severityRank(filter.severity)}::int`);
  if (filter.entityType) conditions.push(sql`f.entity_type = ${filter.entityType}`);
  if (filter.projectId) conditions.push(sql`f.project_ids @> array[${filter.projectId}::text]`);
  if (filter.vendorTin) conditions.push(sql`f.vendor_tins @> array[${filter.vendorTin}::text]`);
  return join(conditions, ' and ');
}
