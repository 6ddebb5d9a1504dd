import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { SqlDatabase } from '../database/sql-database';
import type { AuditorProfile } from './placement/placement-types';
import type { AuditPlanView, EngagementView, PlanEventView } from './audit-plan.views';

/** Reads for planning: auditors, auditee facts, stored plans. */
@Injectable()
export class AuditPlansQueries {
  constructor(@Inject(SqlDatabase) private readonly db: SqlDatabase) {}

  auditors(): Promise<AuditorProfile[]> {
    return this.db.query<AuditorProfile>(
      `select auditor_id as id, name, role, available_days as "availableDays", skills, past_agencies as "pastAgencies", unavailable
         from auditors order by auditor_id`,
    );
  }

  /** Per auditee: an agency's last audit, a project's first signed contract. Keyed `agency:CODE` / `budget_project:CODE`. */
  async auditeeFacts(fiscalYear: number): Promise<Map<string, { lastAudited: string | null; firstContractDate: string | null }>> {
    const rows = await this.db.query<{ key: string; last_audited: string | null; first_contract: string | null }>(
      `select 'agency:' || code as key, to_char(last_audited, 'YYYY-MM-DD') as last_audited, null as first_contract from agencies
       union all
       select 'budget_project:' || bp.code, null,
              (select to_char(min(c.contract_date), 'YYYY-MM-DD') from egp_contracts c where c.project_id = any(bp.egp_project_ids))
         from budget_projects bp where bp.fiscal_year = $1`,
      [fiscalYear],
    );
    return new Map(rows.map((r) => [r.key, { lastAudited: r.last_audited, firstContractDate: r.first_contract }]));
  }

  async list(agency?: string) {
    const items = await this.db.query(
      `select p.id, p.fiscal_year as "fiscalYear", p.revision, p.version, p.status, p.created_by as "createdBy", p.created_at as "createdAt",
              p.approved_by as "approvedBy", p.approved_at as "approvedAt",
              p.superseded_by_plan_id::text as "supersededBy", p.superseded_at as "supersededAt",
              (select count(*)::int from audit_engagements e where e.plan_id = p.id and ($1::text is null or e.agency_code = $1)) as engagements,
              jsonb_array_length(p.unplaced) as unplaced
         from audit_plans p order by p.fiscal_year desc, p.revision desc`,
      [agency ?? null],
    );
    return { total: items.length, items };
  }

  /** A stored plan; for an agency user, only the engagements of that agency. */
  async plan(id: string, agency?: string): Promise<AuditPlanView> {
    const [plan] = /^\d{1,18}$/.test(id)
      ? await this.db.query<Omit<AuditPlanView, 'engagements' | 'workload' | 'history'>>(
          `select id, fiscal_year as "fiscalYear", revision, version, status, rules_hash as "rulesHash", request, settings,
                  created_by as "createdBy", created_at as "createdAt", approved_by as "approvedBy", approved_at as "approvedAt",
                  superseded_by_plan_id::text as "supersededBy", superseded_at as "supersededAt", unplaced
             from audit_plans where id = $1`,
          [id],
        )
      : [];
    if (!plan) throw new NotFoundException(`no audit plan ${id}`);
    const engagements = await this.db.query<EngagementView>(
      `select e.id, e.rank, e.auditee_type as "auditeeType", e.auditee_key as "auditeeKey", e.auditee_name as "auditeeName",
              e.agency_code as "agencyCode", e.audit_type as "auditType", to_char(e.start_date, 'YYYY-MM-DD') as start,
              to_char(e.end_date, 'YYYY-MM-DD') as "end", e.working_days as "workingDays", e.auditors,
              array(select a.name from unnest(e.auditors) with ordinality as t(id, n) left join auditors a on a.auditor_id = t.id order by t.n) as "auditorNames",
              to_char(e.earliest_start, 'YYYY-MM-DD') as "earliestStart", e.risk_score as "riskScore", e.likelihood, e.impact, e.band,
              e.amount_at_stake::text as "amountAtStake", e.rationale, e.reasons
         from audit_engagements e
        where e.plan_id = $1 and ($2::text is null or e.agency_code = $2)
        order by e.rank`,
      [id, agency ?? null],
    );
    const workload = agency
      ? []
      : await this.db.query<AuditPlanView['workload'][number]>(
          `select a.auditor_id as "auditorId", a.name, coalesce(sum(e.working_days), 0)::int as "bookedDays", a.available_days as "availableDays"
             from auditors a left join audit_engagements e on e.plan_id = $1 and a.auditor_id = any(e.auditors)
            group by a.auditor_id order by a.auditor_id`,
          [id],
        );
    const history = agency
      ? []
      : await this.db.query<PlanEventView>(
          `select kind, engagement_id::text as "engagementId", before, after, version, by, at
             from audit_plan_events where plan_id = $1 order by at, id`,
          [id],
        );
    return {
      ...plan,
      unplaced: agency ? [] : plan.unplaced,
      engagements,
      workload,
      history,
    };
  }
}
