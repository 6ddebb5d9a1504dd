import { raw, sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { compositeKey, contractValue, inFiscalYear, SPECIFIC_METHOD } from '../../engine/rule-sql';

/** Fewer agencies than this in a fiscal year give no meaningful quartiles: the year is not calculable. */
const MIN_AGENCIES = 4;

/**
 * non-competitive-share (OCP R013, GTI): an agency's share of contract value by the specific method in a fiscal
 * year (specific-method value / all contract value of the agency) above the upper Tukey fence Q3 + 1.5 × IQR
 * over the agencies of that fiscal year (quartiles by linear interpolation, computed in exact numeric).
 * Agencies are those of the audit universe with a contract in the year (unmatched buyers are not agencies).
 * Not calculable: an agency whose share is unknown (a contract value missing, or total value zero); every
 * agency of a year with fewer than 4 known shares, or whose fence degenerates (IQR 0).
 * Score = the agency's share (0–1); amount = its specific-method value.
 */
export const nonCompetitiveShare = defineRule('non-competitive-share', (_p, context) => sql`
  with agency_years as (
    select c.agency_code, c.fiscal_year,
           count(*)::int as contracts,
           coalesce(sum(${contractValue('c')}), 0) as total,
           coalesce(sum(${contractValue('c')}) filter (where c.method = ${SPECIFIC_METHOD}), 0) as specific_value,
           count(*) filter (where ${contractValue('c')} is null) as values_missing
      from egp_contracts c
     where c.agency_code is not null and ${inFiscalYear('c.fiscal_year', context)}
     group by c.agency_code, c.fiscal_year
  ),
  shares as (
    select a.*, case when a.values_missing = 0 and a.total > 0 then a.specific_value / a.total end as share
      from agency_years a
  ),
  ordered as (
    select fiscal_year, count(*)::int as n, array_agg(share order by share) as x
      from shares
     where share is not null
     group by fiscal_year
  ),
  quartiles as (
    select fiscal_year, n, ${quartile(0.25)} as q1, ${quartile(0.75)} as q3
      from ordered
  ),
  fences as (
    select q.*, q.q3 - q.q1 as iqr, q.q3 + 1.5 * (q.q3 - q.q1) as fence
      from quartiles q
  ),
  judged as (
    select s.*, f.n, f.q1, f.q3, f.iqr, f.fence,
           case when s.share is null and s.values_missing > 0
                     then s.values_missing || ' contract(s) of the agency have no contract value: its share is unknown'
                when s.share is null then 'the agency''s contract value in the year is zero'
                when f.n < ${MIN_AGENCIES}::int
                     then 'only ' || f.n || ' agencies with a known share in the fiscal year: too few for quartiles'
                when f.iqr = 0 then 'the fence degenerates: the interquartile range of the shares is 0'
           end as reason
      from shares s
      left join fences f using (fiscal_year)
  )
  select case when j.reason is not null then 'not_calculable'
              when j.share > j.fence then 'flagged'
              else 'clear' end as outcome,
         ${compositeKey('j.agency_code', 'j.fiscal_year')} as entity_key,
         j.agency_code, j.fiscal_year,
         j.share as score,
         j.specific_value as amount,
         null::text[] as project_ids,
         null::text[] as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object('share', round(j.share, 4), 'specificValue', j.specific_value::text, 'total', j.total::text,
                            'contracts', j.contracts, 'agencies', j.n, 'q1', round(j.q1, 4), 'q3', round(j.q3, 4),
                            'fence', round(j.fence, 4)) as evidence,
         j.reason
    from judged j
`);

/**
 * The p-quantile of the sorted array `x` of `n` values by linear interpolation between order statistics
 * (h = (n − 1)·p; x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]), 0-based), as spreadsheets and numpy do.
 */
function quartile(p: 0.25 | 0.75) {
  const h = `(n - 1) * ${p}`;
  const below = `x[floor(${h})::int + 1]`;
  const above = `x[least(floor(${h})::int + 2, n)]`;
  return raw(`(${below} + (${h} - floor(${h})) * (${above} - ${below}))`);
}
