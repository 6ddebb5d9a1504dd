import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { compositeKey, contractValue, inFiscalYear, SPECIFIC_METHOD } from '../../engine/rule-sql';

/** The share test only speaks for agencies with at least this many contracts (any method) in the year (catalogue). */
const MIN_AGENCY_CONTRACTS_FOR_SHARE = 5;

/**
 * repeat-vendor (OCP R040, GTI): one vendor wins at least `minContracts` contracts (any method) from one agency
 * in a fiscal year, or at least `share` of the agency's specific-method contract value that year — the share
 * test only for agencies with ≥ 5 contracts (any method) in the year. Every agency–vendor pair with a contract
 * in the year is examined (contracts with no agency or no winner tax id cannot be paired). A pair below the count
 * is not calculable when its share decides and a specific-method value of the agency is missing.
 * Score 1; amount = the vendor's contract value from the agency in the year.
 */
export const repeatVendor = defineRule('repeat-vendor', (p, context) => sql`
  with contracts as (
    select c.agency_code, c.winner_tin, c.fiscal_year, c.project_id, c.contract_date,
           c.method = ${SPECIFIC_METHOD} as is_specific,
           ${contractValue('c')} as value
      from egp_contracts c
     where c.agency_code is not null and ${inFiscalYear('c.fiscal_year', context)}
  ),
  agency_years as (
    select agency_code, fiscal_year,
           count(*)::int as contracts,
           coalesce(sum(value) filter (where is_specific), 0) as specific_value,
           count(*) filter (where is_specific and value is null) as specific_values_missing
      from contracts
     group by agency_code, fiscal_year
  ),
  pairs as (
    select agency_code, winner_tin, fiscal_year,
           count(*)::int as contracts,
           sum(value) as value,
           coalesce(sum(value) filter (where is_specific), 0) as specific_value,
           array_agg(project_id order by contract_date, project_id) as project_ids
      from contracts
     where winner_tin is not null
     group by agency_code, winner_tin, fiscal_year
  ),
  judged as (
    select pr.*, a.contracts as agency_contracts, a.specific_value as agency_specific_value,
           a.specific_values_missing,
           case when a.specific_value > 0 then pr.specific_value / a.specific_value end as share,
           a.contracts >= ${MIN_AGENCY_CONTRACTS_FOR_SHARE}::int as share_applies
      from pairs pr
      join agency_years a using (agency_code, fiscal_year)
  )
  select case when j.contracts >= ${p.minContracts}::int then 'flagged'
              when not j.share_applies then 'clear'
              when j.specific_values_missing > 0 then 'not_calculable'
              when j.share >= ${p.share}::numeric then 'flagged'
              else 'clear' end as outcome,
         ${compositeKey('j.agency_code', 'j.winner_tin', 'j.fiscal_year')} as entity_key,
         j.agency_code, j.fiscal_year,
         1 as score,
         j.value as amount,
         j.project_ids,
         array[j.winner_tin] as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object('contracts', j.contracts, 'minContracts', ${p.minContracts}::int,
                            'specificValue', j.specific_value::text,
                            'agencySpecificValue', j.agency_specific_value::text,
                            'share', round(j.share, 4), 'minShare', ${p.share}::numeric,
                            'agencyContracts', j.agency_contracts, 'shareApplies', j.share_applies) as evidence,
         case when j.contracts < ${p.minContracts}::int and j.share_applies and j.specific_values_missing > 0
              then j.specific_values_missing || ' specific-method contract(s) of the agency have no contract value: its share is unknown'
         end as reason
    from judged j
`);
