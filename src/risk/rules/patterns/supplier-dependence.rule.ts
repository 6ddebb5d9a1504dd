import { raw, sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { compositeKey, contractValue, inFiscalYear } from '../../engine/rule-sql';

/** The catalogue examines vendors with at least this many contracts in the year. */
const MIN_VENDOR_CONTRACTS = 3;

/**
 * supplier-dependence (GTI): at least `share` of a vendor's contract value in a fiscal year comes from one
 * agency, for vendors with ≥ 3 contracts (any method) in the year. A buyer outside the audit universe (no
 * agency code) counts as a buyer of its own, by name. Not calculable when a contract value of the vendor is
 * missing or its total is zero. The flag belongs to the agency the vendor depends on (agency_code); between
 * buyers of the same value, the first by name. Score = the share from that agency (0–1); amount = the value
 * from that agency.
 *
 * How it runs: the contracts are grouped once by vendor, year and buyer; vendor totals and the top buyer come
 * from those groups by hashing. The lists (project ids, evidence `buyers`) are gathered for the vendors
 * reported (flagged or not calculable) only: a clear row carries none, as the engine keeps none of a clear
 * row. The top-level SELECT is a plain projection (no WITH), so the engine builds evidence for reported rows only.
 */
export const supplierDependence = defineRule('supplier-dependence', (p, context) => sql`
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
    from (
      -- tax ids grouped and sorted byte-wise (collate "C", same groups): several times faster to sort
      with vendor_years as (
        select c.winner_tin collate "C" as winner_tin, c.fiscal_year,
               count(*)::int as contracts,
               coalesce(sum(${contractValue('c')}), 0) as total,
               count(*) filter (where ${contractValue('c')} is null)::int as values_missing,
               array_agg(c.project_id order by c.contract_date, c.project_id) as project_ids
          from egp_contracts c
         where c.winner_tin is not null and ${inFiscalYear('c.fiscal_year', context)}
         group by 1, 2
        having count(*) >= ${MIN_VENDOR_CONTRACTS}::int
      ),
      by_buyer as (
        select c.winner_tin collate "C" as winner_tin, c.fiscal_year, ${buyer('c')} as buyer, c.agency_code,
               count(*)::int as contracts, coalesce(sum(${contractValue('c')}), 0) as value
          from egp_contracts c
         where c.winner_tin is not null and ${inFiscalYear('c.fiscal_year', context)}
         group by 1, 2, 3, 4
      ),
      top_buyer as (
        -- per vendor and year: the buyer of the largest value (the first by name among equals) and the list
        select *
          from (select b.winner_tin, b.fiscal_year, b.buyer, b.agency_code, b.value,
                       row_number() over by_value as rank,
                       jsonb_agg(jsonb_build_object('buyer', b.buyer, 'contracts', b.contracts, 'value', b.value::text))
                         over (by_value rows between unbounded preceding and unbounded following) as buyers
                  from by_buyer b
                window by_value as (partition by b.winner_tin, b.fiscal_year order by b.value desc, b.buyer)) ranked
         where rank = 1
      )
      select v.winner_tin, v.fiscal_year, v.contracts, v.total, v.values_missing, v.project_ids,
             t.buyer as top_buyer, t.agency_code as top_agency_code, t.value as top_value, t.buyers,
             case when v.values_missing = 0 and v.total > 0 then t.value / v.total end as share
        from vendor_years v
        join top_buyer t on t.winner_tin = v.winner_tin and t.fiscal_year = v.fiscal_year
    ) j
`);

/** Who bought: the agency, or a buyer outside the audit universe by its name. */
function buyer(alias: string) {
  return raw(`coalesce(${alias}.agency_code, 'unmatched: ' || ${alias}.dept_name)`);
}
