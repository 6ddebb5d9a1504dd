import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { compositeKey, contractValue, inFiscalYear, sortedArray } from '../../engine/rule-sql';

/**
 * inspector-vendor-recurrence (OCP R043 analogue): the same person sits on the inspection committee of at
 * least `minContracts` contracts won by the same vendor in one fiscal year (by the contracts' fiscal year).
 * Every person–vendor pair that met in an inspection that year is examined; contracts with no winner tax id
 * cannot be tied to a vendor and are left out. Score: contracts inspected / (2 × minContracts), capped at 1,
 * so the bare minimum scores 0.5.
 *
 * Speed (500k contracts, ~840k pairs): the pairs are counted with a plain hash aggregate (no ordered
 * aggregate, no `distinct`: a person sits once per committee and (project_id, contract_no) is unique), which
 * also gathers each pair's project ids and agencies unsorted. Sorting them, and the person's name, are left to
 * the lists and evidence, which the engine evaluates for flagged rows only (the query has no top-level WITH,
 * so PostgreSQL inlines it into the engine's insert). Gathering the lists in the aggregate costs less than
 * looking the contracts up again per flagged pair (about 3 s less at 500k: those lookups visit the heap at
 * random).
 */
export const inspectorVendorRecurrence = defineRule('inspector-vendor-recurrence', (p, context) => sql`
  select case when x.contracts >= ${p.minContracts}::int then 'flagged' else 'clear' end as outcome,
         ${compositeKey('x.person_id', 'x.winner_tin', 'x.fiscal_year::text')} as entity_key,
         case when x.agency_min = x.agency_max then x.agency_min end as agency_code,
         x.fiscal_year,
         least(1, x.contracts::numeric / (2 * ${p.minContracts}::int)) as score,
         x.value as amount,
         ${sortedArray('x.project_ids')} as project_ids,
         array[x.winner_tin] as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object('personId', x.person_id,
                            'personName', (select pe.name from people pe where pe.person_id = x.person_id),
                            'vendorTin', x.winner_tin,
                            'contracts', x.contracts,
                            'agencies', (select to_jsonb(array_agg(distinct a order by a)) from unnest(x.agency_codes) a where a is not null),
                            'value', x.value::text) as evidence,
         null::text as reason
    from (  -- a subquery, not a WITH: the engine can then inline this query and skip the lists of clear pairs
      select m.person_id, c.winner_tin, c.fiscal_year,
             count(*)::int as contracts,
             array_agg(c.project_id) as project_ids,
             array_agg(c.agency_code) as agency_codes,
             sum(${contractValue('c')}) as value,
             min(c.agency_code) as agency_min,
             max(c.agency_code) as agency_max
        from committee_members m
        join egp_contracts c on c.project_id = m.project_id
       where m.committee_type = 'inspection'
         and c.winner_tin is not null
         and c.fiscal_year is not null
         and ${inFiscalYear('c.fiscal_year', context)}
       group by m.person_id, c.winner_tin, c.fiscal_year
    ) as x
`);
