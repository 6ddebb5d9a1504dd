import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractColumns, contractValue, inFiscalYear } from '../../engine/rule-sql';
import { COMPETITIVE_METHODS } from '../../rule-file.schema';

/**
 * price-near-reference (OCP R031): a contract awarded by a competitive method whose value is at least
 * `ratio` × its reference price (ราคากลาง): the competition did not bring the price down. A contract
 * without a reference price (empty or zero) or without a value is not calculable. Score 1.
 */
export const priceNearReference = defineRule('price-near-reference', (p, context) => sql`
  select case when e.missing is not null then 'not_calculable'
              when e.value >= ${p.ratio}::numeric * e.price_build then 'flagged'
              else 'clear' end as outcome,
         ${contractColumns('e')},
         1 as score,
         e.value as amount,
         jsonb_build_object('method', e.method, 'contractValue', e.value::text, 'referencePrice', e.price_build::text,
                            'ratio', case when e.missing is null then round(e.value / e.price_build, 4)::text end) as evidence,
         e.missing as reason
    from (select c.*, ${contractValue('c')} as value,
                 case when c.price_build is null or c.price_build <= 0 then 'no reference price (ราคากลาง) on record'
                      when ${contractValue('c')} is null then 'no contract price on record' end as missing
            from egp_contracts c
           where c.method = any(${COMPETITIVE_METHODS}) and ${inFiscalYear('c.fiscal_year', context)}) e
`);
