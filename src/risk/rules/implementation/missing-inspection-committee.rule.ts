import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractColumns, contractValue, inFiscalYear } from '../../engine/rule-sql';

/**
 * missing-inspection-committee (Act s.100): a contract that has been delivered, accepted or paid with no
 * inspection committee of at least 3 people on record when its value is above `smallValue`, or no inspector
 * at all when it is at most `smallValue`. Only contracts already delivered, accepted or paid are examined
 * (by their delivery or payment rows, or an e-GP status saying the work was delivered): before that the
 * committee may simply not be needed yet. Committee size counts distinct people, whatever their role.
 * A contract with no value is not calculable: the size it needs is unknown. Score 1.
 */
export const missingInspectionCommittee = defineRule('missing-inspection-committee', (p, context) => sql`
  with inspectors as (
    select project_id, count(distinct person_id)::int as people
      from committee_members
     where committee_type = 'inspection'
     group by project_id
  ),
  examined as materialized (
    select c.*,
           ${contractValue('c')} as value,
           coalesce(i.people, 0) as inspectors,
           exists (select 1 from deliveries d
                    where d.project_id = c.project_id and d.contract_no = c.contract_no
                      and (d.delivered_date is not null or d.accepted)) as delivered,
           exists (select 1 from gfmis_payments g
                    where g.egp_project_id = c.project_id
                      and coalesce(nullif(g.contract_no, ''), c.contract_no) = c.contract_no) as paid
      from egp_contracts c
      left join inspectors i on i.project_id = c.project_id
     where ${inFiscalYear('c.fiscal_year', context)}
  )
  select case when e.value is null then 'not_calculable'
              when e.value > ${p.smallValue}::numeric and e.inspectors < 3 then 'flagged'
              when e.value <= ${p.smallValue}::numeric and e.inspectors = 0 then 'flagged'
              else 'clear' end as outcome,
         ${contractColumns('e')},
         1 as score,
         e.value as amount,
         jsonb_build_object('inspectors', e.inspectors,
                            'required', case when e.value is null then null when e.value > ${p.smallValue}::numeric then 3 else 1 end,
                            'value', e.value::text,
                            'delivered', e.delivered, 'paid', e.paid,
                            'contractStatus', e.contract_status) as evidence,
         case when e.value is null then 'contract value missing (ราคาตกลงซื้อ/จ้าง and งบสัญญา empty)' end as reason
    from examined e
   where e.delivered or e.paid
      or e.contract_status in ('delivered_on_time', 'delivered_late', 'delivered_complete')
`);
