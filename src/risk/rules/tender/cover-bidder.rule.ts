import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { compositeKey, sortedArray } from '../../engine/rule-sql';
import { tenderBidders } from './tender-participation.sql';

/**
 * cover-bidder (OCP R025): a vendor that bid in at least `minTenders` tenders in the fiscal year and won none
 * of them. Every vendor (tax id) that bid in a tender of the year is examined (key `tin|fiscalYear`).
 * Not calculable when it has enough tenders and no win on record, but the winner of some of its tenders is
 * unknown (it may have won those). Score 1.
 */
export const coverBidder = defineRule('cover-bidder', (p, context) => sql`
  select case when v.tenders < ${p.minTenders}::int or v.wins > 0 then 'clear'
              when v.unknown > 0                                then 'not_calculable'
              else 'flagged' end as outcome,
         ${compositeKey('v.tin', 'v.fiscal_year')} as entity_key,
         null::text as agency_code,
         v.fiscal_year,
         1 as score,
         null::numeric as amount,
         ${sortedArray('v.project_ids')} as project_ids,
         array[v.tin] as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object('tenders', v.tenders, 'wins', v.wins, 'unknownWinner', v.unknown,
                            'projectIds', to_jsonb(${sortedArray('v.project_ids')})) as evidence,
         case when v.tenders >= ${p.minTenders}::int and v.wins = 0 and v.unknown > 0
              then format('no win on record, but the winner of %s of its %s tenders is unknown', v.unknown, v.tenders) end as reason
    from (select b.tin, b.fiscal_year,
                 count(*)::int                          as tenders,
                 count(*) filter (where b.won)::int     as wins,
                 count(*) filter (where b.unknown)::int as unknown,
                 -- in no order: sorted above, only for the rows whose lists are kept
                 array_agg(b.project_id)                as project_ids
            from ${tenderBidders(context)} b
           group by b.tin, b.fiscal_year) v
`);
