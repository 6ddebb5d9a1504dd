import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractColumns, contractValue, inFiscalYear, wasTendered } from '../../engine/rule-sql';
import { winningBid } from './winning-bids';

/**
 * abnormally-low-bid (OCP R058): the winning bid is at most `ratio` × the reference price (ราคากลาง), a
 * price so low it may lead to poor delivery or later price changes. Every tendered contract is examined (a competitive method, or bids on record: engine/rule-sql.ts wasTendered); one without
 * a winning bid on record (egp-bidders, see winning-bids.ts) or its price, or without a reference price
 * (empty or zero), is not calculable. Score 1; the ratio is in the evidence.
 */
export const abnormallyLowBid = defineRule('abnormally-low-bid', (p, context) => {
  const w = winningBid('c');
  return sql`
  select case when e.missing is not null then 'not_calculable'
              when e.winning_bid <= ${p.ratio}::numeric * e.price_build then 'flagged'
              else 'clear' end as outcome,
         ${contractColumns('e')},
         1 as score,
         ${contractValue('e')} as amount,
         jsonb_build_object('method', e.method, 'winningBid', e.winning_bid::text, 'referencePrice', e.price_build::text,
                            'ratio', case when e.missing is null then round(e.winning_bid / e.price_build, 4)::text end) as evidence,
         e.missing as reason
    from (select c.project_id, c.contract_no, c.agency_code, c.fiscal_year, c.winner_tin, c.method, c.price_build,
                 c.price_agree, c.sum_price_agree, ${w.amount} as winning_bid,
                 case when not ${w.found} then 'no winning bid on record for this contract (egp-bidders)'
                      when ${w.amount} is null then 'the winning bid has no price'
                      when c.price_build is null or c.price_build <= 0 then 'no reference price (ราคากลาง) on record' end as missing
            from egp_contracts c
            ${w.joins}
           where ${inFiscalYear('c.fiscal_year', context)} and ${wasTendered('c')}) e
`;
});
