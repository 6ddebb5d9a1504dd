import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractColumns, contractValue, inFiscalYear } from '../../engine/rule-sql';

/**
 * new-vendor (opentender): the winner was registered (vendors วันจดทะเบียน) fewer than `days` calendar days
 * before the contract date, on a contract worth at least `minValue` (any method). Examined: contracts of at
 * least `minValue`, and those with no value (not calculable: their size is unknown). Not calculable too when
 * the winner has no tax id, is not in the vendor registry, or the registration or contract date is missing.
 * A registration after the contract date (negative age) is flagged as well. Score 1; amount = the contract value.
 */
export const newVendor = defineRule('new-vendor', (p, context) => sql`
  with examined as (
    select c.*, ${contractValue('c')} as value,
           v.tin as registry_tin, v.registered_date,
           c.contract_date - v.registered_date as age_days
      from egp_contracts c
      left join vendors v on v.tin = c.winner_tin
     where (${contractValue('c')} is null or ${contractValue('c')} >= ${p.minValue}::numeric)
       and ${inFiscalYear('c.fiscal_year', context)}
  ),
  judged as (
    select e.*,
           case when e.value is null then 'no contract value (egp-contracts ราคาตกลงซื้อ/จ้าง, งบสัญญา)'
                when e.winner_tin is null then 'the winner has no tax id (egp-contracts เลขนิติบุคคล)'
                when e.registry_tin is null then 'the winner ' || e.winner_tin || ' is not in the vendor registry (vendors): no registration date'
                when e.registered_date is null then 'the winner has no registration date in the vendor registry (vendors วันจดทะเบียน)'
                when e.contract_date is null then 'no contract signing date (egp-contracts วันที่ลงนามสัญญา)'
           end as reason
      from examined e
  )
  select case when j.reason is not null then 'not_calculable'
              when j.age_days < ${p.days}::int then 'flagged'
              else 'clear' end as outcome,
         ${contractColumns('j')},
         1 as score,
         j.value as amount,
         jsonb_build_object('value', j.value::text, 'registeredDate', j.registered_date, 'contractDate', j.contract_date,
                            'daysRegistered', j.age_days, 'days', ${p.days}::int) as evidence,
         j.reason
    from judged j
`);
