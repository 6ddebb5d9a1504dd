import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { compositeKey, inFiscalYear } from '../../engine/rule-sql';

/**
 * overdue-control-improvement (MoF internal-control standard): an agency's internal-control (ปค.5) or
 * action-plan activities of a fiscal year whose due date + `graceDays` is before the run's reference date
 * and that are not done. An activity is done when its latest plan-results row reported on or before the
 * reference date says `done` (done late is still done). The agency (per fiscal year) is flagged when any
 * activity is overdue; otherwise not calculable when an activity that may be overdue cannot be judged
 * (no due date, no result reported, or a result with no status); otherwise clear. The province's own plan
 * (agency_code `province`) is examined too, as entity `province|year` with no agency code.
 * Score 1; evidence lists the overdue activities as `year:agency:plan_type:strategy:activity`.
 */
export const overdueControlImprovement = defineRule('overdue-control-improvement', (p, context) => sql`
  with latest_result as (
    select distinct on (r.fiscal_year, r.agency_code, r.plan_type, r.strategy_no, r.activity_no)
           r.fiscal_year, r.agency_code, r.plan_type, r.strategy_no, r.activity_no, r.reported_date, r.status
      from plan_results r
     where r.reported_date <= ${context.referenceDate}::date and ${inFiscalYear('r.fiscal_year', context)}
     order by r.fiscal_year, r.agency_code, r.plan_type, r.strategy_no, r.activity_no, r.reported_date desc
  ),
  activity as (
    select a.fiscal_year, a.agency_code, a.plan_type, a.strategy_no, a.activity_no, a.activity, a.due_date,
           lr.reported_date, lr.status,
           concat_ws(':', a.fiscal_year, a.agency_code, a.plan_type, a.strategy_no, a.activity_no) as activity_key,
           case when lr.status = 'done' then 'done'
                when a.due_date is null then 'no due date'
                when a.due_date + ${p.graceDays}::int >= ${context.referenceDate}::date then 'not yet due'
                when lr.reported_date is null then 'no result reported'
                when lr.status is null then 'no status in the latest result'
                else 'overdue' end as verdict
      from control_plan_activities a
      left join latest_result lr
        on (lr.fiscal_year, lr.agency_code, lr.plan_type, lr.strategy_no, lr.activity_no)
         = (a.fiscal_year, a.agency_code, a.plan_type, a.strategy_no, a.activity_no)
     where ${inFiscalYear('a.fiscal_year', context)}
  ),
  per_agency as (
    select agency_code, fiscal_year,
           count(*)::int as activities,
           jsonb_agg(jsonb_build_object('activity', activity_key, 'title', activity, 'dueDate', due_date,
                                        'status', status, 'lastReported', reported_date,
                                        'daysPastDue', ${context.referenceDate}::date - due_date)
                     order by activity_key) filter (where verdict = 'overdue') as overdue,
           jsonb_agg(jsonb_build_object('activity', activity_key, 'why', verdict)
                     order by activity_key) filter (where verdict not in ('done', 'not yet due', 'overdue')) as unjudged
      from activity
     group by agency_code, fiscal_year
  )
  select case when pa.overdue is not null then 'flagged'
              when pa.unjudged is not null then 'not_calculable'
              else 'clear' end as outcome,
         ${compositeKey('pa.agency_code', 'pa.fiscal_year')} as entity_key,
         nullif(pa.agency_code, 'province') as agency_code, pa.fiscal_year,
         1 as score,
         null::numeric as amount,
         null::text[] as project_ids,
         null::text[] as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object('referenceDate', ${context.referenceDate}::date, 'graceDays', ${p.graceDays}::int,
                            'activities', pa.activities, 'overdueActivities', coalesce(pa.overdue, '[]'::jsonb),
                            'unjudgedActivities', coalesce(pa.unjudged, '[]'::jsonb)) as evidence,
         case when pa.overdue is null and pa.unjudged is not null
              then 'activities that may be overdue cannot be judged: '
                   || (select string_agg(u ->> 'activity' || ' ' || (u ->> 'why'), '; ') from jsonb_array_elements(pa.unjudged) u)
         end as reason
    from per_agency pa
`);
