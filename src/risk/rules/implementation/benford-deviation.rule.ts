import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { compositeKey, contractValue, inFiscalYear } from '../../engine/rule-sql';

/**
 * benford-deviation (Nigrini, OCP R029): the first-digit mean absolute deviation from Benford's law of an
 * agency's contract amounts, or of its payment amounts, in a fiscal year is above `mad`. The two sets are
 * tested apart — contract values (by the contract's fiscal year) and GFMIS payment amounts of every document
 * type (by the posting date's fiscal year) — because a payment repeats part of a contract's value; a set is
 * tested only when it holds at least `minRecords` positive amounts. Flagged when a tested set deviates; not
 * calculable when neither set is large enough. MAD = mean over digits 1–9 of |observed share − log10(1 + 1/d)|.
 * Score: the largest tested MAD / (2 × `mad`), capped at 1, so a MAD at the threshold scores 0.5.
 */
export const benfordDeviation = defineRule('benford-deviation', (p, context) => sql`
  with amounts as (
    select c.agency_code, c.fiscal_year, 'contracts' as amount_set, ${contractValue('c')} as amount
      from egp_contracts c
     where c.agency_code is not null and c.fiscal_year is not null
     union all
    select g.agency_code,
           g.fiscal_year,
           'payments', g.amount
      from gfmis_payments g
     where g.agency_code is not null and g.posting_date is not null
  ),
  digits as (
    -- the first significant digit, read from the exact decimal text (0.05 → 5): the first character left
    -- once leading zeros and the point are trimmed (cheaper than a regular expression over every amount)
    select agency_code, fiscal_year, amount_set,
           case when amount <> 'NaN' then ascii(ltrim(amount::text, '0.')) - 48 end as digit
      from amounts
     where amount > 0 and ${inFiscalYear('fiscal_year', context)}
  ),
  -- Benford's expected share of each first digit, computed once rather than for every agency and digit
  benford as materialized (
    select d.digit, log(1 + 1.0 / d.digit) as expected from generate_series(1, 9) as d(digit)
  ),
  digit_counts as (
    select agency_code, fiscal_year, amount_set, digit, count(*)::int as n
      from digits
     group by agency_code, fiscal_year, amount_set, digit
  ),
  sets as (
    select agency_code, fiscal_year, amount_set, sum(n)::int as records
      from digit_counts
     group by agency_code, fiscal_year, amount_set
  ),
  deviations as (
    select s.agency_code, s.fiscal_year, s.amount_set, s.records,
           avg(abs(coalesce(k.n, 0)::numeric / s.records - d.expected)) as mad,
           jsonb_object_agg(d.digit::text, coalesce(k.n, 0) order by d.digit) as counts
      from sets s
      cross join benford d
      left join digit_counts k on k.agency_code = s.agency_code and k.fiscal_year = s.fiscal_year
                              and k.amount_set = s.amount_set and k.digit = d.digit
     group by s.agency_code, s.fiscal_year, s.amount_set, s.records
  ),
  agencies as (
    select agency_code, fiscal_year,
           max(mad) filter (where records >= ${p.minRecords}::int) as worst_mad,
           jsonb_object_agg(amount_set, jsonb_build_object(
             'records', records,
             'tested', records >= ${p.minRecords}::int,
             'mad', round(mad, 5)::text,
             'firstDigitCounts', counts)) as sets
      from deviations
     group by agency_code, fiscal_year
  )
  select case when a.worst_mad is null then 'not_calculable'
              when a.worst_mad > ${p.mad}::numeric then 'flagged'
              else 'clear' end as outcome,
         ${compositeKey('a.agency_code', 'a.fiscal_year::text')} as entity_key,
         a.agency_code, a.fiscal_year,
         least(1, a.worst_mad / (2 * ${p.mad}::numeric)) as score,
         null::numeric as amount,
         null::text[] as project_ids,
         null::text[] as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object('mad', round(a.worst_mad, 5)::text, 'threshold', ${p.mad}::numeric,
                            'minRecords', ${p.minRecords}::int, 'sets', a.sets) as evidence,
         case when a.worst_mad is null
              then 'fewer than ' || ${p.minRecords}::int || ' contract amounts and fewer than ' || ${p.minRecords}::int || ' payment amounts' end as reason
    from agencies a
`);
