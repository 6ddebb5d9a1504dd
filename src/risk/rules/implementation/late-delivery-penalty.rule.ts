import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractKey, contractValue, inFiscalYear } from '../../engine/rule-sql';

/**
 * late-delivery-penalty (OCP R067): an installment was delivered after its due date and the penalty charged
 * is below the penalty due, or the contract's penalty due exceeds `terminate` × its value (the point at which
 * the regulation expects the unit to consider terminating). Days late are calendar days per installment.
 * Goods (and rent) owe `goodsRate` × the installment's value a day; hire and works (every other project
 * type) owe `hireRate` × the contract price a day, at least `hireMinPerDay`. Penalties due are rounded to
 * the satang before comparing.
 *
 * Examined: contracts with at least one delivered installment. Not calculable when a late installment has no
 * penalty on record (empty is missing, not zero), or the penalty due cannot be computed (no project type,
 * no installment value for goods, no contract value for hire and works, or a delivered installment with no
 * due date) — unless another installment already flags the contract.
 * Score: the largest share of a penalty due left uncharged, or 1 when the penalty due exceeds the limit.
 * Amount: the penalty left uncharged; the penalty due when only the limit is exceeded.
 *
 * Speed (500k contracts, ~690k delivered installments): the contract totals are plain aggregates, which
 * PostgreSQL can hash (no ordered aggregate); the late installments and the reasons are gathered unordered
 * and put in installment order in the evidence and reason only, which the engine builds for flagged and
 * not-calculable rows only (the query has no top-level WITH, so PostgreSQL inlines it into the engine's insert).
 */
export const lateDeliveryPenalty = defineRule('late-delivery-penalty', (p, context) => sql`
  select case when v.undercharged or v.above_limit then 'flagged'
              when v.missing is not null then 'not_calculable'
              else 'clear' end as outcome,
         v.entity_key, v.agency_code, v.fiscal_year,
         case when v.above_limit then 1 else least(1, v.uncharged_share) end as score,
         case when v.uncharged > 0 then v.uncharged when v.above_limit then v.penalty_due end as amount,
         array[v.project_id] as project_ids,
         array_remove(array[v.winner_tin], null) as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object('rateBasis', case when v.per_installment then 'goods' else 'hire' end,
                            'contractValue', v.value::text,
                            'penaltyDue', v.penalty_due::text,
                            'penaltyUncharged', v.uncharged::text,
                            'terminateLimit', round(${p.terminate}::numeric * v.value, 2)::text,
                            'aboveTerminateLimit', v.above_limit,
                            'lateInstallments', coalesce((select jsonb_agg(l order by (l ->> 'installment')::int)
                                                            from jsonb_array_elements(v.late_installments) as l),
                                                         '[]'::jsonb)) as evidence,
         case when not (v.undercharged or v.above_limit)
              then (select string_agg(m ->> 'missing', '; ' order by (m ->> 'installment')::int)
                      from jsonb_array_elements(v.missing) as m) end as reason
    -- the steps sit in a subquery, not a top-level WITH, so that PostgreSQL inlines this query into the
    -- engine's insert, which builds lists, evidence and reasons for flagged and not-calculable rows only
    from (
      with contracts as (
        select c.id as contract_id, c.project_id, c.contract_no, c.agency_code, c.fiscal_year, c.winner_tin, c.project_type,
               ${contractKey('c')} as entity_key,
               ${contractValue('c')} as value,
               c.project_type in ('goods', 'rent') as per_installment
          from egp_contracts c
         where ${inFiscalYear('c.fiscal_year', context)}
      ),
      installments as (
        select k.*, d.installment, d.due_date, d.delivered_date, d.value as installment_value, d.penalty_charged,
               d.delivered_date - d.due_date as days_late
          from contracts k
          join deliveries d on d.project_id = k.project_id and d.contract_no = k.contract_no
         where d.delivered_date is not null
      ),
      judged as (
        select i.*,
               case when i.days_late <= 0 then 0
                    when i.per_installment then round(${p.goodsRate}::numeric * i.installment_value * i.days_late, 2)
                    else round(greatest(${p.hireRate}::numeric * i.value, ${p.hireMinPerDay}::numeric) * i.days_late, 2)
               end as penalty_due,
               case when i.due_date is null then 'installment ' || i.installment || ' has no due date'
                    when i.days_late <= 0 then null
                    when i.project_type is null then 'project type missing: goods or hire rate unknown'
                    when i.per_installment and i.installment_value is null then 'installment ' || i.installment || ' value missing'
                    when not i.per_installment and i.value is null then 'contract value missing'
                    when i.penalty_charged is null then 'installment ' || i.installment || ' penalty empty'
               end as missing
          from installments i
      ),
      per_contract as (
        -- grouped by the contract's id first (a cheap integer key; the other keys follow from it), and with no
        -- ordered aggregate, so that PostgreSQL may hash the ~450k contracts; the two lists are put in
        -- installment order above, for the rows that keep them
        select entity_key, project_id, agency_code, fiscal_year, winner_tin, value, per_installment,
               sum(penalty_due) as penalty_due,
               sum(greatest(penalty_due - penalty_charged, 0)) as uncharged,
               max((penalty_due - penalty_charged) / nullif(penalty_due, 0)) as uncharged_share,
               coalesce(bool_or(penalty_charged < penalty_due), false) as undercharged,
               jsonb_agg(jsonb_build_object('installment', installment, 'missing', missing))
                 filter (where missing is not null) as missing,
               jsonb_agg(jsonb_build_object('installment', installment, 'dueDate', due_date, 'deliveredDate', delivered_date,
                                            'daysLate', days_late, 'value', installment_value::text,
                                            'penaltyDue', penalty_due::text, 'penaltyCharged', penalty_charged::text))
                 filter (where days_late > 0 or missing is not null) as late_installments
          from judged
         group by contract_id, entity_key, project_id, agency_code, fiscal_year, winner_tin, value, per_installment
      )
      select x.*,
             coalesce(x.penalty_due > ${p.terminate}::numeric * x.value, false) as above_limit
        from per_contract x
    ) as v
`);
