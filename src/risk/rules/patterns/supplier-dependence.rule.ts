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
 * How it runs: the contracts are grouped once, by vendor, year and buyer; the buyers of each vendor-year are
 * ranked by value in one sort (the first is the top buyer) and added up into the vendor-year's totals. The outcome is
 * decided there, and the lists (project ids, the evidence's `buyers`) are gathered for the vendors reported
 * (flagged or not calculable) only: gathering them for every vendor-year cost about 4 s of the rule's 6.5 s
 * at 500k contracts, where 46k vendor-years are examined. A clear row carries no lists.
 */
export const supplierDependence = defineRule('supplier-dependence', (p, context) => sql`
  select j.outcome,
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
      with by_buyer as (
        select c.winner_tin collate "C" as winner_tin, c.fiscal_year, ${buyer('c')} as buyer, c.agency_code,
               count(*)::int as contracts, coalesce(sum(${contractValue('c')}), 0) as value,
               count(*) filter (where ${contractValue('c')} is null)::int as values_missing
          from egp_contracts c
         where c.winner_tin is not null and ${inFiscalYear('c.fiscal_year', context)}
         group by 1, 2, 3, 4
      ),
      -- per vendor and year, its buyers ranked from the largest value down (the first by name among equals)
      ranked as (
        select b.*, row_number() over (partition by b.winner_tin, b.fiscal_year order by b.value desc, b.buyer) as rank
          from by_buyer b
      ),
      -- the vendor-years examined, totalled from their buyers (one pass over the contracts, not two)
      vendor_years as (
        select r.winner_tin, r.fiscal_year, sum(r.contracts)::int as contracts, sum(r.value) as total,
               sum(r.values_missing)::int as values_missing
          from ranked r
         group by 1, 2
        having sum(r.contracts) >= ${MIN_VENDOR_CONTRACTS}::int
      ),
      verdicts as (
        select v.*, t.buyer as top_buyer, t.agency_code as top_agency_code, t.value as top_value, s.share,
               case when s.share is null then 'not_calculable'
                    when s.share >= ${p.share}::numeric then 'flagged'
                    else 'clear' end as outcome
          from vendor_years v
          join ranked t on t.winner_tin = v.winner_tin and t.fiscal_year = v.fiscal_year and t.rank = 1
          cross join lateral (select case when v.values_missing = 0 and v.total > 0 then t.value / v.total end as share) s
      ),
      reported as (
        select winner_tin, fiscal_year from verdicts where outcome <> 'clear'
      ),
      -- the lists, for the reported vendors only; materialized, so that a join the planner makes a nested loop
      -- (it expects few reported vendors) rescans the finished lists rather than rebuilding them per vendor
      buyer_lists as materialized (
        select r.winner_tin, r.fiscal_year,
               jsonb_agg(jsonb_build_object('buyer', r.buyer, 'contracts', r.contracts, 'value', r.value::text) order by r.rank) as buyers
          from ranked r
          join reported k on k.winner_tin = r.winner_tin and k.fiscal_year = r.fiscal_year
         group by 1, 2
      ),
      project_lists as materialized (
        select k.winner_tin, k.fiscal_year, array_agg(c.project_id order by c.contract_date, c.project_id) as project_ids
          from egp_contracts c
          -- compared under the column's own collation, so that the index on winner_tin can serve it: the planner
          -- expects few reported vendors and would otherwise scan all contracts once per vendor
          join reported k on c.winner_tin = k.winner_tin collate "default" and k.fiscal_year = c.fiscal_year
         group by 1, 2
      )
      select v.*, b.buyers, l.project_ids
        from verdicts v
        left join buyer_lists b on b.winner_tin = v.winner_tin and b.fiscal_year = v.fiscal_year
        left join project_lists l on l.winner_tin = v.winner_tin and l.fiscal_year = v.fiscal_year
    ) j
`);

/** Who bought: the agency, or a buyer outside the audit universe by its name. */
function buyer(alias: string) {
  return raw(`coalesce(${alias}.agency_code, 'unmatched: ' || ${alias}.dept_name)`);
}
