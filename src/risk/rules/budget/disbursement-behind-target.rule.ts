import { quarterTargetSchedule, type QuarterTarget } from '../../../finance/disbursement-targets';
import { sql, type SqlFragment } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { compositeKey, inFiscalYear } from '../../engine/rule-sql';

/**
 * disbursement-behind-target (Cabinet targets): for each agency and budget type, the latest GFMIS report
 * of the fiscal year is judged against the Cabinet's cumulative target of the quarter its as-of date falls
 * in (finance/disbursement-targets.ts); flagged when disbursed / allocated is MORE than `points` percentage
 * points below it (exactly `points` below is clear). Not calculable when that report has no allocation (or
 * a zero one), no disbursed amount, or an as-of date outside its fiscal year (no quarter, no target).
 * Score 1; amount (flags only) = the baht still to disburse to reach the target (allocated × target − disbursed).
 */
export const disbursementBehindTarget = defineRule('disbursement-behind-target', (p, context) => sql`
  with quarter_targets as (
    ${quarterTargetsTable(quarterTargetSchedule(context.fiscalYear === null ? null : [context.fiscalYear]))}
  ),
  latest as (
    select distinct on (d.agency_code, d.budget_type, d.fiscal_year) d.*
      from gfmis_disbursements d
     where ${inFiscalYear('d.fiscal_year', context)}
     order by d.agency_code, d.budget_type, d.fiscal_year, d.as_of desc
  ),
  judged as (
    select l.*, q.quarter, q.target_percent,
           case when l.allocated > 0 then l.disbursed * 100 / l.allocated end as rate_percent
      from latest l
      left join quarter_targets q
        on q.fiscal_year = l.fiscal_year and q.budget_type = l.budget_type and l.as_of between q.start_date and q.end_date
  )
  select case when j.allocated is null or j.allocated = 0 or j.disbursed is null or j.target_percent is null then 'not_calculable'
              when j.target_percent - j.rate_percent > ${p.points}::numeric then 'flagged'
              else 'clear' end as outcome,
         ${compositeKey('j.agency_code', 'j.budget_type', 'j.fiscal_year')} as entity_key,
         j.agency_code, j.fiscal_year,
         1 as score,
         case when j.target_percent - j.rate_percent > ${p.points}::numeric
              then round(j.allocated * j.target_percent / 100 - j.disbursed, 2) end as amount,
         null::text[] as project_ids,
         null::text[] as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object(
           'asOf', j.as_of, 'budgetType', j.budget_type, 'quarter', j.quarter,
           'allocated', j.allocated::text, 'disbursed', j.disbursed::text, 'sourceUnit', j.source_unit,
           'ratePercent', round(j.rate_percent, 2)::text, 'targetPercent', j.target_percent::text,
           'pointsBelowTarget', round(j.target_percent - j.rate_percent, 2)::text
         ) as evidence,
         case when j.allocated is null then 'allocated (จัดสรร) missing in the latest report of ' || j.as_of
              when j.allocated = 0 then 'allocated (จัดสรร) is zero in the latest report of ' || j.as_of
              when j.disbursed is null then 'disbursed (เบิกจ่าย) missing in the latest report of ' || j.as_of
              when j.target_percent is null then 'no target: as-of date ' || j.as_of || ' is outside fiscal year '
                                                 || j.fiscal_year || ' or budget type ' || j.budget_type || ' has none'
         end as reason
    from judged j
`);

/** The schedule as a derived table (fiscal_year, budget_type, quarter, start_date, end_date, target_percent); every value a parameter. */
function quarterTargetsTable(schedule: readonly QuarterTarget[]): SqlFragment {
  return sql`
    select *
      from unnest(${schedule.map((q) => q.fiscalYear)}::int[],
                  ${schedule.map((q) => q.budgetType)}::text[],
                  ${schedule.map((q) => q.quarter)}::int[],
                  ${schedule.map((q) => q.start)}::date[],
                  ${schedule.map((q) => q.end)}::date[],
                  ${schedule.map((q) => String(q.targetPercent))}::numeric[])
           as t(fiscal_year, budget_type, quarter, start_date, end_date, target_percent)`;
}
