import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractColumns, contractValue, inFiscalYear } from '../../engine/rule-sql';
import { OPEN_METHODS } from '../../rule-file.schema';

/**
 * contract-before-standstill (Act s.66): a contract awarded by an open method (e-bidding, e-market, price
 * inquiry) signed fewer than `days` working days after the winner was announced (working days d with
 * announcement < d ≤ signing), leaving no time to appeal. Every open-method contract is examined; not
 * calculable when the announcement (tender events) or the signing date is missing, or a date lies outside
 * the working-day calendar.
 * Score: the part of the period cut short, (days − workingDays) / days (capped to 0–1).
 */
export const contractBeforeStandstill = defineRule('contract-before-standstill', (p, context) => sql`
  select case when x.working_days is null        then 'not_calculable'
              when x.working_days < ${p.days}::int then 'flagged'
              else 'clear' end as outcome,
         ${contractColumns('x')},
         coalesce(round(least(1, greatest(0, (${p.days}::int - x.working_days)::numeric / nullif(${p.days}::int, 0))), 4), 1) as score,
         ${contractValue('x')} as amount,
         jsonb_build_object('method', x.method, 'winnerAnnounced', x.winner_announced, 'contractDate', x.contract_date,
                            'workingDays', x.working_days, 'minWorkingDays', ${p.days}::int) as evidence,
         case when x.winner_announced is null then 'no winner announcement date (tender events)'
              when x.contract_date is null    then 'no contract signing date'
              when x.working_days is null     then 'a date outside the working-day calendar' end as reason
    from (select c.project_id, c.contract_no, c.agency_code, c.fiscal_year, c.winner_tin, c.method, c.contract_date,
                 c.price_agree, c.sum_price_agree, t.winner_announced,
                 -- working days d with announcement < d ≤ signing (engine/working-day-index.ts)
                 signed.n - announced.n as working_days
            from egp_contracts c
            left join tender_events t on t.project_id = c.project_id
            left join working_day_index announced on announced.day = t.winner_announced
            left join working_day_index signed on signed.day = c.contract_date
           where c.method = any(${OPEN_METHODS}) and ${inFiscalYear('c.fiscal_year', context)}) x
`);
