import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { compositeKey, contractValue, inFiscalYear } from '../../engine/rule-sql';

/** The catalogue examines vendors with at least this many contracts in the year. */
const MIN_VENDOR_CONTRACTS = 3;

/**
 * supplier-dependence (GTI): at least `share` of a vendor's contract value in a fiscal year comes from one
 * agency, for vendors with ≥ 3 contracts (any method) in the year. A buyer outside the audit universe (no
 * agency code) counts as a buyer of its own, by name. Not calculable when a contract value of the vendor is
 * missing or its total is zero. The flag belongs to the agency the vendor depends on (agency_code).
 * Score = the share from that agency (0–1); amount = the value from that agency.
 */
export const supplierDependence = defineRule('supplier-dependence', (p, context) => sql`
  with contracts as (
    select c.winner_tin, c.fiscal_year, c.agency_code, c.project_id, c.contract_date,
           coalesce(c.agency_code, 'unmatched: ' || c.dept_name) as buyer,
           ${contractValue('c')} as value
      from egp_contracts c
     where c.winner_tin is not null and ${inFiscalYear('c.fiscal_year', context)}
  ),
  by_buyer as (
    select winner_tin, fiscal_year, buyer, agency_code,
           count(*)::int as contracts, coalesce(sum(value), 0) as value
      from contracts
     group by winner_tin, fiscal_year, buyer, agency_code
  ),
  vendor_years as (
    select winner_tin, fiscal_year,
           count(*)::int as contracts,
           coalesce(sum(value), 0) as total,
           count(*) filter (where value is null) as values_missing,
           array_agg(project_id order by contract_date, project_id) as project_ids
      from contracts
     group by winner_tin, fiscal_year
    having count(*) >= ${MIN_VENDOR_CONTRACTS}::int
  ),
  top_buyer as (
    select distinct on (winner_tin, fiscal_year) winner_tin, fiscal_year, buyer, agency_code, value
      from by_buyer
     order by winner_tin, fiscal_year, value desc, buyer
  ),
  buyers as (
    select winner_tin, fiscal_year,
           jsonb_agg(jsonb_build_object('buyer', buyer, 'contracts', contracts, 'value', value::text)
                     order by value desc, buyer) as list
      from by_buyer
     group by winner_tin, fiscal_year
  ),
  judged as (
    select v.*, t.buyer as top_buyer, t.agency_code as top_agency_code, t.value as top_value, b.list as buyers,
           case when v.values_missing = 0 and v.total > 0 then t.value / v.total end as share
      from vendor_years v
      join top_buyer t using (winner_tin, fiscal_year)
      join buyers b using (winner_tin, fiscal_year)
  )
  select case when j.share is null then 'not_calculable'
              when j.share >= ${p.share}::numeric then 'flagged'
              else 'clear' end as outcome,
         ${compositeKey('j.winner_tin', 'j.fiscal_year')} as entity_key,
         j.top_agency_code as agency_code, j.fiscal_year,
         j.share as score,
         j.top_value as amount,
         j.project_ids,
         array[j.winner_tin] as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object('contracts', j.contracts, 'total', j.total::text, 'topBuyer', j.top_buyer,
                            'topBuyerValue', j.top_value::text, 'share', round(j.share, 4),
                            'minShare', ${p.share}::numeric, 'buyers', j.buyers) as evidence,
         case when j.values_missing > 0 then j.values_missing || ' contract(s) of the vendor have no contract value'
              when j.share is null then 'the vendor''s contract value in the year is zero' end as reason
    from judged j
`);
