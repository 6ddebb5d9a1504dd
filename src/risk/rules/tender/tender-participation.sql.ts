import { sql, SqlFragment } from '../../../database/sql-template';
import type { RuleContext } from '../../engine/rule-definition';
import { contractValue, inFiscalYear } from '../../engine/rule-sql';

/*
 * Who bid in which tender of which fiscal year, and who won it: the common ground of co-bidding-pairs and
 * cover-bidder. A tender is an e-GP project with bids on record (egp-bidders); its fiscal year is that of
 * its contract (bids of a project with no contract yet belong to no year and are not counted).
 */

/**
 * A derived table (to put in FROM, or in a WITH inside one) of one row per tender of the run's fiscal years and
 * bidder tax id: `project_id, fiscal_year, tin, won, unknown, value`.
 * The winners of a tender are the tax ids of the bids marked winner (ผู้ชนะ), else its contracts' winners:
 * `won` says the bidder is one of them (false, never true, when neither is on record), and `unknown` that
 * neither is on record (the winner is unknown, which the rules must not read as "lost"). `value` is the sum of
 * the tender's contract values. Bidders without a tax id cannot be named as a vendor and are left out; a tax id
 * that bid twice in one tender counts once.
 */
export function tenderBidders(context: RuleContext): SqlFragment {
  return sql`(
    -- ids and tax ids compared byte-wise (collate "C": the same equal and ordered digit strings, cheaper to sort
    -- and compare when the rules join bidders to bidders)
    select b.project_id collate "C" as project_id, t.fiscal_year, b.tin collate "C" as tin,
           case when w.project_id is not null then b.won_bid else coalesce(b.tin = any(t.contract_winners), false) end as won,
           w.project_id is null and t.contract_winners is null as unknown,
           t.value
      from (select project_id, bidder_tin as tin, bool_or(status = 'winner') as won_bid
              from egp_bids
             where bidder_tin is not null
             group by project_id, bidder_tin) b
      join (select c.project_id,
                   min(c.fiscal_year)                                                as fiscal_year,
                   sum(${contractValue('c')})                                        as value,
                   array_agg(c.winner_tin) filter (where c.winner_tin is not null)   as contract_winners
              from egp_contracts c
             where exists (select 1 from egp_bids x where x.project_id = c.project_id)
             group by c.project_id) t on t.project_id = b.project_id
      -- tenders with a bid marked winner (with a tax id): their winners are those bids'
      left join (select distinct project_id from egp_bids where status = 'winner' and bidder_tin is not null) w
             on w.project_id = b.project_id
     where ${inFiscalYear('t.fiscal_year', context)}
  )`;
}
