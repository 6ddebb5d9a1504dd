import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { SqlDatabase } from '../../database/sql-database';
import { join, raw, sql, SqlFragment } from '../../database/sql-template';
import type { FlagStatus } from '../flag.entity';
import type { FlagFilter, FlagPage } from './flag-filter';

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

const SELECT_FLAG = raw(`
  select f.id, f.rule_id as "ruleId", f.entity_type as "entityType", f.entity_key as "entityKey",
         f.agency_code as "agencyCode", f.fiscal_year as "fiscalYear", f.score::float8 as score, f.severity,
         f.amount::text as amount, f.project_ids as "projectIds", f.vendor_tins as "vendorTins",
         f.payment_docs as "paymentDocs", f.evidence, f.status, f.note,
         not exists (select 1 from risk_run_rules rr join risk_runs r on r.id = rr.run_id
                      where rr.rule_id = f.rule_id and rr.run_id > f.last_run_id and r.status = 'succeeded'
                        and (r.fiscal_year is null or r.fiscal_year = f.fiscal_year)) as current,
         f.first_run_id as "firstRunId", f.last_run_id as "lastRunId",
         f.created_at as "createdAt", f.updated_at as "updatedAt"
    from flags f`);

/** Most serious first: severity, then score, then the oldest. */
const ORDER = raw(`
  order by case f.severity when 'critical' then 4 when 'high' then 3 when 'medium' then 2 else 1 end desc,
           f.score desc, f.id`);

/** Reading and triaging flags. Agency scoping is applied by the caller through `filter.agency`. */
@Injectable()
export class FlagsService {
  constructor(@Inject(SqlDatabase) private readonly db: SqlDatabase) {}

  async list(page: FlagPage): Promise<{ total: number; items: FlagView[] }> {
    const where = whereOf(page);
    const count = sql`select count(*)::int as total from flags f where ${where}`.toQuery();
    const [{ total }] = await this.db.query<{ total: number }>(count.text, count.values);
    const items = sql`${SELECT_FLAG} where ${where} ${ORDER} limit ${page.limit} offset ${page.offset}`.toQuery();
    return { total, items: await this.db.query<FlagView>(items.text, items.values) };
  }

  /** Every flag matching the filter, for exports (streamed in pages by the caller when large). */
  async all(filter: FlagFilter): Promise<FlagView[]> {
    const q = sql`${SELECT_FLAG} where ${whereOf(filter)} ${ORDER}`.toQuery();
    return this.db.query<FlagView>(q.text, q.values);
  }

  async one(id: string, agency?: string): Promise<FlagView & { history: FlagEventView[] }> {
    const q = sql`${SELECT_FLAG} where ${whereOf({ agency })} and f.id = ${id}::bigint`.toQuery();
    const [flag] = /^\d{1,18}$/.test(id) ? await this.db.query<FlagView>(q.text, q.values) : [];
    if (!flag) throw new NotFoundException(`no flag ${id}`);
    return { ...flag, history: await this.history(id) };
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

  private history(id: string): Promise<FlagEventView[]> {
    return this.db.query<FlagEventView>(
      `select from_status as "fromStatus", to_status as "toStatus", note, by, at from flag_events where flag_id = $1 order by at, id`,
      [id],
    );
  }
}

function whereOf(filter: FlagFilter): SqlFragment {
  const conditions: SqlFragment[] = [raw('true')];
  if (filter.rule) conditions.push(sql`f.rule_id = ${filter.rule}`);
  if (filter.agency) conditions.push(sql`f.agency_code = ${filter.agency}`);
  if (filter.fiscalYear) conditions.push(sql`f.fiscal_year = ${filter.fiscalYear}::int`);
  if (filter.status) conditions.push(sql`f.status = ${filter.status}`);
  if (filter.severity) conditions.push(sql`f.severity = ${filter.severity}`);
  if (filter.entityType) conditions.push(sql`f.entity_type = ${filter.entityType}`);
  if (filter.projectId) conditions.push(sql`f.project_ids @> array[${filter.projectId}::text]`);
  if (filter.vendorTin) conditions.push(sql`f.vendor_tins @> array[${filter.vendorTin}::text]`);
  return join(conditions, ' and ');
}
