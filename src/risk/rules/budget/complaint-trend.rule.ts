import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { compositeKey, inFiscalYear } from '../../engine/rule-sql';

/**
 * complaint-trend (seed document): for each agency and complaint category with complaints this fiscal year,
 * flagged when this year's count ≥ `minCount` and (this − last) / last ≥ `increase`, any rise from zero
 * counting. Last year is read even when the run names one year. Below `minCount` it is clear whatever last
 * year held. At or above it, not calculable when no complaint at all (any agency, any category) is recorded
 * for last year: that year's complaints were not loaded, so there is nothing to compare with — a zero there
 * would make every busy category of the first year on record look like a rise.
 * Complaints with no agency are not examined (the entity is agency–category). Score 1.
 */
export const complaintTrend = defineRule('complaint-trend', (p, context) => sql`
  with counts as (
    select agency_code, category, fiscal_year, count(*)::int as complaints,
           array_agg(complaint_no order by received_date, complaint_no) as complaint_nos
      from complaints
     where agency_code is not null
     group by agency_code, category, fiscal_year
  ),
  years_on_record as (
    select distinct fiscal_year from complaints
  ),
  compared as (
    select t.agency_code, t.category, t.fiscal_year, t.complaints as this_year, t.complaint_nos,
           coalesce(l.complaints, 0) as last_year,
           exists (select 1 from years_on_record y where y.fiscal_year = t.fiscal_year - 1) as last_year_on_record
      from counts t
      left join counts l
        on l.agency_code = t.agency_code and l.category = t.category and l.fiscal_year = t.fiscal_year - 1
     where ${inFiscalYear('t.fiscal_year', context)}
  )
  select case when c.this_year < ${p.minCount}::int then 'clear'
              when not c.last_year_on_record then 'not_calculable'
              when c.last_year = 0 or (c.this_year - c.last_year)::numeric / c.last_year >= ${p.increase}::numeric then 'flagged'
              else 'clear' end as outcome,
         ${compositeKey('c.agency_code', 'c.category', 'c.fiscal_year')} as entity_key,
         c.agency_code, c.fiscal_year,
         1 as score,
         null::numeric as amount,
         null::text[] as project_ids,
         null::text[] as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object('category', c.category, 'thisYear', c.this_year, 'lastYear', c.last_year,
                            'increase', case when c.last_year > 0
                                             then round((c.this_year - c.last_year)::numeric / c.last_year, 4)::text end,
                            'complaintNos', c.complaint_nos) as evidence,
         case when c.this_year >= ${p.minCount}::int and not c.last_year_on_record
              then 'no complaints recorded for fiscal year ' || (c.fiscal_year - 1) || ': nothing to compare with' end as reason
    from compared c
`);
