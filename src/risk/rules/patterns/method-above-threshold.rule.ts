import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractColumns, contractValue, inFiscalYear, SPECIFIC_METHOD } from '../../engine/rule-sql';

/**
 * method-above-threshold (OCP R010): a specific-method contract above `limit` with no legal exception stated
 * (tender-events เหตุผลตามมาตรา, e.g. 56(2)(ค)). No tender-events row, or a row with an empty exception, is
 * no exception stated: the unit must state it, so its absence is the finding. Every specific-method contract
 * is examined; one with no contract value is not calculable. Score 1; amount = the contract value.
 *
 * The tender-events row is looked up (by its key, project_id) only for contracts above the limit, and for
 * the evidence of the rows reported: not joined to every specific-method contract.
 */
export const methodAboveThreshold = defineRule('method-above-threshold', (p, context) => sql`
  select case when v.value is null then 'not_calculable'
              when v.value > ${p.limit}::numeric
                   and coalesce(btrim((select t.legal_exception from tender_events t where t.project_id = c.project_id)), '') = ''
                   then 'flagged'
              else 'clear' end as outcome,
         ${contractColumns('c')},
         1 as score,
         v.value as amount,
         jsonb_build_object('value', v.value::text, 'limit', ${p.limit}::numeric::text,
                            'legalException', (select nullif(btrim(t.legal_exception), '') from tender_events t
                                                where t.project_id = c.project_id),
                            'tenderEventsRow', coalesce((select true from tender_events t where t.project_id = c.project_id), false)) as evidence,
         case when v.value is null then 'no contract value (egp-contracts ราคาตกลงซื้อ/จ้าง, งบสัญญา)' end as reason
    from egp_contracts c
   cross join lateral (select ${contractValue('c')} as value) v
   where c.method = ${SPECIFIC_METHOD} and ${inFiscalYear('c.fiscal_year', context)}
`);
