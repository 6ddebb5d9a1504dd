import { sql } from '../../../database/sql-template';
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
 */
export const blacklistedVendor = defineRule('blacklisted-vendor', (_p, context) => sql`
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
  hits as (
    select c.project_id, c.contract_no,
           bool_or(l.shared_director is null) as listed_itself,
           jsonb_agg(jsonb_build_object('tin', l.listed_tin, 'name', l.listed_name, 'listedDate', l.listed_date,
                                        'liftedDate', l.lifted_date, 'orderNo', l.order_no,
                                        'sharedDirector', l.shared_director)
                     order by l.listed_tin, l.listed_date) as listings
      from egp_contracts c
      join listings l on l.winner_tin = c.winner_tin
                     and l.listed_date <= c.contract_date
                     and (l.lifted_date is null or l.lifted_date > c.contract_date)
     where ${inFiscalYear('c.fiscal_year', context)}
     group by c.project_id, c.contract_no
  )
  select case when h.listings is not null then 'flagged'
              when c.winner_tin is null or not c.winner_tin_valid or c.contract_date is null then 'not_calculable'
              else 'clear' end as outcome,
         ${contractColumns('c')},
         1 as score,
         ${contractValue('c')} as amount,
         jsonb_build_object('winnerTin', c.winner_tin, 'contractDate', c.contract_date,
                            'listedItself', h.listed_itself, 'listings', h.listings) as evidence,
         case when h.listings is not null then null
              when c.winner_tin is null then 'the winner has no tax id (egp-contracts เลขนิติบุคคล): the blacklist cannot be matched'
              when not c.winner_tin_valid then 'the winner''s tax id ' || c.winner_tin || ' fails its check digit: the blacklist cannot be matched'
              when c.contract_date is null then 'no contract signing date (egp-contracts วันที่ลงนามสัญญา)'
         end as reason
    from egp_contracts c
    left join hits h on h.project_id = c.project_id and h.contract_no = c.contract_no
   where ${inFiscalYear('c.fiscal_year', context)}
`);
