import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractColumns, contractValue, inFiscalYear } from '../../engine/rule-sql';

/**
 * reference-above-budget (OCP R016): a contract, by any method, whose reference price (ราคากลาง) is above
 * the budget of the purchase (งบประมาณ) by more than `tolerance` of the budget (0: any excess). A contract
 * missing either amount (empty, or a budget of zero) is not calculable. Score 1; the excess is in the evidence.
 */
export const referenceAboveBudget = defineRule('reference-above-budget', (p, context) => sql`
  select case when e.missing is not null then 'not_calculable'
              when e.price_build > e.project_money * (1 + ${p.tolerance}::numeric) then 'flagged'
              else 'clear' end as outcome,
         ${contractColumns('e')},
         1 as score,
         ${contractValue('e')} as amount,
         jsonb_build_object('method', e.method, 'referencePrice', e.price_build::text, 'budget', e.project_money::text,
                            'excess', (e.price_build - e.project_money)::text) as evidence,
         e.missing as reason
    from (select c.*,
                 case when c.project_money is null or c.project_money <= 0 then 'no budget (งบประมาณ) on record'
                      when c.price_build is null then 'no reference price (ราคากลาง) on record' end as missing
            from egp_contracts c
           where ${inFiscalYear('c.fiscal_year', context)}) e
`);
