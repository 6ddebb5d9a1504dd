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
  select case when x.award_early or x.contract_before_award or x.contract_before_announcement or x.installments is not null
                then 'flagged'
              when x.contract_date is null then 'not_calculable'
              else 'clear' end as outcome,
         ${contractColumns('x')},
         1 as score,
         ${contractValue('x')} as amount,
         jsonb_build_object('issues', to_jsonb(array_remove(array[
                                        case when x.award_early then 'award before bid deadline' end,
                                        case when x.contract_before_award then 'contract before award' end,
                                        case when x.contract_before_announcement then 'contract before announcement' end
                                      ], null)) || coalesce(x.installment_issues, '[]'),
                            'announceDate', x.announce_date, 'bidDeadline', x.bid_deadline,
                            'winnerAnnounced', x.winner_announced, 'contractDate', x.contract_date,
                            'earlyInstallments', x.installments) as evidence,
         case when not (x.award_early or x.contract_before_award or x.contract_before_announcement or x.installments is not null)
                   and x.contract_date is null then 'no contract signing date' end as reason
    from (select c.project_id, c.contract_no, c.agency_code, c.fiscal_year, c.winner_tin, c.announce_date, c.contract_date,
                 c.price_agree, c.sum_price_agree, t.bid_deadline, t.winner_announced,
                 coalesce(t.winner_announced < t.bid_deadline, false) as award_early,
                 coalesce(c.contract_date < t.winner_announced, false) as contract_before_award,
                 coalesce(c.contract_date < c.announce_date, false) as contract_before_announcement,
                 e.issues as installment_issues, e.installments
            from egp_contracts c
            left join tender_events t on t.project_id = c.project_id
            left join (select d.project_id, d.contract_no,
                              jsonb_path_query_array(jsonb_agg(to_jsonb(array_remove(array[
                                case when d.delivered_date < dc.contract_date then format('delivery %s before contract', d.installment) end,
                                case when d.inspected_date < dc.contract_date then format('inspection %s before contract', d.installment) end
                              ], null)) order by d.installment), '$[*][*]') as issues,
                              jsonb_agg(jsonb_build_object('installment', d.installment, 'deliveredDate', d.delivered_date,
                                                           'inspectedDate', d.inspected_date) order by d.installment) as installments
                         from deliveries d
                         join egp_contracts dc on dc.project_id = d.project_id and dc.contract_no = d.contract_no
                        where (d.delivered_date < dc.contract_date or d.inspected_date < dc.contract_date)
                          and ${inFiscalYear('dc.fiscal_year', context)}
                        group by d.project_id, d.contract_no) e
                   on e.project_id = c.project_id and e.contract_no = c.contract_no
           where ${inFiscalYear('c.fiscal_year', context)}) x
`);
