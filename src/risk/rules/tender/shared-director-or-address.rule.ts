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
  select case when l.links is not null then 'flagged'
              when l.uncomparable is not null then 'not_calculable'
              else 'clear' end as outcome,
         ${contractKey('c')} as entity_key,
         c.agency_code, c.fiscal_year,
         1 as score,
         ${contractValue('c')} as amount,
         array[c.project_id] as project_ids,
         coalesce(l.tins, '{}') as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object('links', coalesce(l.links, '[]'::jsonb), 'uncomparableBidders', to_jsonb(l.uncomparable)) as evidence,
         case when l.links is null and l.uncomparable is not null
              then 'bidders without a registry record (directors, address) to compare: ' || array_to_string(l.uncomparable, ', ') end as reason
    from egp_contracts c
    -- the examined tenders: two or more bidders
    join (select project_id from egp_bids group by project_id having count(*) >= 2) examined on examined.project_id = c.project_id
    -- per tender: its links (a shared director or address between two bidders) and its bidders that cannot be compared
    left join (
      select coalesce(lp.project_id, u.project_id) as project_id, lp.links, lp.tins, u.bidders as uncomparable
        from (select l.project_id,
                     jsonb_agg(jsonb_build_object('vendors', jsonb_build_array(l.tin_a, l.tin_b), 'shared', l.shared, 'value', l.value)
                               order by l.tin_a, l.tin_b, l.shared, l.value) as links,
                     (select array_agg(distinct tin order by tin) from unnest(array_agg(l.tin_a) || array_agg(l.tin_b)) as tin) as tins
                from (select distinct pr.project_id, pr.tin_a, pr.tin_b, k.shared, k.value
                        -- pairs of comparable bidders (a registry record with directors or an address) of one tender
                        -- that share something: the same tests as below, so that no other pair is unnested
                        from (select ba.project_id, ba.bidder_tin as tin_a, bb.bidder_tin as tin_b,
                                     va.directors as directors_a, vb.directors as directors_b,
                                     va.address_key = vb.address_key as same_address, va.address
                                from egp_bids ba
                                join vendors va on va.tin = ba.bidder_tin
                                join egp_bids bb on bb.project_id = ba.project_id and ba.bidder_tin < bb.bidder_tin
                                join vendors vb on vb.tin = bb.bidder_tin
                               where (cardinality(va.directors) > 0 or va.address_key is not null)
                                 and (cardinality(vb.directors) > 0 or vb.address_key is not null)
                                 and (va.directors && vb.directors or va.address_key = vb.address_key)) pr
                       cross join lateral (
                               select 'director' as shared, d as value
                                 from unnest(pr.directors_a) as d
                                where d = any(pr.directors_b)
                                union all
                               select 'address', regexp_replace(btrim(pr.address), '\\s+', ' ', 'g')
                                where pr.same_address) k) l
               group by l.project_id) lp
        full join (select b.project_id, array_agg(coalesce(b.bidder_tin, b.bidder_key) order by b.bidder_key) as bidders
                     from egp_bids b
                     left join vendors v on v.tin = b.bidder_tin
                    where v.tin is null or (cardinality(v.directors) = 0 and v.address_key is null)
                    group by b.project_id) u on u.project_id = lp.project_id
    ) l on l.project_id = c.project_id
   where ${inFiscalYear('c.fiscal_year', context)}
`);
