import { sql, SqlFragment } from '../../../database/sql-template';
import type { RuleContext } from '../../engine/rule-definition';
import { inFiscalYear } from '../../engine/rule-sql';

/**
 * The CTE `winning_bids (contract_id, project_id, bidder_key, bidder_tin, amount)`: for each contract of the run's years,
 * the bid of status `winner` (egp-bidders) that won it. A project may be awarded in lots to several winners,
 * so the bid is the winner's by tax id; when the contract's tax id does not match (missing or damaged in
 * e-GP), the project's winning bid is used only if it has exactly one. A contract with neither has no row:
 * its winning bid is unknown. `amount` may be null (a bid row without its price).
 * Shared by contract-above-winning-bid, close-runner-up and abnormally-low-bid.
 */
export function winningBidsCte(context: RuleContext): SqlFragment {
  return sql`winning_bids as (
    select c.id as contract_id, c.project_id,
           coalesce(by_tin.bidder_key, only_one.bidder_key) as bidder_key,
           coalesce(by_tin.bidder_tin, only_one.bidder_tin) as bidder_tin,
           case when by_tin.bidder_key is not null then by_tin.bid_amount else only_one.bid_amount end as amount
      from egp_contracts c
      left join egp_bids by_tin
             on by_tin.project_id = c.project_id and by_tin.status = 'winner' and by_tin.bidder_tin = c.winner_tin
      left join (select project_id,
                        (array_agg(bidder_key))[1] as bidder_key,
                        (array_agg(bidder_tin))[1] as bidder_tin,
                        (array_agg(bid_amount))[1] as bid_amount
                   from egp_bids
                  where status = 'winner'
                  group by project_id
                 having count(*) = 1) only_one
             on only_one.project_id = c.project_id
     where (by_tin.bidder_key is not null or only_one.bidder_key is not null)
       and ${inFiscalYear('c.fiscal_year', context)}
  )`;
}
