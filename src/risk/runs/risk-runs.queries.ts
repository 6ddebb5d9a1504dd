import { Inject, Injectable } from '@nestjs/common';
import { SqlDatabase } from '../../database/sql-database';

/** Read side of rule runs: the run records and the not-calculable results. */
@Injectable()
export class RiskRunsQueries {
  constructor(@Inject(SqlDatabase) private readonly db: SqlDatabase) {}

  async list() {
    const items = await this.db.query(
      `select id as "runId", status, fiscal_year as "fiscalYear", to_char(reference_date, 'YYYY-MM-DD') as "referenceDate",
              rules_hash as "rulesHash", rule_ids as "ruleIds", started_by as "startedBy", started_at as "startedAt",
              finished_at as "finishedAt", duration_ms as "durationMs", error
         from risk_runs order by id desc limit 100`,
    );
    return { total: items.length, items };
  }

  async one(id: string) {
    const [run] = await this.db.query(
      `select id as "runId", status, fiscal_year as "fiscalYear", to_char(reference_date, 'YYYY-MM-DD') as "referenceDate",
              rules_hash as "rulesHash", started_by as "startedBy", started_at as "startedAt", finished_at as "finishedAt",
              duration_ms as "durationMs", error
         from risk_runs where id = $1`,
      [id],
    );
    if (!run) return undefined;
    const rules = await this.db.query<{ ruleId: string; parameters: unknown; flagged: number; clear: number; notCalculable: number; durationMs: number }>(
      `select rule_id as "ruleId", parameters, flagged, clear, not_calculable as "notCalculable", duration_ms as "durationMs"
         from risk_run_rules where run_id = $1 order by rule_id`,
      [id],
    );
    return { ...run, results: Object.fromEntries(rules.map(({ ruleId, ...rest }) => [ruleId, rest])) };
  }

  async notCalculable(filter: { rule?: string; agency?: string; fiscalYear?: number; limit: number; offset: number }) {
    const where = `($1::text is null or rule_id = $1) and ($2::text is null or agency_code = $2) and ($3::int is null or fiscal_year = $3)`;
    const params = [filter.rule ?? null, filter.agency ?? null, filter.fiscalYear ?? null];
    const [{ total }] = await this.db.query<{ total: number }>(`select count(*)::int as total from risk_not_calculable where ${where}`, params);
    const items = await this.db.query(
      `select rule_id as "ruleId", entity_type as "entityType", entity_key as "entityKey", agency_code as "agencyCode",
              fiscal_year as "fiscalYear", reason, project_ids as "projectIds", run_id as "runId"
         from risk_not_calculable where ${where} order by rule_id, entity_key limit $4 offset $5`,
      [...params, filter.limit, filter.offset],
    );
    return { total, items };
  }
}
