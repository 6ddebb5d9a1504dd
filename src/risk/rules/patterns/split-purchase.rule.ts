import { fiscalYearRange } from '../../../common/fiscal-year';
import { raw, sql } from '../../../database/sql-template';
import { defineRule, type RuleContext } from '../../engine/rule-definition';
import { compositeKey, contractValue, inFiscalYear, SPECIFIC_METHOD } from '../../engine/rule-sql';

/**
 * split-purchase (OCP R011/R055, Reg. clause 20): at least `minCount` specific-method contracts by one agency
 * from one vendor signed within `windowDays` calendar days (both ends included: contract dates 0…windowDays
 * apart), each at most `limit`, together above `limit`.
 *
 * Groups are formed set-based: every candidate contract (specific method, value ≤ limit or unknown, agency,
 * vendor and date known) opens a window [its date, its date + windowDays] over its agency–vendor pair, and the
 * group is every candidate signed in it. Only maximal groups are kept (a group inside an earlier window's
 * group is the same suspicion, told once), so the entities examined are the maximal groups of ≥ `minCount`
 * contracts: flagged when their total is above `limit`, clear when not, not calculable when it stays at or
 * under the limit only because a member's value is missing. Maximal groups of one pair may still share
 * contracts (dates 0, 20, 40 with a 30-day window give two groups). A group belongs to the fiscal year of its
 * latest contract (the purchase that took the total over the limit). Score 1; amount = the group's total.
 */
export const splitPurchase = defineRule('split-purchase', (p, context) => sql`
  with candidates as (
    -- codes and tax ids compared byte-wise (collate "C": the same equal pairs): the windows and the member join
    -- sort every candidate by them, several times faster so
    select c.project_id, c.contract_no, c.agency_code collate "C" as agency_code, c.winner_tin collate "C" as winner_tin,
           c.contract_date, c.fiscal_year,
           ${contractValue('c')} as value
      from egp_contracts c
     where c.method = ${SPECIFIC_METHOD}
       and c.agency_code is not null
       and c.winner_tin is not null
       and c.contract_date is not null
       and (${contractValue('c')} is null or ${contractValue('c')} <= ${p.limit}::numeric)
       and ${datesThatCanShareAWindowWithTheRun('c.contract_date', p.windowDays, context)}
  ),
  windows as (
    -- one window per candidate: its pair's candidates signed on its date up to windowDays later
    select agency_code, winner_tin,
           contract_date as starts,
           max(contract_date)      over pair_window as ends,
           last_value(fiscal_year) over pair_window as fiscal_year,
           count(*)                over pair_window as contracts,
           count(*) filter (where value is null) over pair_window as unknown_values,
           sum(value)              over pair_window as total
      from candidates
    window pair_window as (partition by agency_code, winner_tin order by contract_date
                           range between current row and make_interval(days => ${p.windowDays}::int) following)
  ),
  distinct_windows as (
    -- candidates signed the same day open the same window
    select distinct on (agency_code, winner_tin, starts) *
      from windows
     order by agency_code, winner_tin, starts
  ),
  maximal_groups as (
    -- windows end later as they start later, so a group lies inside another only when the window opened
    -- before it reaches its last contract too
    select *
      from (select w.*, lag(ends) over (partition by agency_code, winner_tin order by starts) as previous_ends
              from distinct_windows w) w
     where (previous_ends is null or previous_ends < ends)
       and contracts >= ${p.minCount}::int
       and ${inFiscalYear('w.fiscal_year', context)}
  ),
  groups as (
    -- the members of the groups kept, listed once per group
    select g.agency_code, g.winner_tin, g.starts, g.ends, g.fiscal_year, g.contracts, g.unknown_values, g.total,
           array_agg(distinct m.project_id order by m.project_id) as project_ids,
           jsonb_agg(jsonb_build_object('projectId', m.project_id, 'contractNo', m.contract_no,
                                        'date', m.contract_date, 'value', m.value::text)
                     order by m.contract_date, m.project_id, m.contract_no) as members
      from maximal_groups g
      join candidates m on m.agency_code = g.agency_code and m.winner_tin = g.winner_tin
                       and m.contract_date between g.starts and g.ends
     group by g.agency_code, g.winner_tin, g.starts, g.ends, g.fiscal_year, g.contracts, g.unknown_values, g.total
  )
  select case when g.total > ${p.limit}::numeric then 'flagged'
              when g.unknown_values > 0 then 'not_calculable'
              else 'clear' end as outcome,
         ${compositeKey('g.agency_code', 'g.winner_tin', "array_to_string(g.project_ids, '+')")} as entity_key,
         g.agency_code, g.fiscal_year,
         1 as score,
         g.total as amount,
         g.project_ids as project_ids,
         array[g.winner_tin] as vendor_tins,
         null::text[] as payment_docs,
         jsonb_build_object('contracts', g.contracts, 'total', g.total::text, 'limit', ${p.limit}::numeric::text,
                            'firstDate', g.starts, 'lastDate', g.ends, 'spanDays', g.ends - g.starts,
                            'windowDays', ${p.windowDays}::int, 'members', g.members) as evidence,
         case when g.total <= ${p.limit}::numeric and g.unknown_values > 0
              then g.unknown_values || ' contract(s) of the group have no contract value (egp-contracts)' end as reason
    from groups g
`);

/**
 * A run for one fiscal year reads the contracts that can share a window with a contract of that year: from
 * windowDays before its first day to windowDays after its last.
 */
function datesThatCanShareAWindowWithTheRun(column: string, windowDays: number, context: RuleContext) {
  if (context.fiscalYear === null) return raw('true');
  const { start, end } = fiscalYearRange(context.fiscalYear);
  return sql`${raw(column)} between ${start}::date - ${windowDays}::int and ${end}::date + ${windowDays}::int`;
}
