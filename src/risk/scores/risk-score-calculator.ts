import { sql, SqlFragment } from '../../database/sql-template';
import type { RuleContext } from '../engine/rule-definition';
import type { RuleId, RuleParameters } from '../rule-file.schema';
import type { RuleSet } from '../rule-registry.service';
import { ruleDefinition } from '../rules';
import { RawParts, Score, scoreOf } from './score-model';

export interface TopFlag {
  id: string;
  ruleId: string;
  entityKey: string;
  severity: string;
  score: number;
  amount: string | null;
  points: number;
}

export interface RiskScoreView extends Score {
  entityType: 'agency' | 'budget_project';
  key: string;
  name: string;
  agencyCode: string;
  fiscalYear: number;
  /** THB: allocated budget + contract value in the fiscal year, as the impact reads it. */
  amountAtStake: string;
  /** The flags that weigh most, most first (at most five). */
  topFlags: TopFlag[];
}

/**
 * Rules whose findings are parts of their own in scoring.yaml (disbursement lag, overdue plan activities,
 * complaint trend, open findings): their flags are left out of the flags part so nothing counts twice.
 */
const RULES_SCORED_AS_PARTS: RuleId[] = ['disbursement-behind-target', 'overdue-control-improvement', 'complaint-trend', 'overdue-finding-response'];

interface AuditeeRow {
  entity_type: 'agency' | 'budget_project';
  key: string;
  name: string;
  agency_code: string;
  flags: number;
  disbursement_lag: number;
  overdue_plan_activities: number;
  complaint_trend: number;
  open_findings: number;
  years_since_last_audit: number | null;
  amount_at_stake: string;
  top_flags: TopFlag[];
}

/** Runs one SQL statement and answers its rows: `SqlDatabase.query`, or a transaction's client. */
export type RunQuery = <R extends object>(text: string, values: unknown[]) => Promise<R[]>;

/**
 * Computes the risk scores of every agency and provincial-budget project for one fiscal year at one reference
 * date, under one rule set (api-contract.md, rules/scoring.yaml). The raw parts are gathered in one SQL
 * statement: stored flags (open and confirmed; dismissed ones do not count), and for the other parts the very
 * rule queries that flag them, so a part and its rule never disagree. scoring.yaml then maps them to
 * likelihood × impact and a band. Highest first. Over 500k contracts this takes seconds: the service keeps
 * the result (risk-scores.service.ts) rather than calling this per request.
 */
export async function calculateRiskScores(run: RunQuery, ruleSet: RuleSet, context: RuleContext & { fiscalYear: number }): Promise<RiskScoreView[]> {
  const { scoring, rules } = ruleSet;
  const fiscalYear = context.fiscalYear;
  const weights = Object.fromEntries(rules.map((r) => [r.id, r.weight]));
  const flagSettings = scoring.parts.flags;
  const query = sql`
    with rule_weight as (
      select key as rule_id, value::numeric as weight from jsonb_each_text(${JSON.stringify(weights)}::jsonb)
    ),
    counted_flags as (
      select f.id, f.rule_id, f.entity_key, f.severity, f.score, f.amount, f.agency_code, f.project_ids,
             w.weight * f.score * least(${flagSettings.maxAmountFactor}::numeric,
                                        1 + coalesce(f.amount, 0) / ${flagSettings.amountUnit}::numeric) as points
        from flags f
        join rule_weight w on w.rule_id = f.rule_id
       where f.status in ('open', 'confirmed') and f.fiscal_year = ${fiscalYear}::int
         and f.rule_id <> all(${RULES_SCORED_AS_PARTS})
    ),
    lag as (
      select agency_code, max((evidence ->> 'pointsBelowTarget')::numeric) as points
        from (${partQuery(ruleSet, 'disbursement-behind-target', { points: 0 }, context)}) r
       where outcome = 'flagged' group by agency_code
    ),
    overdue as (
      select agency_code, sum(jsonb_array_length(evidence -> 'overdueActivities'))::int as activities
        from (${partQuery(ruleSet, 'overdue-control-improvement', undefined, context)}) r
       where outcome = 'flagged' group by agency_code
    ),
    trend as (
      select agency_code, count(*)::int as categories
        from (${partQuery(ruleSet, 'complaint-trend', undefined, context)}) r
       where outcome = 'flagged' group by agency_code
    ),
    findings_open as (
      select agency_code, count(*)::int as open from findings where status <> 'closed' group by agency_code
    ),
    contract_value as (
      select agency_code, sum(coalesce(price_agree, sum_price_agree)) as value
        from egp_contracts where fiscal_year = ${fiscalYear}::int group by agency_code
    ),
    allocation as (
      select agency_code, sum(allocated) as allocated
        from (select distinct on (agency_code, budget_type) agency_code, budget_type, allocated
                from gfmis_disbursements where fiscal_year = ${fiscalYear}::int and budget_type <> 'overall'
               order by agency_code, budget_type, as_of desc) latest
       group by agency_code
    ),
    agency_parts as (
      select a.code, a.name, a.last_audited,
             coalesce(l.points, 0)::float8 as disbursement_lag,
             coalesce(o.activities, 0) as overdue_plan_activities,
             coalesce(t.categories, 0) as complaint_trend,
             coalesce(fo.open, 0) as open_findings
        from agencies a
        left join lag l on l.agency_code = a.code
        left join overdue o on o.agency_code = a.code
        left join trend t on t.agency_code = a.code
        left join findings_open fo on fo.agency_code = a.code
    ),
    auditees as (
      select 'agency' as entity_type, ap.code as key, ap.name, ap.code as agency_code,
             ap.disbursement_lag, ap.overdue_plan_activities, ap.complaint_trend, ap.open_findings,
             (${context.referenceDate}::date - ap.last_audited) / 365.25 as years_since_last_audit,
             coalesce(al.allocated, 0) + coalesce(cv.value, 0) as amount_at_stake,
             null::text[] as project_ids
        from agency_parts ap
        left join allocation al on al.agency_code = ap.code
        left join contract_value cv on cv.agency_code = ap.code
      union all
      -- A provincial-budget project is a one-year project: never audited before, so it counts as such.
      select 'budget_project', bp.code, bp.name, bp.agency_code,
             ap.disbursement_lag, ap.overdue_plan_activities, ap.complaint_trend, ap.open_findings,
             null,
             coalesce(bp.budget, 0) + coalesce((select sum(coalesce(c.price_agree, c.sum_price_agree)) from egp_contracts c
                                                 where c.project_id = any(bp.egp_project_ids)), 0),
             bp.egp_project_ids
        from budget_projects bp
        join agency_parts ap on ap.code = bp.agency_code
       where bp.fiscal_year = ${fiscalYear}::int
    )
    select x.entity_type, x.key, x.name, x.agency_code,
           coalesce(fl.points, 0)::float8 as flags,
           x.disbursement_lag, x.overdue_plan_activities, x.complaint_trend, x.open_findings,
           x.years_since_last_audit::float8 as years_since_last_audit,
           x.amount_at_stake::text as amount_at_stake,
           coalesce(fl.top, '[]'::jsonb) as top_flags
      from auditees x
      left join lateral (
        select sum(cf.points) as points,
               (select jsonb_agg(t order by t.points desc, t.id)
                  from (select cf2.id::text as id, cf2.rule_id as "ruleId", cf2.entity_key as "entityKey", cf2.severity,
                               cf2.score::float8 as score, cf2.amount::text as amount, round(cf2.points, 3)::float8 as points
                          from counted_flags cf2
                         where case when x.entity_type = 'agency' then cf2.agency_code = x.key
                                    else cf2.project_ids && x.project_ids end
                         order by cf2.points desc, cf2.id limit 5) t) as top
          from counted_flags cf
         where case when x.entity_type = 'agency' then cf.agency_code = x.key else cf.project_ids && x.project_ids end
      ) fl on true`.toQuery();

  const rows = await run<AuditeeRow>(query.text, query.values);
  const items = rows.map((row): RiskScoreView => {
    const raw: RawParts = {
      flags: row.flags,
      disbursementLag: row.disbursement_lag,
      overduePlanActivities: row.overdue_plan_activities,
      complaintTrend: row.complaint_trend,
      openFindings: row.open_findings,
      yearsSinceLastAudit: row.years_since_last_audit ?? scoring.parts.yearsSinceLastAudit.neverAudited,
    };
    return {
      entityType: row.entity_type,
      key: row.key,
      name: row.name,
      agencyCode: row.agency_code,
      fiscalYear,
      ...scoreOf(raw, Number(row.amount_at_stake), scoring),
      amountAtStake: row.amount_at_stake,
      topFlags: row.top_flags,
    };
  });
  items.sort((a, b) => b.score - a.score || b.combined - a.combined || Number(b.amountAtStake) - Number(a.amountAtStake) || a.key.localeCompare(b.key));
  return items;
}

/** A rule's own query as a part of the score, with the parameters of `ruleSet` unless `override` says otherwise. */
function partQuery(ruleSet: RuleSet, id: RuleId, override: Partial<RuleParameters> | undefined, context: RuleContext): SqlFragment {
  const rule = ruleSet.rules.find((r) => r.id === id)!;
  return ruleDefinition(id)!.query({ ...rule.parameters, ...override } as RuleParameters, context);
}

