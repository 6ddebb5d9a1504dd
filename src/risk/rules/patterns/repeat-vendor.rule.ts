import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { compositeKey, contractValue, inFiscalYear, SPECIFIC_METHOD } from '../../engine/rule-sql';

/** The share test only speaks for agencies with at least this many contracts (any method) in the year (catalogue). */
const MIN_AGENCY_CONTRACTS_FOR_SHARE = 5;

/**
 * repeat-vendor (OCP R040, GTI): one vendor wins at least `minContracts` contracts (any method) from one agency
 * in a fiscal year, or at least `share` of the agency's specific-method contract value that year — the share
 * test only for agencies with ≥ 5 contracts (any method) in the year. Every agency–vendor pair with a contract
 * in the year is examined (contracts with no agency or no winner tax id cannot be paired). When a specific-method
 * value of the agency is missing, a pair below the count is still judged when it can be: the agency's missing
 * values can only lower the vendor's share, so a share below `share` on the known values is clear. It is not
 * calculable only when one of its own specific-method values is missing, or its known share reaches `share`.
 * Score 1; amount = the vendor's contract value from the agency in the year.
 *
 * The top-level SELECT is a plain projection over a derived table (a WITH at the top would keep PostgreSQL from
 * inlining it into the engine's wrapper), so the evidence and the ordered project list are built for the rows
 * reported only.
 */
export const repeatVendor = defineRule('repeat-vendor', (p, context) => sql`
  select case when j.contracts >= ${p.minContracts}::int then 'flagged'
              when not j.share_applies then 'clear'
              when j.specific_values_missing = 0 then case when j.share >= ${p.share}::numeric then 'flagged' else 'clear' end
              when j.own_values_missing > 0 then 'not_calculable'
              when coalesce(j.share, 0) < ${p.share}::numeric then 'clear'
              else 'not_calculable' end as outcome,
         ${compositeKey('j.agency_code', 'j.winner_tin', 'j.fiscal_year')} as entity_key,
         j.agency_code, j.fiscal_year,
         1 as score,
         j.value as amount,
         (select array_agg(x.project_id order by x.contract_date, x.project_id)
            from unnest(j.project_ids, j.contract_dates) as x(project_id, contract_date)) as project_ids,
         array[j.winner_tin] as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object('contracts', j.contracts, 'minContracts', ${p.minContracts}::int,
                            'specificValue', j.specific_value::text,
                            'agencySpecificValue', j.agency_specific_value::text,
                            'share', round(j.share, 4), 'minShare', ${p.share}::numeric,
                            'agencyContracts', j.agency_contracts, 'shareApplies', j.share_applies,
                            'agencySpecificValuesMissing', j.specific_values_missing) as evidence,
         case when j.contracts >= ${p.minContracts}::int or not j.share_applies or j.specific_values_missing = 0 then null
              when j.own_values_missing > 0
              then j.own_values_missing || ' of the vendor''s specific-method contract(s) with the agency have no contract value: its share is unknown'
              when coalesce(j.share, 0) >= ${p.share}::numeric
              then 'the share on known values reaches the threshold, but ' || j.specific_values_missing
                   || ' specific-method contract(s) of the agency have no value and could lower it'
         end as reason
    from (
      -- codes and tax ids grouped byte-wise (collate "C": the same groups, cheaper to compare)
      with contracts as (
        select c.agency_code collate "C" as agency_code, c.winner_tin collate "C" as winner_tin, c.fiscal_year,
               c.project_id, c.contract_date,
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
               count(*) filter (where is_specific and value is null) as own_values_missing,
               -- unordered, so the pairs are hashed rather than sorted: ordered in the list of reported rows only
               array_agg(project_id) as project_ids,
               array_agg(contract_date) as contract_dates
          from contracts
         where winner_tin is not null
         group by agency_code, winner_tin, fiscal_year
      )
      select pr.*, a.contracts as agency_contracts, a.specific_value as agency_specific_value,
             a.specific_values_missing,
             case when a.specific_value > 0 then pr.specific_value / a.specific_value end as share,
             a.contracts >= ${MIN_AGENCY_CONTRACTS_FOR_SHARE}::int as share_applies
        from pairs pr
        join agency_years a using (agency_code, fiscal_year)
    ) j
`);
