import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractColumns, contractValue, inFiscalYear } from '../../engine/rule-sql';

/**
 * few-bidders (OCP R019): a contract awarded by the selection method (คัดเลือก, which must invite at least
 * three firms) that received fewer than `min` bids. Bids received are all submitted bids, valid and
 * disqualified. A selection contract with no bid rows at all is not calculable: its bids are unknown, not zero.
 * Score: how far below the minimum, (min − received) / (min − 1), so a single bid scores 1.
 */
export const fewBidders = defineRule('few-bidders', (p, context) => sql`
  select case when b.received is null then 'not_calculable'
              when b.received < ${p.min}::int then 'flagged'
              else 'clear' end as outcome,
         ${contractColumns('c')},
         round(least(1, (${p.min}::int - b.received)::numeric / (${p.min}::int - 1)), 4) as score,
         ${contractValue('c')} as amount,
         jsonb_build_object('method', c.method, 'bidsReceived', b.received, 'minimum', ${p.min}::int) as evidence,
         case when b.received is null then 'no bids on record for this tender (egp-bidders)' end as reason
    from egp_contracts c
    left join (select project_id, count(*)::int as received from egp_bids group by project_id) b on b.project_id = c.project_id
   where c.method = 'selection' and ${inFiscalYear('c.fiscal_year', context)}
`);
