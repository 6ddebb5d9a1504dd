import { sql, SqlFragment } from '../../../database/sql-template';
import type { RuleContext } from '../../engine/rule-definition';
import { contractValue, inFiscalYear } from '../../engine/rule-sql';

/*
 * Who bid in which tender of which fiscal year, and who won it: the common ground of co-bidding-pairs and
 * cover-bidder. A tender is an e-GP project with bids on record (egp-bidders); its fiscal year is that of
 * its contract (bids of a project with no contract yet belong to no year and are not counted).
 */

/**
 * The CTEs `tenders` (project_id, fiscal_year, value, winners) and `tender_bidders` (project_id, fiscal_year, tin).
 * `winners` are the tax ids of the bids marked winner (ผู้ชนะ), else the contract's winner; null when neither
 * is on record (the winner is unknown, which the rules must not read as "lost").
 * Bidders without a tax id cannot be named as a vendor and are left out. Only tenders of the run's
 * fiscal year are kept.
 */
export function tenderParticipation(context: RuleContext): SqlFragment {
  return sql`
  tender_contracts as (
    select c.project_id,
           min(c.fiscal_year)                                                       as fiscal_year,
           sum(${contractValue('c')})                                               as value,
           array_agg(distinct c.winner_tin) filter (where c.winner_tin is not null) as contract_winners
      from egp_contracts c
     where exists (select 1 from egp_bids b where b.project_id = c.project_id)
     group by c.project_id
  ),
  bid_winners as (
    select b.project_id, array_agg(distinct b.bidder_tin) as tins
      from egp_bids b
     where b.status = 'winner' and b.bidder_tin is not null
     group by b.project_id
  ),
  tenders as (
    select t.project_id, t.fiscal_year, t.value, coalesce(w.tins, t.contract_winners) as winners
      from tender_contracts t
      left join bid_winners w on w.project_id = t.project_id
     where ${inFiscalYear('t.fiscal_year', context)}
  ),
  tender_bidders as (
    select distinct b.project_id, t.fiscal_year, b.bidder_tin as tin
      from egp_bids b
      join tenders t on t.project_id = b.project_id
     where b.bidder_tin is not null
  )`;
}
