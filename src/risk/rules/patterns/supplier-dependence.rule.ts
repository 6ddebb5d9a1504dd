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
 * How it runs: the contracts are grouped by vendor and year (totals, project ids) and by vendor, year and
 * buyer; the buyer groups of each vendor-year are gathered into arrays in value order, whose first element
 * is the top buyer. The evidence's `buyers` is built from those arrays for reported vendors (flagged or not
 * calculable) only: the top-level SELECT is a plain projection (no WITH), so the engine inlines it and skips
 * clear rows' evidence (building JSON for every vendor-year cost about 1.7 s at 500k contracts).
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
                            'minShare', ${p.share}::numeric,
                            'buyers', (select jsonb_agg(jsonb_build_object('buyer', u.buyer, 'contracts', u.contracts, 'value', u.value::text)
                                                        order by u.n)
                                         from unnest(j.buyers, j.buyer_contracts, j.buyer_values) with ordinality as u(buyer, contracts, value, n))) as evidence,
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
      -- per vendor and year, its buyers from the largest value down (the first by name among equals): the
      -- first is the top buyer; the lists become the evidence's buyers for reported vendors only
      buyers as (
        select b.winner_tin, b.fiscal_year,
               array_agg(b.buyer order by b.value desc, b.buyer) as buyers,
               array_agg(b.agency_code order by b.value desc, b.buyer) as agency_codes,
               array_agg(b.contracts order by b.value desc, b.buyer) as buyer_contracts,
               array_agg(b.value order by b.value desc, b.buyer) as buyer_values
          from by_buyer b
         group by 1, 2
      )
      select v.winner_tin, v.fiscal_year, v.contracts, v.total, v.values_missing, v.project_ids,
             t.buyers, t.buyer_contracts, t.buyer_values,
             t.buyers[1] as top_buyer, t.agency_codes[1] as top_agency_code, t.buyer_values[1] as top_value,
             case when v.values_missing = 0 and v.total > 0 then t.buyer_values[1] / v.total end as share
        from vendor_years v
        join buyers t on t.winner_tin = v.winner_tin and t.fiscal_year = v.fiscal_year
    ) j
`);

/** Who bought: the agency, or a buyer outside the audit universe by its name. */
function buyer(alias: string) {
  return raw(`coalesce(${alias}.agency_code, 'unmatched: ' || ${alias}.dept_name)`);
}
