import { raw, sql, type SqlFragment } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractColumns, contractValue, inFiscalYear } from '../../engine/rule-sql';

/**
 * Contract `k` (its project_id and contract_no) has a delivery row saying it was delivered or accepted.
 * `probe`: written as a lookup per contract (for the few rows whose evidence is built) rather than as an
 * `exists`, which PostgreSQL would hash over the whole table.
 */
function delivered(k: string, probe = false): SqlFragment {
  const rows = `from deliveries d where d.project_id = ${k}.project_id and d.contract_no = ${k}.contract_no
                                    and (d.delivered_date is not null or d.accepted)`;
  return raw(probe ? `coalesce((select true ${rows} limit 1), false)` : `exists (select 1 ${rows})`);
}

/** Contract `k` has a payment: one naming it, or one naming its project and no contract (it pays any of them). */
function paid(k: string, probe = false): SqlFragment {
  const naming = `from gfmis_payments g where g.egp_project_id = ${k}.project_id and g.contract_no = ${k}.contract_no`;
  const any = `from gfmis_payments g where g.egp_project_id = ${k}.project_id and coalesce(g.contract_no, '') = ''`;
  return raw(
    probe
      ? `coalesce((select true ${naming} limit 1), (select true ${any} limit 1), false)`
      : `(exists (select 1 ${naming}) or exists (select 1 ${any}))`,
  );
}

/** An e-GP status saying the work was delivered. */
const DELIVERED_STATUS = raw(`c.contract_status in ('delivered_on_time', 'delivered_late', 'delivered_complete')`);

/**
 * missing-inspection-committee (Act s.100): a contract that has been delivered, accepted or paid with no
 * inspection committee of at least 3 people on record when its value is above `smallValue`, or no inspector
 * at all when it is at most `smallValue`. Only contracts already delivered, accepted or paid are examined
 * (by their delivery or payment rows, or an e-GP status saying the work was delivered): before that the
 * committee may simply not be needed yet. Committee size counts distinct people, whatever their role.
 * A contract with no value is not calculable: the size it needs is unknown. Score 1.
 *
 * Speed (500k contracts): the status is tested first, so deliveries and payments are looked at only for
 * contracts whose status does not already say delivered, and again in the evidence, which the engine builds
 * for flagged and not-calculable rows only (the query has no top-level WITH, so PostgreSQL inlines it).
 */
export const missingInspectionCommittee = defineRule('missing-inspection-committee', (p, context) => sql`
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
                            'delivered', ${delivered('e', true)},
                            'paid', ${paid('e', true)},
                            'contractStatus', e.contract_status) as evidence,
         case when e.value is null then 'contract value missing (ราคาตกลงซื้อ/จ้าง and งบสัญญา empty)' end as reason
    from (
      select c.project_id, c.contract_no, c.agency_code, c.fiscal_year, c.winner_tin, c.contract_status,
             ${contractValue('c')} as value,
             -- (project_id, committee_type, person_id) is unique: a row per distinct person
             coalesce(i.people, 0) as inspectors
        from egp_contracts c
        left join (select project_id, count(*)::int as people
                     from committee_members
                    where committee_type = 'inspection'
                    group by project_id) i on i.project_id = c.project_id
       where ${inFiscalYear('c.fiscal_year', context)}
         and (${DELIVERED_STATUS} or ${delivered('c')} or ${paid('c')})
    ) as e
`);
