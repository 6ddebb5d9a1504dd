import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractColumns, contractValue, fiscalYearEnds, inFiscalYear, SPECIFIC_METHOD } from '../../engine/rule-sql';

/**
 * year-end-specific-method (ACT): a specific-method contract signed in the last `days` calendar days of the
 * fiscal year that its signing date falls in, both ends included: 30 September − (days − 1) … 30 September
 * (days 30: 1–30 September). Every specific-method contract is examined; one with no signing date is not
 * calculable. Score 1; amount = the contract value.
 */
export const yearEndSpecificMethod = defineRule('year-end-specific-method', (p, context) => sql`
  select case when c.contract_date is null or y.year_end is null then 'not_calculable'
              when c.contract_date > y.year_end - ${p.days}::int then 'flagged'
              else 'clear' end as outcome,
         ${contractColumns('c')},
         1 as score,
         ${contractValue('c')} as amount,
         jsonb_build_object('contractDate', c.contract_date, 'fiscalYearEnd', y.year_end,
                            'daysBeforeEnd', y.year_end - c.contract_date, 'days', ${p.days}::int) as evidence,
         case when c.contract_date is null then 'no contract signing date (egp-contracts วันที่ลงนามสัญญา)'
              when y.year_end is null then 'no fiscal year' end as reason
    from egp_contracts c
    left join ${fiscalYearEnds()} y on y.fiscal_year = c.fiscal_year
   where c.method = ${SPECIFIC_METHOD} and ${inFiscalYear('c.fiscal_year', context)}
`);
