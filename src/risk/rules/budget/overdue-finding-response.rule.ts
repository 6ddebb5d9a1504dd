import { BANGKOK_TIME_ZONE } from '../../../common/bangkok-date';
import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { inFiscalYear } from '../../engine/rule-sql';

/**
 * overdue-finding-response (MoF internal-audit standard): a finding (table `findings`) whose due date is
 * before the run's reference date and that the agency did not answer by it: no first answer yet, or a first
 * answer on a later (Bangkok) day than the due date. A finding due on the reference date is not yet overdue.
 * Not calculable when the finding has no due date. Score 1; entity key = the finding id.
 *
 * No findings at all in the run's scope is not the same as "every finding answered": findings are written
 * in the service and none may have been recorded yet. So when the scope holds none, the rule reports one
 * not-calculable row, `no-findings|<fiscal year>` (`no-findings` for a run over every year, with no fiscal
 * year), with the reason "no findings recorded", so that the gap shows in the run instead of a silent clear.
 */
export const overdueFindingResponse = defineRule('overdue-finding-response', (_p, context) => sql`
  with answered as (
    select f.*, (f.first_answered_at at time zone ${BANGKOK_TIME_ZONE})::date as first_answered_on
      from findings f
     where ${inFiscalYear('f.fiscal_year', context)}
  ),
  finding as (
    select a.*,
           a.due_date < ${context.referenceDate}::date
           and (a.first_answered_on is null or a.first_answered_on > a.due_date) as overdue
      from answered a
  )
  select case when f.due_date is null then 'not_calculable'
              when f.overdue then 'flagged'
              else 'clear' end as outcome,
         f.id::text as entity_key,
         f.agency_code, f.fiscal_year,
         1 as score,
         null::numeric as amount,
         null::text[] as project_ids,
         null::text[] as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object('title', f.title, 'status', f.status, 'dueDate', f.due_date,
                            'firstAnsweredOn', f.first_answered_on, 'referenceDate', ${context.referenceDate}::date,
                            'daysLate', case when f.overdue then coalesce(f.first_answered_on, ${context.referenceDate}::date) - f.due_date end) as evidence,
         case when f.due_date is null then 'finding has no due date' end as reason
    from finding f
  union all
  select 'not_calculable', concat_ws('|', 'no-findings', ${context.fiscalYear}::int), null, ${context.fiscalYear}::int,
         null, null, null, null, null, null,
         'no findings recorded'
   where not exists (select 1 from finding)
`);
