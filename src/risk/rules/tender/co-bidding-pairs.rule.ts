import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { compositeKey } from '../../engine/rule-sql';
import { tenderParticipation } from './tender-participation.sql';

/**
 * co-bidding-pairs (OCP R053/R057): two vendors bid in the same tenders at least `minTenders` times within a
 * fiscal year, and the same one of them won at least `winShare` of those tenders. Every pair of vendors that
 * met in a tender of the year is examined (key `tinA|tinB|fiscalYear`, tinA < tinB).
 * Not calculable when the winner of some common tenders is unknown and those tenders alone decide the
 * outcome (the pair would be flagged if the dominant bidder had won them).
 * Score: the dominant bidder's share of the common tenders (≥ winShare when flagged).
 */
export const coBiddingPairs = defineRule('co-bidding-pairs', (p, context) => sql`
  with ${tenderParticipation(context)},
  pair_tenders as (
    select a.tin as tin_a, b.tin as tin_b, a.fiscal_year, a.project_id
      from tender_bidders a
      join tender_bidders b on b.project_id = a.project_id and a.tin < b.tin
  ),
  pairs as (
    select pt.tin_a, pt.tin_b, pt.fiscal_year,
           count(*)::int                                          as common,
           count(*) filter (where pt.tin_a = any(t.winners))::int as wins_a,
           count(*) filter (where pt.tin_b = any(t.winners))::int as wins_b,
           count(*) filter (where t.winners is null)::int         as unknown,
           sum(t.value)                                           as value,
           array_agg(pt.project_id order by pt.project_id)        as project_ids
      from pair_tenders pt
      join tenders t on t.project_id = pt.project_id
     group by pt.tin_a, pt.tin_b, pt.fiscal_year
  ),
  judged as (
    select pr.*,
           greatest(pr.wins_a, pr.wins_b)                                   as top_wins,
           case when pr.wins_a >= pr.wins_b then pr.tin_a else pr.tin_b end as top_winner,
           pr.common >= ${p.minTenders}::int                                as enough
      from pairs pr
  )
  select case when j.enough and j.top_wins >= ${p.winShare}::numeric * j.common             then 'flagged'
              when j.enough and j.top_wins + j.unknown >= ${p.winShare}::numeric * j.common then 'not_calculable'
              else 'clear' end as outcome,
         ${compositeKey('j.tin_a', 'j.tin_b', 'j.fiscal_year')} as entity_key,
         null::text as agency_code,
         j.fiscal_year,
         round(j.top_wins::numeric / j.common, 4) as score,
         j.value as amount,
         j.project_ids,
         array[j.tin_a, j.tin_b] as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object('commonTenders', j.common,
                            'wins', jsonb_build_object(j.tin_a, j.wins_a, j.tin_b, j.wins_b),
                            'unknownWinner', j.unknown,
                            'dominantWinner', j.top_winner,
                            'dominantShare', round(j.top_wins::numeric / j.common, 4)::text,
                            'projectIds', to_jsonb(j.project_ids)) as evidence,
         case when j.enough and j.top_wins < ${p.winShare}::numeric * j.common
                   and j.top_wins + j.unknown >= ${p.winShare}::numeric * j.common
              then format('the winner of %s of the %s common tenders is not on record', j.unknown, j.common) end as reason
    from judged j
`);
