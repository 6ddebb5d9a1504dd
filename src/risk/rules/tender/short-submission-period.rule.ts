import { join, sql, SqlFragment } from '../../../database/sql-template';
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
export const shortSubmissionPeriod = defineRule('short-submission-period', (p, context) => {
  // The contract's band, written out as one CASE over the bands in order (first match wins), so that no row
  // parses the bands again; `value` is null when the contract has no value (then no band).
  const bandOf = (pick: (band: (typeof p.bands)[number]) => SqlFragment) =>
    sql`case when e.value is null then null ${join(
      p.bands.map((band) =>
        band.maxValue === null ? sql`when true then ${pick(band)}` : sql`when e.value <= ${band.maxValue}::numeric then ${pick(band)}`,
      ),
      ' ',
    )} end`;
  return sql`
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
    from (select e.*,
                 ${bandOf((band) => sql`${band.maxValue}::numeric`)} as max_value,
                 ${bandOf((band) => sql`${band.minWorkingDays}::int`)} as min_days
            from (select c.project_id, c.contract_no, c.agency_code, c.fiscal_year, c.winner_tin,
                         t.invitation_date, t.bid_deadline, ${contractValue('c')} as value,
                         -- working days d with invitation < d ≤ deadline (engine/working-day-index.ts)
                         deadline.n - invitation.n as working_days
                    from egp_contracts c
                    join tender_events t on t.project_id = c.project_id
                    left join working_day_index invitation on invitation.day = t.invitation_date
                    left join working_day_index deadline on deadline.day = t.bid_deadline
                   where ${inFiscalYear('c.fiscal_year', context)}) e) x
`;
});
