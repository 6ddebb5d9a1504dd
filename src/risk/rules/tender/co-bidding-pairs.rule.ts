import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { compositeKey, sortedArray } from '../../engine/rule-sql';
import { tenderBidders } from './tender-participation.sql';

/**
 * co-bidding-pairs (OCP R053/R057): two vendors bid in the same tenders at least `minTenders` times within a
 * fiscal year, and the same one of them won at least `winShare` of those tenders. Every pair of vendors that
 * met in a tender of the year is examined (key `tinA|tinB|fiscalYear`, tinA < tinB).
 * Not calculable when the winner of some common tenders is unknown and those tenders alone decide the
 * outcome (the pair would be flagged if the dominant bidder had won them).
 * Score: the dominant bidder's share of the common tenders (≥ winShare when flagged).
 */
export const coBiddingPairs = defineRule('co-bidding-pairs', (p, context) => sql`
  select case when j.enough and j.top_wins >= ${p.winShare}::numeric * j.common             then 'flagged'
              when j.enough and j.top_wins + j.unknown >= ${p.winShare}::numeric * j.common then 'not_calculable'
              else 'clear' end as outcome,
         ${compositeKey('j.tin_a', 'j.tin_b', 'j.fiscal_year')} as entity_key,
         null::text as agency_code,
         j.fiscal_year,
         round(j.top_wins::numeric / j.common, 4) as score,
         j.value as amount,
         ${sortedArray('j.project_ids')} as project_ids,
         array[j.tin_a, j.tin_b] as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object('commonTenders', j.common,
                            'wins', jsonb_build_object(j.tin_a, j.wins_a, j.tin_b, j.wins_b),
                            'unknownWinner', j.unknown,
                            'dominantWinner', j.top_winner,
                            'dominantShare', round(j.top_wins::numeric / j.common, 4)::text,
                            'projectIds', to_jsonb(${sortedArray('j.project_ids')})) as evidence,
         case when j.enough and j.top_wins < ${p.winShare}::numeric * j.common
                   and j.top_wins + j.unknown >= ${p.winShare}::numeric * j.common
              then format('the winner of %s of the %s common tenders is not on record', j.unknown, j.common) end as reason
    from (
      with tender_bidders as ${tenderBidders(context)}
      select pr.*,
             greatest(pr.wins_a, pr.wins_b)                                   as top_wins,
             case when pr.wins_a >= pr.wins_b then pr.tin_a else pr.tin_b end as top_winner,
             pr.common >= ${p.minTenders}::int                                as enough
        from (select a.tin as tin_a, b.tin as tin_b, a.fiscal_year,
                     count(*)::int                            as common,
                     count(*) filter (where a.won)::int       as wins_a,
                     count(*) filter (where b.won)::int       as wins_b,
                     count(*) filter (where a.unknown)::int   as unknown,
                     sum(a.value)                             as value,
                     -- in no order: sorted above, only for the rows whose lists are kept
                     array_agg(a.project_id)                  as project_ids
                from tender_bidders a
                join tender_bidders b on b.project_id = a.project_id and a.tin < b.tin
               group by a.tin, b.tin, a.fiscal_year) pr
    ) j
`);
