import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractColumns, contractValue, inFiscalYear } from '../../engine/rule-sql';

/**
 * price-above-reference (OCP R031): a contract, by any method, whose value is above its reference price
 * (ราคากลาง) by more than `tolerance` of the reference price (0: any amount above). A contract without a
 * reference price (empty or zero) or without a value is not calculable. Score 1; the excess is in the evidence.
 */
export const priceAboveReference = defineRule('price-above-reference', (p, context) => sql`
  select case when e.missing is not null then 'not_calculable'
              when e.value > e.price_build * (1 + ${p.tolerance}::numeric) then 'flagged'
              else 'clear' end as outcome,
         ${contractColumns('e')},
         1 as score,
         e.value as amount,
         jsonb_build_object('method', e.method, 'contractValue', e.value::text, 'referencePrice', e.price_build::text,
                            'excess', (e.value - e.price_build)::text) as evidence,
         e.missing as reason
    from (select c.*, ${contractValue('c')} as value,
                 case when c.price_build is null or c.price_build <= 0 then 'no reference price (ราคากลาง) on record'
                      when ${contractValue('c')} is null then 'no contract price on record' end as missing
            from egp_contracts c
           where ${inFiscalYear('c.fiscal_year', context)}) e
`);
