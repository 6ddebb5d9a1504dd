import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { compositeKey, contractValue, inFiscalYear } from '../../engine/rule-sql';

/**
 * inspector-vendor-recurrence (OCP R043 analogue): the same person sits on the inspection committee of at
 * least `minContracts` contracts won by the same vendor in one fiscal year (by the contracts' fiscal year).
 * Every person–vendor pair that met in an inspection that year is examined; contracts with no winner tax id
 * cannot be tied to a vendor and are left out. Score: contracts inspected / (2 × minContracts), capped at 1,
 * so the bare minimum scores 0.5.
 */
export const inspectorVendorRecurrence = defineRule('inspector-vendor-recurrence', (p, context) => sql`
  with inspections as (
    select distinct m.person_id, c.winner_tin, c.fiscal_year, c.agency_code, c.project_id, c.contract_no,
           ${contractValue('c')} as value
      from committee_members m
      join egp_contracts c on c.project_id = m.project_id
     where m.committee_type = 'inspection'
       and c.winner_tin is not null
       and c.fiscal_year is not null
       and ${inFiscalYear('c.fiscal_year', context)}
  ),
  pairs as (
    select person_id, winner_tin, fiscal_year,
           count(*)::int as contracts,
           sum(value) as value,
           array_agg(project_id order by project_id) as project_ids,
           array_agg(distinct agency_code order by agency_code) filter (where agency_code is not null) as agencies
      from inspections
     group by person_id, winner_tin, fiscal_year
  )
  select case when x.contracts >= ${p.minContracts}::int then 'flagged' else 'clear' end as outcome,
         ${compositeKey('x.person_id', 'x.winner_tin', 'x.fiscal_year::text')} as entity_key,
         case when cardinality(x.agencies) = 1 then x.agencies[1] end as agency_code,
         x.fiscal_year,
         least(1, x.contracts::numeric / (2 * ${p.minContracts}::int)) as score,
         x.value as amount,
         x.project_ids,
         array[x.winner_tin] as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object('personId', x.person_id, 'personName', pe.name, 'vendorTin', x.winner_tin,
                            'contracts', x.contracts, 'agencies', to_jsonb(x.agencies), 'value', x.value::text) as evidence,
         null::text as reason
    from pairs x
    left join people pe on pe.person_id = x.person_id
`);
