import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractKey, contractValue, inFiscalYear, wasTendered } from '../../engine/rule-sql';
import { winningBidsCte } from './winning-bids';

/** Fewest tenders with a runner-up in a fiscal year for its quartiles, and so its fence, to mean anything. */
const MIN_FENCE_GROUP = 4;

/**
 * close-runner-up (OCP R024): the gap (runner-up − winning bid) / winning bid is at most `threshold`. The
 * winning bid is the winner's (winning-bids.ts); the runner-up is the lowest valid bid (status valid or
 * winner, never disqualified) of the other bidders. Every tendered contract is examined (a competitive method, or bids on record: engine/rule-sql.ts wasTendered); one with no bid rows, fewer
 * than 2 valid bids, no winning bid on record, or an unpriced bid that could be the winner or runner-up is
 * not calculable.
 *
 * With `threshold` null the rule uses a Tukey fence instead: a gap below the lower fence (Q1 − 1.5·IQR) of
 * the comparison group is flagged. The comparison group is every contract of the same fiscal year with a
 * gap (the tenders with 2 or more valid bids, in practice the competitive ones). When that group has fewer
 * than MIN_FENCE_GROUP gaps or an IQR of 0, its contracts are not calculable. Score 1.
 */
export const closeRunnerUp = defineRule('close-runner-up', (p, context) => sql`
  with ${winningBidsCte(context)},
  bid_counts as (
    select project_id, count(*)::int as received,
           count(*) filter (where status in ('valid', 'winner'))::int as valid
      from egp_bids
     group by project_id
  ),
  runner_ups as (
    select w.contract_id,
           min(b.bid_amount) as amount,
           (array_agg(b.bidder_tin order by b.bid_amount) filter (where b.bid_amount is not null))[1] as bidder_tin,
           bool_or(b.bid_amount is null) as some_unpriced
      from winning_bids w
      join egp_bids b on b.project_id = w.project_id and b.bidder_key <> w.bidder_key
                     and b.status in ('valid', 'winner')
     group by w.contract_id
  ),
  examined as (
    select c.*, n.received, n.valid, w.amount as winning_bid, w.bidder_tin as winning_tin,
           r.amount as runner_up, r.bidder_tin as runner_up_tin,
           case when n.project_id is null then 'no bids on record for this tender (egp-bidders)'
                when n.valid < 2 then 'fewer than 2 valid bids: no runner-up'
                when w.contract_id is null then 'no winning bid on record for this contract (egp-bidders)'
                when w.amount is null or w.amount <= 0 then 'the winning bid has no price'
                when r.contract_id is null then 'no valid bid from another bidder: no runner-up'
                when r.some_unpriced then 'a valid bid has no price: the runner-up is unknown' end as missing
      from egp_contracts c
      left join bid_counts n on n.project_id = c.project_id
      left join winning_bids w on w.contract_id = c.id
      left join runner_ups r on r.contract_id = w.contract_id
     where ${inFiscalYear('c.fiscal_year', context)} and ${wasTendered('c')}
  ),
  gaps as (
    select e.*, case when e.missing is null then (e.runner_up - e.winning_bid) / e.winning_bid end as gap
      from examined e
  ),
  fences as (
    select fiscal_year, count(*)::int as tenders,
           percentile_cont(0.25) within group (order by gap) as q1,
           percentile_cont(0.75) within group (order by gap) as q3
      from gaps
     where gap is not null
     group by fiscal_year
  ),
  judged as (
    select g.*, f.tenders, f.q1, f.q3, f.q1 - 1.5 * (f.q3 - f.q1) as lower_fence,
           case when g.missing is not null then g.missing
                when ${p.threshold}::numeric is not null then null
                when f.tenders < ${MIN_FENCE_GROUP}::int
                  then 'fewer than ' || ${MIN_FENCE_GROUP}::int || ' tenders with a runner-up in the fiscal year: no fence'
                when f.q3 = f.q1 then 'the gaps of the fiscal year have no spread (IQR 0): the fence is degenerate' end as reason
      from gaps g
      left join fences f on f.fiscal_year is not distinct from g.fiscal_year
  )
  select case when j.reason is not null then 'not_calculable'
              when ${p.threshold}::numeric is not null
                then case when j.runner_up - j.winning_bid <= ${p.threshold}::numeric * j.winning_bid then 'flagged' else 'clear' end
              when j.gap < j.lower_fence then 'flagged'
              else 'clear' end as outcome,
         ${contractKey('j')} as entity_key,
         j.agency_code, j.fiscal_year,
         1 as score,
         ${contractValue('j')} as amount,
         array[j.project_id] as project_ids,
         array_remove(array[j.winner_tin, j.runner_up_tin], null) as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object('method', j.method, 'bidsReceived', j.received, 'validBids', j.valid,
                            'winningBid', j.winning_bid::text, 'runnerUp', j.runner_up::text, 'runnerUpTin', j.runner_up_tin,
                            'gap', round(j.gap, 6)::text, 'threshold', ${p.threshold}::numeric,
                            'fence', case when ${p.threshold}::numeric is null and j.tenders is not null
                                          then jsonb_build_object('group', 'fiscal year ' || j.fiscal_year, 'tenders', j.tenders,
                                                                  'q1', j.q1, 'q3', j.q3, 'lower', j.lower_fence) end) as evidence,
         j.reason
    from judged j
`);
