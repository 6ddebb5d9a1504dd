import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractColumns, contractValue, inFiscalYear } from '../../engine/rule-sql';

/**
 * short-submission-period (OCP R003): the working days from the invitation to the bid deadline (tender
 * events; working days d with invitation < d ≤ deadline) are fewer than the minimum of the contract's value
 * band: the first band of `bands` whose maxValue is null or at least the contract value.
 * Every contract with a tender-events row is examined. Not calculable when the invitation date, the bid
 * deadline or the contract value is missing, or a date lies outside the working-day calendar.
 * Score: the shortfall as a share of the minimum, 1 − workingDays / minWorkingDays (capped to 0–1).
 */
export const shortSubmissionPeriod = defineRule('short-submission-period', (p, context) => sql`
  with examined as (
    select c.*, t.invitation_date, t.bid_deadline,
           ${contractValue('c')} as value,
           pg_temp.working_days_between(t.invitation_date, t.bid_deadline) as working_days
      from egp_contracts c
      join tender_events t on t.project_id = c.project_id
     where ${inFiscalYear('c.fiscal_year', context)}
  ),
  banded as (
    select e.*, band.max_value, band.min_days
      from examined e
      left join lateral (
             select (b.band ->> 'maxValue')::numeric       as max_value,
                    (b.band ->> 'minWorkingDays')::int     as min_days
               from jsonb_array_elements(${JSON.stringify(p.bands)}::jsonb) with ordinality as b(band, n)
              where e.value is not null
                and (b.band ->> 'maxValue' is null or e.value <= (b.band ->> 'maxValue')::numeric)
              order by b.n
              limit 1
           ) band on true
  )
  select case when x.invitation_date is null or x.bid_deadline is null or x.value is null
                   or x.working_days is null or x.min_days is null then 'not_calculable'
              when x.working_days < x.min_days                     then 'flagged'
              else 'clear' end as outcome,
         ${contractColumns('x')},
         coalesce(round(least(1, greatest(0, 1 - x.working_days::numeric / nullif(x.min_days, 0))), 4), 1) as score,
         x.value as amount,
         jsonb_build_object('invitationDate', x.invitation_date, 'bidDeadline', x.bid_deadline,
                            'workingDays', x.working_days, 'minWorkingDays', x.min_days,
                            'bandMaxValue', x.max_value::text, 'value', x.value::text) as evidence,
         case when x.invitation_date is null then 'no invitation date (tender events)'
              when x.bid_deadline is null    then 'no bid deadline (tender events)'
              when x.value is null           then 'no contract value'
              when x.working_days is null    then 'a date outside the working-day calendar'
              when x.min_days is null        then 'no value band covers the contract value' end as reason
    from banded x
`);
