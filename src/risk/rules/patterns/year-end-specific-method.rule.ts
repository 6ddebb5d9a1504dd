import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractColumns, contractValue, inFiscalYear, SPECIFIC_METHOD } from '../../engine/rule-sql';

/**
 * year-end-specific-method (ACT): a specific-method contract signed in the last `days` calendar days of the
 * fiscal year that its signing date falls in, both ends included: 30 September − (days − 1) … 30 September
 * (days 30: 1–30 September). Every specific-method contract is examined; one with no signing date is not
 * calculable. Score 1; amount = the contract value.
 */
export const yearEndSpecificMethod = defineRule('year-end-specific-method', (p, context) => sql`
  select case when c.contract_date is null then 'not_calculable'
              when c.contract_date > y.fiscal_year_end - ${p.days}::int then 'flagged'
              else 'clear' end as outcome,
         ${contractColumns('c')},
         1 as score,
         ${contractValue('c')} as amount,
         jsonb_build_object('contractDate', c.contract_date, 'fiscalYearEnd', y.fiscal_year_end,
                            'daysBeforeEnd', y.fiscal_year_end - c.contract_date, 'days', ${p.days}::int) as evidence,
         case when c.contract_date is null then 'no contract signing date (egp-contracts วันที่ลงนามสัญญา)' end as reason
    from egp_contracts c
   cross join lateral (
         -- 30 September of the fiscal year the contract was signed in (from October on, the next one): the
         -- year of the date 92 days later (30 September + 92 = 31 December, 1 October + 92 = 1 January).
         -- date_part (float) rather than extract (numeric): it runs on every specific-method contract.
         select make_date(date_part('year', c.contract_date + 92)::int, 9, 30) as fiscal_year_end
         ) y
   where c.method = ${SPECIFIC_METHOD} and ${inFiscalYear('c.fiscal_year', context)}
`);
