import { raw, sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractColumns, contractValue, inFiscalYear } from '../../engine/rule-sql';

/**
 * blacklisted-vendor (OCP R046, ACT): the winner, or a related firm, is on the blacklist (ผู้ทิ้งงาน) at the
 * contract date: listed on or before it and not lifted by then (lifted_date null or after it). A related firm
 * is another firm of the vendor registry sharing a director with the winner (directors compared with spaces
 * normalised). Every contract is examined; not calculable when the winner's tax id is missing or fails its
 * check digit (the blacklist cannot be matched), or the contract date is missing — unless a listing matches
 * anyway. A winner outside the registry (sole traders) is checked against the blacklist directly only.
 * Score 1; amount = the contract value.
 *
 * How it runs: the listings (a few hundred: each listed firm, and the firms sharing a director with one) are
 * gathered per tainted tax id, joined once to the contracts, and only the contracts of a tainted winner have
 * theirs checked against the contract date. The top-level SELECT is a plain projection (no WITH) so that
 * the evidence is built for the rows reported only.
 */
export const blacklistedVendor = defineRule('blacklisted-vendor', (_p, context) => sql`
  select case when ${IN_FORCE_AT_CONTRACT_DATE} then 'flagged'
              when c.winner_tin is null or not c.winner_tin_valid or c.contract_date is null then 'not_calculable'
              else 'clear' end as outcome,
         ${contractColumns('c')},
         1 as score,
         ${contractValue('c')} as amount,
         jsonb_build_object('winnerTin', c.winner_tin, 'contractDate', c.contract_date,
                            'listedItself', ${listingsInForce(raw('bool_or(l.shared_director is null)'))},
                            'listings', ${listingsInForce(
                              raw(`jsonb_agg(jsonb_build_object('tin', l.listed_tin, 'name', l.listed_name,
                                                                'listedDate', l.listed_date, 'liftedDate', l.lifted_date,
                                                                'orderNo', l.order_no, 'sharedDirector', l.shared_director)
                                             order by l.listed_tin, l.listed_date)`),
                            )}) as evidence,
         case when ${IN_FORCE_AT_CONTRACT_DATE} then null
              when c.winner_tin is null then 'the winner has no tax id (egp-contracts เลขนิติบุคคล): the blacklist cannot be matched'
              when not c.winner_tin_valid then 'the winner''s tax id ' || c.winner_tin || ' fails its check digit: the blacklist cannot be matched'
              when c.contract_date is null then 'no contract signing date (egp-contracts วันที่ลงนามสัญญา)'
         end as reason
    from (
      with listed_directors as (
        select b.tin, b.name, b.listed_date, b.lifted_date, b.order_no,
               regexp_replace(btrim(d.name), '\\s+', ' ', 'g') as director
          from blacklist_entries b
          join vendors v on v.tin = b.tin
         cross join lateral unnest(v.directors) d(name)
         where btrim(d.name) <> ''
      ),
      listings as (
        -- a listed firm taints itself, and every firm sharing a director with it
        select b.tin as winner_tin, b.tin as listed_tin, b.name as listed_name, b.listed_date, b.lifted_date, b.order_no,
               null::text as shared_director
          from blacklist_entries b
        union all
        select v.tin, l.tin, l.name, l.listed_date, l.lifted_date, l.order_no, l.director
          from vendors v
         cross join lateral unnest(v.directors) d(name)
          join listed_directors l on l.director = regexp_replace(btrim(d.name), '\\s+', ' ', 'g') and l.tin <> v.tin
      ),
      tainted as (
        -- one row per tainted tax id, its listings side by side in arrays
        select winner_tin,
               array_agg(listed_tin) as listed_tins, array_agg(listed_name) as listed_names,
               array_agg(listed_date) as listed_dates, array_agg(lifted_date) as lifted_dates,
               array_agg(order_no) as order_nos, array_agg(shared_director) as shared_directors
          from listings
         group by winner_tin
      )
      select c.project_id, c.contract_no, c.agency_code, c.fiscal_year, c.winner_tin, c.winner_tin_valid,
             c.contract_date, c.price_agree, c.sum_price_agree,
             t.listed_tins, t.listed_names, t.listed_dates, t.lifted_dates, t.order_nos, t.shared_directors
        from egp_contracts c
        left join tainted t on t.winner_tin = c.winner_tin
       where ${inFiscalYear('c.fiscal_year', context)}
    ) c
`);

/** `select <what>` over the listings of the contract's winner in force at the contract date. */
function listingsInForce(what: ReturnType<typeof raw>) {
  return sql`(select ${what}
                from unnest(c.listed_tins, c.listed_names, c.listed_dates, c.lifted_dates, c.order_nos, c.shared_directors)
                     as l(listed_tin, listed_name, listed_date, lifted_date, order_no, shared_director)
               where l.listed_date <= c.contract_date and (l.lifted_date is null or l.lifted_date > c.contract_date))`;
}

/** The winner is tainted and one of its listings is in force at the contract date (looked at for tainted winners only). */
const IN_FORCE_AT_CONTRACT_DATE = sql`(c.listed_tins is not null and exists ${listingsInForce(raw('1'))})`;
