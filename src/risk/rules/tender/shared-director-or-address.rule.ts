import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractKey, contractValue, inFiscalYear } from '../../engine/rule-sql';

/**
 * shared-director-or-address (OCP R044): two bidders in the same tender share a director or an address in
 * the vendor registry (vendors.directors, and vendors.address_key: the address folded by the importer so
 * spacing, punctuation and abbreviations do not matter). Every contract whose tender has two or more
 * bidders is examined.
 * Not calculable when no shared director or address was found but a bidder cannot be compared: it has no
 * tax id, no registry record, or neither directors nor address on record. Score 1.
 */
export const sharedDirectorOrAddress = defineRule('shared-director-or-address', (_p, context) => sql`
  with examined as (
    select c.*
      from egp_contracts c
     where ${inFiscalYear('c.fiscal_year', context)}
       and c.project_id in (select b.project_id from egp_bids b group by b.project_id having count(*) >= 2)
  ),
  bidders as (
    select b.project_id, b.bidder_key, b.bidder_tin,
           v.tin is not null and (cardinality(v.directors) > 0 or v.address_key is not null) as comparable,
           v.directors, v.address_key,
           regexp_replace(btrim(v.address), '\\s+', ' ', 'g') as address
      from egp_bids b
      left join vendors v on v.tin = b.bidder_tin
     where b.project_id in (select project_id from examined)
  ),
  pairs as (
    select a.project_id, a.bidder_tin as tin_a, b.bidder_tin as tin_b,
           a.directors as directors_a, b.directors as directors_b,
           a.address_key = b.address_key as same_address, a.address
      from bidders a
      join bidders b on b.project_id = a.project_id and a.bidder_tin < b.bidder_tin
     where a.comparable and b.comparable
  ),
  links as (
    select pr.project_id, pr.tin_a, pr.tin_b, 'director' as shared, d as value
      from pairs pr
     cross join lateral unnest(pr.directors_a) as d
     where d = any(pr.directors_b)
     union
    select pr.project_id, pr.tin_a, pr.tin_b, 'address', pr.address
      from pairs pr
     where pr.same_address
  ),
  links_by_project as (
    select l.project_id,
           jsonb_agg(jsonb_build_object('vendors', jsonb_build_array(l.tin_a, l.tin_b), 'shared', l.shared, 'value', l.value)
                     order by l.tin_a, l.tin_b, l.shared, l.value) as links,
           (select array_agg(distinct tin order by tin) from unnest(array_agg(l.tin_a) || array_agg(l.tin_b)) as tin) as tins
      from links l
     group by l.project_id
  ),
  uncomparable as (
    select project_id, array_agg(coalesce(bidder_tin, bidder_key) order by bidder_key) as bidders
      from bidders
     where not comparable
     group by project_id
  )
  select case when l.project_id is not null then 'flagged'
              when u.project_id is not null then 'not_calculable'
              else 'clear' end as outcome,
         ${contractKey('c')} as entity_key,
         c.agency_code, c.fiscal_year,
         1 as score,
         ${contractValue('c')} as amount,
         array[c.project_id] as project_ids,
         coalesce(l.tins, '{}') as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object('links', coalesce(l.links, '[]'::jsonb), 'uncomparableBidders', to_jsonb(u.bidders)) as evidence,
         case when l.project_id is null and u.project_id is not null
              then 'bidders without a registry record (directors, address) to compare: ' || array_to_string(u.bidders, ', ') end as reason
    from examined c
    left join links_by_project l on l.project_id = c.project_id
    left join uncomparable u on u.project_id = c.project_id
`);
