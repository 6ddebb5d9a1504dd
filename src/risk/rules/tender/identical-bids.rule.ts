import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractKey, contractValue, inFiscalYear } from '../../engine/rule-sql';
import { COMPETITIVE_METHODS } from '../../rule-file.schema';

/**
 * identical-bids (OCP R028): two or more different bidders in the same tender offered exactly the same
 * price (all bids received count, valid and disqualified; the same price in different tenders does not).
 * Every tendered contract is examined (a competitive method, or bids on record: engine/rule-sql.ts wasTendered). One with no bid rows is not calculable (bids unknown), and so is one where
 * a bid has no price and no two priced bids match (the unpriced one might). Score 1.
 */
export const identicalBids = defineRule('identical-bids', (_p, context) => sql`
  select case when i.project_id is not null then 'flagged'
              when n.project_id is null then 'not_calculable'
              when n.unpriced > 0 then 'not_calculable'
              else 'clear' end as outcome,
         ${contractKey('c')} as entity_key,
         c.agency_code, c.fiscal_year,
         1 as score,
         ${contractValue('c')} as amount,
         array[c.project_id] as project_ids,
         coalesce(i.tins, array_remove(array[c.winner_tin], null)) as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object('method', c.method, 'bidsReceived', n.received, 'identicalPrices', i.prices) as evidence,
         case when i.project_id is not null then null
              when n.project_id is null then 'no bids on record for this tender (egp-bidders)'
              when n.unpriced > 0 then n.unpriced || ' of ' || n.received || ' bids have no price' end as reason
    from egp_contracts c
    left join (select project_id, count(*)::int as received, count(*) filter (where bid_amount is null)::int as unpriced
                 from egp_bids
                group by project_id) n on n.project_id = c.project_id
    left join (select s.project_id,
                      jsonb_agg(jsonb_build_object('amount', s.bid_amount::text, 'bidders', s.bidders) order by s.bid_amount) as prices,
                      (select array_agg(distinct b.bidder_tin)
                         from egp_bids b
                        where b.project_id = s.project_id and b.bid_amount = any(array_agg(s.bid_amount))) as tins
                 from (select b.project_id, b.bid_amount,
                              jsonb_agg(jsonb_build_object('bidderTin', b.bidder_tin, 'bidderName', b.bidder_name, 'status', b.status)
                                        order by b.bidder_key) as bidders
                         from egp_bids b
                         -- the prices offered twice or more in a tender, found before any evidence is built
                         join (select project_id, bid_amount
                                 from egp_bids
                                where bid_amount is not null
                                group by project_id, bid_amount
                               having count(*) >= 2) twice on twice.project_id = b.project_id and twice.bid_amount = b.bid_amount
                        group by b.project_id, b.bid_amount) s
                group by s.project_id) i on i.project_id = c.project_id
   -- wasTendered (engine/rule-sql.ts): a competitive method, or bids on record (n is this tender's bids)
   where ${inFiscalYear('c.fiscal_year', context)} and (c.method = any(${COMPETITIVE_METHODS}) or n.project_id is not null)
`);
