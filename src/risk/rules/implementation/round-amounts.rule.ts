import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { compositeKey, contractValue, inFiscalYear } from '../../engine/rule-sql';

/**
 * round-amounts (groucho): the share of an agency's amounts in a fiscal year that are multiples of
 * `multiple` is above the upper Tukey fence (Q3 + 1.5 × IQR, quartiles by linear interpolation) over the
 * shares of every agency with amounts that year. An agency's amounts are its contract values (by the
 * contract's fiscal year) and its GFMIS payment amounts (by the posting date's fiscal year), together.
 * When the fence degenerates (IQR 0) every agency of that year is not calculable rather than half of them
 * flagged. Score: (share − fence) / (1 − fence), at most 1.
 */
export const roundAmounts = defineRule('round-amounts', (p, context) => sql`
  with amounts as (
    select c.agency_code, c.fiscal_year, ${contractValue('c')} as amount
      from egp_contracts c
     where c.agency_code is not null and c.fiscal_year is not null
     union all
    select g.agency_code,
           g.fiscal_year,
           g.amount
      from gfmis_payments g
     where g.agency_code is not null and g.posting_date is not null
  ),
  counts as (
    -- each amount is tested once
    select agency_code, fiscal_year,
           count(*)::int as records,
           count(*) filter (where amount % ${p.multiple}::numeric = 0)::int as round_records
      from amounts
     where amount > 0 and ${inFiscalYear('fiscal_year', context)}
     group by agency_code, fiscal_year
  ),
  shares as (
    select agency_code, fiscal_year, records, round_records, round_records::numeric / records as share
      from counts
  ),
  fences as (
    select fiscal_year,
           count(*)::int as agencies,
           percentile_cont(0.25) within group (order by share) as q1,
           percentile_cont(0.75) within group (order by share) as q3
      from shares
     group by fiscal_year
  ),
  judged as (
    select s.*, f.agencies, f.q1, f.q3,
           f.q3 - f.q1 as iqr,
           f.q3 + 1.5 * (f.q3 - f.q1) as fence
      from shares s
      join fences f on f.fiscal_year = s.fiscal_year
  )
  select case when j.iqr = 0 then 'not_calculable'
              when j.share > j.fence then 'flagged'
              else 'clear' end as outcome,
         ${compositeKey('j.agency_code', 'j.fiscal_year::text')} as entity_key,
         j.agency_code, j.fiscal_year,
         case when j.fence < 1 then least(1, (j.share - j.fence) / (1 - j.fence)) end as score,
         null::numeric as amount,
         null::text[] as project_ids,
         null::text[] as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object('share', round(j.share, 4)::text, 'roundAmounts', j.round_records, 'amounts', j.records,
                            'multiple', ${p.multiple}::numeric, 'fence', round(j.fence::numeric, 4)::text,
                            'q1', round(j.q1::numeric, 4)::text, 'q3', round(j.q3::numeric, 4)::text,
                            'agenciesCompared', j.agencies) as evidence,
         case when j.iqr = 0
              then 'the fence across the ' || j.agencies || ' agencies degenerates (IQR 0): their shares of round amounts are too alike' end as reason
    from judged j
`);
