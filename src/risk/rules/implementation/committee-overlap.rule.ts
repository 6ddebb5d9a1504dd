import { sql } from '../../../database/sql-template';
import { defineRule } from '../../engine/rule-definition';
import { contractColumns, contractValue, inFiscalYear } from '../../engine/rule-sql';

/**
 * committee-overlap (Reg. clause 26): someone on a purchase's inspection committee also sits on its
 * evaluation or selection committee, or is its procurement officer — the same person judging the offer and
 * accepting the goods. Other committees (TOR, reference price, specific, site supervisor) are not conflicts
 * the regulation names. A purchase with no inspection committee on record is not calculable: there is no one
 * to compare. Score 1.
 *
 * Speed (500k contracts): no `distinct` over the inspectors (the committee key is unique), each set is
 * aggregated once and joined to the contracts.
 */
export const committeeOverlap = defineRule('committee-overlap', (_p, context) => sql`
  select case when n.project_id is null then 'not_calculable'
              when o.project_id is not null then 'flagged'
              else 'clear' end as outcome,
         ${contractColumns('c')},
         1 as score,
         ${contractValue('c')} as amount,
         case when o.project_id is not null
              then jsonb_build_object('committees', to_jsonb(o.committees), 'people', o.people) end as evidence,
         case when n.project_id is null then 'no inspection committee on record (committees)' end as reason
    from egp_contracts c
    -- subqueries, not a top-level WITH, so that PostgreSQL inlines this query into the engine's insert, which
    -- builds lists and evidence for flagged and not-calculable rows only
    left join (select project_id from committee_members where committee_type = 'inspection' group by project_id) n
           on n.project_id = c.project_id
    left join (
      -- (project_id, committee_type, person_id) is unique: each inspector once per purchase
      select i.project_id,
             jsonb_agg(jsonb_build_object('personId', o.person_id, 'personName', pe.name, 'committee', o.committee_type)
                       order by o.person_id, o.committee_type) as people,
             array_agg(distinct o.committee_type order by o.committee_type) as committees
        from committee_members i
        join committee_members o on o.project_id = i.project_id and o.person_id = i.person_id
                                and o.committee_type in ('evaluation', 'selection', 'procurement_officer')
        left join people pe on pe.person_id = o.person_id
       where i.committee_type = 'inspection'
       group by i.project_id
    ) o on o.project_id = c.project_id
   where ${inFiscalYear('c.fiscal_year', context)}
`);
