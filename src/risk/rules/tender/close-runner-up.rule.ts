import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractKey, contractValue, inFiscalYear } from '../../engine/rule-sql';
import { COMPETITIVE_METHODS } from '../../rule-file.schema';
import { winningBid } from './winning-bids';

/** Fewest tenders with a runner-up in a fiscal year for its quartiles, and so its fence, to mean anything. */
const MIN_FENCE_GROUP = 4;

/**
 * close-runner-up (OCP R024): the gap (runner-up − winning bid) / winning bid is at most `threshold`. The
 * winning bid is the winner's (winning-bids.ts); the runner-up is the lowest valid bid (status valid or
 * winner, never disqualified) of the other bidders (of equal lowest bids, the lowest bidder key's is named).
 * Every tendered contract is examined (a competitive method, or bids on record: engine/rule-sql.ts wasTendered); one with no bid rows, fewer
 * than 2 valid bids, no winning bid on record, or an unpriced bid that could be the winner or runner-up is
 * not calculable.
 *
 * With `threshold` null the rule uses a Tukey fence instead: a gap below the lower fence (Q1 − 1.5·IQR) of
 * the comparison group is flagged. The comparison group is every contract of the same fiscal year with a
 * gap (the tenders with 2 or more valid bids, in practice the competitive ones). When that group has fewer
 * than MIN_FENCE_GROUP gaps or an IQR of 0, its contracts are not calculable. Score 1.
 */
export const closeRunnerUp = defineRule('close-runner-up', (p, context) => {
  // One tender's contracts with their bids, winning bid and runner-up (the lowest valid priced bid of another
  // bidder: the first of the two lowest that is not the winner's), as one flat SELECT over egp_contracts.
  const examined = (alias: string) => {
    const w = winningBid('c', `${alias}_wb`);
    return sql`(
    select e.*, case when e.missing is null then (e.runner_up - e.winning_bid) / e.winning_bid end as gap
      from (select c.project_id, c.contract_no, c.agency_code, c.fiscal_year, c.winner_tin, c.method, c.price_agree, c.sum_price_agree,
                   n.received, n.valid, ${w.amount} as winning_bid,
                   case when n.low_keys[1] = ${w.bidderKey} then n.low_amounts[2] else n.low_amounts[1] end as runner_up,
                   case when n.low_keys[1] = ${w.bidderKey} then n.low_tins[2] else n.low_tins[1] end as runner_up_tin,
                   case when n.project_id is null then 'no bids on record for this tender (egp-bidders)'
                        when n.valid < 2 then 'fewer than 2 valid bids: no runner-up'
                        when not ${w.found} then 'no winning bid on record for this contract (egp-bidders)'
                        when ${w.amount} is null or ${w.amount} <= 0 then 'the winning bid has no price'
                        -- the winning bid is one of the valid ones, so the others are valid − 1
                        when n.valid - 1 < 1 then 'no valid bid from another bidder: no runner-up'
                        -- the winning bid has a price here, so an unpriced valid bid is another bidder's
                        when n.unpriced_valid > 0 then 'a valid bid has no price: the runner-up is unknown' end as missing
              from egp_contracts c
              left join (select project_id, count(*)::int as received,
                                count(*) filter (where status in ('valid', 'winner'))::int as valid,
                                count(*) filter (where status in ('valid', 'winner') and bid_amount is null)::int as unpriced_valid,
                                array[min(bidder_key) filter (where low = 1), min(bidder_key) filter (where low = 2)] as low_keys,
                                array[min(bid_amount) filter (where low = 1), min(bid_amount) filter (where low = 2)] as low_amounts,
                                array[min(bidder_tin) filter (where low = 1), min(bidder_tin) filter (where low = 2)] as low_tins
                           -- low: rank of a valid priced bid in its tender, by price then bidder key (null for the others)
                           from (select project_id, status, bid_amount, bidder_key, bidder_tin,
                                        case when status in ('valid', 'winner') and bid_amount is not null
                                             then row_number() over (partition by project_id, status in ('valid', 'winner') and bid_amount is not null
                                                                     order by bid_amount, bidder_key) end as low
                                   from egp_bids) ranked
                          group by project_id) n on n.project_id = c.project_id
              ${w.joins}
             -- wasTendered (engine/rule-sql.ts): a competitive method, or bids on record (n is this tender's bids)
             where ${inFiscalYear('c.fiscal_year', context)}
               and (c.method = any(${COMPETITIVE_METHODS}) or n.project_id is not null)
            -- a fence against inlining: each row's values are computed here once, not once per use above
            offset 0) e
  )`;
  };
  // The fence is needed only without a fixed threshold: then the gaps of each fiscal year are gathered first.
  const fenced = p.threshold === null;
  const fences = fenced
    ? sql`left join (select g.fiscal_year, count(*)::int as tenders,
                            percentile_cont(0.25) within group (order by g.gap) as q1,
                            percentile_cont(0.75) within group (order by g.gap) as q3
                       from ${examined('f')} g
                      where g.gap is not null
                      group by g.fiscal_year) f on f.fiscal_year is not distinct from g.fiscal_year`
    : sql``;
  const tenders = fenced ? sql`f.tenders` : sql`null::int`;
  const q1 = fenced ? sql`f.q1` : sql`null::float8`;
  const q3 = fenced ? sql`f.q3` : sql`null::float8`;
  return sql`
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
    from (select g.*, ${tenders} as tenders, ${q1} as q1, ${q3} as q3, ${q1} - 1.5 * (${q3} - ${q1}) as lower_fence,
                 case when g.missing is not null then g.missing
                      when ${p.threshold}::numeric is not null then null
                      when ${tenders} < ${MIN_FENCE_GROUP}::int
                        then 'fewer than ' || ${MIN_FENCE_GROUP}::int || ' tenders with a runner-up in the fiscal year: no fence'
                      when ${q3} = ${q1} then 'the gaps of the fiscal year have no spread (IQR 0): the fence is degenerate' end as reason
            from ${examined('g')} g
            ${fences}) j
`;
});
