import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractColumns, contractValue, inFiscalYear } from '../../engine/rule-sql';

/**
 * single-bidder (OCP R018): a contract awarded by a competitive method with exactly one bid received.
 * Bids received are all submitted bids, valid and disqualified. A contract with no bid rows at all is
 * not calculable: its bids are unknown, not zero.
 */
export const singleBidder = defineRule('single-bidder', (p, context) => sql`
  select case when b.received is null then 'not_calculable'
              when b.received = 1 then 'flagged'
              else 'clear' end as outcome,
         ${contractColumns('c')},
         1 as score,
         ${contractValue('c')} as amount,
         jsonb_build_object('method', c.method, 'bidsReceived', b.received) as evidence,
         case when b.received is null then 'no bids on record for this tender (egp-bidders)' end as reason
    from egp_contracts c
    left join (select project_id, count(*)::int as received from egp_bids group by project_id) b on b.project_id = c.project_id
   where c.method = any(${p.methods}) and ${inFiscalYear('c.fiscal_year', context)}
`);
