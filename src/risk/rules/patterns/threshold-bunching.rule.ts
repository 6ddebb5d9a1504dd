import { join, sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractColumns, contractValue, inFiscalYear, SPECIFIC_METHOD } from '../../engine/rule-sql';

/**
 * threshold-bunching (OCP R002): a specific-method contract priced within `band` below one of the legal
 * `limits`, i.e. limit × (1 − band) ≤ value ≤ limit (both edges included). Every specific-method contract is
 * examined; one with no contract value is not calculable. When bands of two limits overlap, the evidence
 * names the lowest limit the value sits under. Score 1; amount = the contract value.
 */
export const thresholdBunching = defineRule('threshold-bunching', (p, context) => {
  // The limits in ascending order as one CASE (each limit a bind parameter): the first band that holds the
  // value is the lowest limit it sits under. A CASE, not a subquery over the list, as it runs on every contract.
  const ascending = [...p.limits].sort((a, b) => a - b);
  const limitHit = sql`case ${join(
    ascending.map(
      (limit) => sql`when ${limit}::numeric * (1 - ${p.band}::numeric) <= v.value and v.value <= ${limit}::numeric then ${limit}::numeric`,
    ),
    ' ',
  )} end`;
  return sql`
  select case when v.value is null then 'not_calculable'
              when hit.limit_value is not null then 'flagged'
              else 'clear' end as outcome,
         ${contractColumns('c')},
         1 as score,
         v.value as amount,
         jsonb_build_object('value', v.value::text, 'limit', hit.limit_value::text,
                            'bandFloor', (hit.limit_value * (1 - ${p.band}::numeric))::text,
                            'band', ${p.band}::numeric::text) as evidence,
         case when v.value is null then 'no contract value (egp-contracts ราคาตกลงซื้อ/จ้าง, งบสัญญา)' end as reason
    from egp_contracts c
   cross join lateral (select ${contractValue('c')} as value) v
   cross join lateral (select ${limitHit} as limit_value) hit
   where c.method = ${SPECIFIC_METHOD} and ${inFiscalYear('c.fiscal_year', context)}
`;
});
