import { raw, sql, type SqlFragment } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { inFiscalYear } from '../../engine/rule-sql';

/**
 * Each delivery (restricted by `filter` on `d`) under every amount that pays it: its value, and its value
 * less the penalty when one was charged.
 */
function payable(filter: SqlFragment): SqlFragment {
  return sql`(select d.project_id, d.contract_no, d.installment, d.inspected_date, d.accepted, d.value as amount
                from deliveries d
               where d.value is not null and ${filter}
               union all
              select d.project_id, d.contract_no, d.installment, d.inspected_date, d.accepted, d.value - d.penalty_charged
                from deliveries d
               where d.value is not null and d.penalty_charged <> 0 and ${filter})`;
}

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
 *
 * Speed (500k contracts, ~675k payments): only the columns used are carried; a delivery is offered once per
 * amount it can be paid with (its value, and its value less a non-zero penalty) and numbered among the
 * installments of that amount, so each payment is joined to its n-th installment on equal keys; the first
 * accepted inspection is looked up only for a payment tied to no installment; the evidence is built by the
 * engine for flagged and not-calculable rows only (the query has no top-level WITH, so PostgreSQL inlines it).
 */
export const paymentBeforeInspection = defineRule('payment-before-inspection', (_p, context) => sql`
  select case when v.posting_date is null then 'not_calculable'
              when v.paid_rejected then 'flagged'
              when v.accepted_date is null then 'not_calculable'
              when v.posting_date < v.accepted_date then 'flagged'
              else 'clear' end as outcome,
         v.doc_no as entity_key,
         -- the contract's agency, else the payment's: looked up for reported rows only (the engine keeps no
         -- column of a clear row), not joined for all ~675k payments
         coalesce((select c.agency_code from egp_contracts c where c.project_id = v.egp_project_id and c.contract_no = v.contract_no),
                  v.agency_code) as agency_code,
         v.fiscal_year,
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
    -- the steps sit in a subquery, not a top-level WITH, so that PostgreSQL inlines this query into the
    -- engine's insert, which builds lists, evidence and reasons for flagged and not-calculable rows only
    from (
      with in_year as (
        select p.* from (
          select g.doc_no, g.egp_project_id, g.contract_no, g.amount, g.posting_date, g.vendor_tin, g.agency_code,
                 g.fiscal_year,
                 row_number() over (partition by g.egp_project_id, g.contract_no, g.amount
                                    order by g.posting_date, g.doc_no) as nth_of_amount
            from gfmis_payments g
           where g.egp_project_id is not null and g.egp_project_id <> ''
        ) p
         where ${inFiscalYear('p.fiscal_year', context)}
      ),
      -- the installments a payment naming its contract can pay, numbered in installment order per amount, so
      -- that the n-th payment of an amount is joined to the n-th installment of that amount directly (text keys
      -- partitioned under "C": the same groups, a cheaper sort)
      by_contract as (
        select y.*,
               row_number() over (partition by y.project_id collate "C", y.contract_no collate "C", y.amount
                                  order by y.installment) as nth
          from ${payable(raw('true'))} as y
      ),
      -- the same for a payment naming no contract: any installment of its project (only those projects; equal
      -- installment numbers of different contracts in contract-number order)
      by_project as (
        select y.*,
               row_number() over (partition by y.project_id collate "C", y.amount
                                  order by y.installment, y.contract_no) as nth
          from ${payable(raw(`d.project_id in (select g.egp_project_id from gfmis_payments g
                                                where g.egp_project_id is not null and coalesce(g.contract_no, '') = '')`))} as y
      ),
      compared as (
        select p.doc_no, p.egp_project_id, p.contract_no, p.amount, p.posting_date, p.vendor_tin, p.fiscal_year,
               -- at most one of kc (a payment naming its contract) and kp (naming none) is joined
               case when kc.installment is not null then kc.installment else kp.installment end as installment,
               case when kc.installment is not null then kc.inspected_date else kp.inspected_date end as inspected_date,
               case when kc.installment is not null then kc.accepted else kp.accepted end as accepted,
               p.agency_code
          from in_year p
          left join by_contract kc on nullif(p.contract_no, '') is not null
                                  and kc.project_id = p.egp_project_id and kc.contract_no = p.contract_no
                                  and kc.amount = p.amount and kc.nth = p.nth_of_amount
          left join by_project kp on nullif(p.contract_no, '') is null
                                 and kp.project_id = p.egp_project_id and kp.amount = p.amount and kp.nth = p.nth_of_amount
      ),
      verdicts as (
        select x.*,
               case when x.installment is not null then
                         case when x.accepted then x.inspected_date end
                    -- tied to no installment: the contract's first accepted inspection (looked up for these only)
                    else (select min(f.inspected_date) from deliveries f
                           where f.accepted and f.project_id = x.egp_project_id
                             and f.contract_no = coalesce(nullif(x.contract_no, ''), f.contract_no)) end as accepted_date,
               x.installment is not null and x.accepted is false as paid_rejected
          from compared x
      )
      select * from verdicts
    ) as v
`);
