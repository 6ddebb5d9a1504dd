import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractColumns, contractValue, inFiscalYear, wasTendered } from '../../engine/rule-sql';
import { winningBid } from './winning-bids';

/**
 * contract-above-winning-bid (OCP R059): a contract whose value is above the winner's bid by more than
 * `tolerance` of the bid (0: any excess): the price rose after the award. Every tendered contract is examined (a competitive method, or bids on record: engine/rule-sql.ts wasTendered); one
 * without a winning bid on record (egp-bidders, see winning-bids.ts), without the bid's price or without a
 * value is not calculable. Score 1; the excess is in the evidence.
 */
export const contractAboveWinningBid = defineRule('contract-above-winning-bid', (p, context) => {
  const w = winningBid('c');
  return sql`
  select case when e.missing is not null then 'not_calculable'
              when e.value > e.winning_bid * (1 + ${p.tolerance}::numeric) then 'flagged'
              else 'clear' end as outcome,
         ${contractColumns('e')},
         1 as score,
         e.value as amount,
         jsonb_build_object('method', e.method, 'contractValue', e.value::text, 'winningBid', e.winning_bid::text,
                            'excess', (e.value - e.winning_bid)::text) as evidence,
         e.missing as reason
    from (select c.project_id, c.contract_no, c.agency_code, c.fiscal_year, c.winner_tin, c.method,
                 ${contractValue('c')} as value, ${w.amount} as winning_bid,
                 case when not ${w.found} then 'no winning bid on record for this contract (egp-bidders)'
                      when ${w.amount} is null then 'the winning bid has no price'
                      when ${contractValue('c')} is null then 'no contract price on record' end as missing
            from egp_contracts c
            ${w.joins}
           where ${inFiscalYear('c.fiscal_year', context)} and ${wasTendered('c')}) e
`;
});
