import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { inFiscalYear } from '../../engine/rule-sql';

/**
 * payment-before-inspection (GFMIS): a payment for an e-GP contract posted before the acceptance date of the
 * installment it pays; when it cannot be tied to an installment, before the contract's first accepted
 * inspection (rules-catalogue.md conventions).
 *
 * A payment is tied to an installment of its contract whose value, or value less the penalty charged,
 * equals the amount paid; when several installments share that amount (a monthly rent), the n-th such
 * payment by posting date pays the n-th such installment. Paying an installment whose inspection failed is
 * flagged too: it was never accepted. Examined: payments naming an e-GP project. Not calculable: no posting
 * date, or no accepted inspection to compare with (no deliveries on record, or the installment's
 * inspection result missing). A payment's fiscal year is that of its posting date. Score 1.
 */
export const paymentBeforeInspection = defineRule('payment-before-inspection', (_p, context) => sql`
  with payments as materialized (
    select g.*,
           row_number() over (partition by g.egp_project_id, g.contract_no, g.amount
                              order by g.posting_date, g.doc_no) as nth_of_amount
      from gfmis_payments g
     where g.egp_project_id is not null and g.egp_project_id <> ''
  ),
  in_year as materialized (
    select * from payments p where ${inFiscalYear('p.fiscal_year', context)}
  ),
  -- installments of the payment's contract whose value (or value less penalty) is the amount paid, in order
  candidates as (
    select p.doc_no, d.installment, d.inspected_date, d.accepted,
           row_number() over (partition by p.doc_no order by d.installment) as nth
      from in_year p
      join deliveries d on d.project_id = p.egp_project_id
                       and d.contract_no = coalesce(nullif(p.contract_no, ''), d.contract_no)
                       and (d.value = p.amount or d.value - coalesce(d.penalty_charged, 0) = p.amount)
  ),
  first_accepted as (
    select project_id, contract_no, min(inspected_date) as inspected_date
      from deliveries
     where accepted
     group by project_id, contract_no
  ),
  compared as (
    select p.*,
           k.installment, k.inspected_date, k.accepted,
           (select min(f.inspected_date) from first_accepted f
             where f.project_id = p.egp_project_id
               and f.contract_no = coalesce(nullif(p.contract_no, ''), f.contract_no)) as first_accepted_date,
           coalesce(c.agency_code, p.agency_code) as agency
      from in_year p
      left join candidates k on k.doc_no = p.doc_no and k.nth = p.nth_of_amount
      left join egp_contracts c on c.project_id = p.egp_project_id and c.contract_no = p.contract_no
  ),
  verdicts as (
    select x.*,
           case when x.installment is not null then
                     case when x.accepted then x.inspected_date end
                else x.first_accepted_date end as accepted_date,
           x.installment is not null and x.accepted is false as paid_rejected
      from compared x
  )
  select case when v.posting_date is null then 'not_calculable'
              when v.paid_rejected then 'flagged'
              when v.accepted_date is null then 'not_calculable'
              when v.posting_date < v.accepted_date then 'flagged'
              else 'clear' end as outcome,
         v.doc_no as entity_key,
         v.agency as agency_code, v.fiscal_year,
         1 as score,
         v.amount,
         array[v.egp_project_id] as project_ids,
         array_remove(array[v.vendor_tin], null) as vendor_tins,
         array[v.doc_no] as payment_docs,
         jsonb_build_object('postingDate', v.posting_date, 'acceptedDate', v.accepted_date,
                            'installment', v.installment,
                            'tiedBy', case when v.installment is not null then 'installment amount'
                                           else 'first accepted inspection' end,
                            'inspectionRejected', v.paid_rejected,
                            'amount', v.amount::text,
                            'contractNo', v.contract_no) as evidence,
         case when v.posting_date is null then 'payment has no posting date'
              when v.paid_rejected then null
              when v.accepted_date is null and v.installment is not null
                then 'installment ' || v.installment || ' has no accepted inspection on record'
              when v.accepted_date is null then 'no inspection on record for this contract (deliveries)'
         end as reason
    from verdicts v
`);
