import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractColumns, contractValue, inFiscalYear } from '../../engine/rule-sql';

/**
 * timeline-inconsistency (OCP R030): a purchase's dates out of order: the winner announced before the bid
 * deadline (tender events), the contract signed before the winner was announced or before the e-GP
 * announcement (วันที่ประกาศ), or an installment delivered or inspected before the contract was signed.
 * "Before" is strictly earlier: the same day is in order.
 * Every contract is examined; each check runs when both its dates are on record (tender events exist only for
 * open tenders). Not calculable when no inconsistency was found and the signing date is missing, since every
 * check but the first needs it. Score 1.
 */
export const timelineInconsistency = defineRule('timeline-inconsistency', (_p, context) => sql`
  with examined as (
    select c.*, t.bid_deadline, t.winner_announced
      from egp_contracts c
      left join tender_events t on t.project_id = c.project_id
     where ${inFiscalYear('c.fiscal_year', context)}
  ),
  early_installments as (
    select d.project_id, d.contract_no, d.installment, d.delivered_date, d.inspected_date,
           array_remove(array[
             case when d.delivered_date < c.contract_date then format('delivery %s before contract', d.installment) end,
             case when d.inspected_date < c.contract_date then format('inspection %s before contract', d.installment) end
           ], null) as issues
      from deliveries d
      join examined c on c.project_id = d.project_id and c.contract_no = d.contract_no
     where d.delivered_date < c.contract_date or d.inspected_date < c.contract_date
  ),
  early_deliveries as (
    select e.project_id, e.contract_no,
           jsonb_path_query_array(jsonb_agg(to_jsonb(e.issues) order by e.installment), '$[*][*]') as issues,
           jsonb_agg(jsonb_build_object('installment', e.installment, 'deliveredDate', e.delivered_date,
                                        'inspectedDate', e.inspected_date) order by e.installment) as installments
      from early_installments e
     group by e.project_id, e.contract_no
  ),
  checked as (
    select c.*, e.installments,
           to_jsonb(array_remove(array[
             case when c.winner_announced < c.bid_deadline then 'award before bid deadline' end,
             case when c.contract_date < c.winner_announced then 'contract before award' end,
             case when c.contract_date < c.announce_date   then 'contract before announcement' end
           ], null)) || coalesce(e.issues, '[]') as issues
      from examined c
      left join early_deliveries e on e.project_id = c.project_id and e.contract_no = c.contract_no
  )
  select case when jsonb_array_length(x.issues) > 0 then 'flagged'
              when x.contract_date is null           then 'not_calculable'
              else 'clear' end as outcome,
         ${contractColumns('x')},
         1 as score,
         ${contractValue('x')} as amount,
         jsonb_build_object('issues', x.issues, 'announceDate', x.announce_date, 'bidDeadline', x.bid_deadline,
                            'winnerAnnounced', x.winner_announced, 'contractDate', x.contract_date,
                            'earlyInstallments', x.installments) as evidence,
         case when jsonb_array_length(x.issues) = 0 and x.contract_date is null then 'no contract signing date' end as reason
    from checked x
`);
