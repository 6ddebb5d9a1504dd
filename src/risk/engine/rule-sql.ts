import { FISCAL_YEAR_BE_RANGE, fiscalYearRange } from '../../common/fiscal-year';
import { raw, sql, SqlFragment } from '../../database/sql-template';
import { COMPETITIVE_METHODS } from '../rule-file.schema';
import type { RuleContext } from './rule-definition';

/*
 * SQL pieces rule queries share, so that a contract's key, its value or the fiscal-year scope are written
 * once. Aliases are code, never input.
 */

/** Limits rows to the run's fiscal year (all years when the run names none). `column` holds a BE fiscal year. */
export function inFiscalYear(column: string, context: RuleContext): SqlFragment {
  if (context.fiscalYear === null) return raw('true');
  return sql`${raw(column)} = ${context.fiscalYear}::int`;
}

/** A contract's flag key: `project_id#contract_no` (`project_id` alone for a project with no contract yet). */
export function contractKey(alias: string): SqlFragment {
  return raw(`(case when ${alias}.contract_no = '' then ${alias}.project_id else ${alias}.project_id || '#' || ${alias}.contract_no end)`);
}

/**
 * The columns a rule judging one contract returns about it: its key, agency and fiscal year, its e-GP project,
 * its winner's tax id, and no payment documents. The rule adds outcome, score, amount, evidence and reason.
 */
export function contractColumns(alias: string): SqlFragment {
  return raw(
    `${contractKey(alias).toQuery().text} as entity_key, ${alias}.agency_code, ${alias}.fiscal_year, ` +
      `array[${alias}.project_id] as project_ids, array_remove(array[${alias}.winner_tin], null) as vendor_tins, null::text[] as payment_docs`,
  );
}

/** A contract's value (rules-catalogue.md): the contract price, or the contract amount when the price is missing. */
export function contractValue(alias: string): SqlFragment {
  return raw(`coalesce(${alias}.price_agree, ${alias}.sum_price_agree)`);
}

/**
 * `array` (gathered unordered, so that PostgreSQL can hash the groups) in ascending order. Meant for the
 * top-level projection of a rule, where the engine evaluates it for flagged and not-calculable rows only.
 */
export function sortedArray(array: string): SqlFragment {
  return raw(`(select array_agg(element order by element) from unnest(${array}) as element)`);
}

/** Keys joined with `|` for entities made of several parts (agency–vendor–year, vendor pair–year…). */
export function compositeKey(...parts: string[]): SqlFragment {
  return raw(`concat_ws('|', ${parts.join(', ')})`);
}

/**
 * A contract that went through bidding: a competitive method, or any purchase with bids or quotations on
 * record. The rules about bids examine only these, so that hundreds of thousands of direct purchases, which
 * never had bids, are not reported as "not calculable" one by one.
 */
export function wasTendered(alias: string): SqlFragment {
  return sql`(${raw(alias)}.method = any(${COMPETITIVE_METHODS}) or exists (select 1 from egp_bids tendered where tendered.project_id = ${raw(alias)}.project_id))`;
}

/**
 * The last day of every fiscal year the service accepts, as a derived table `(fiscal_year, year_end)`, from the
 * one fiscal-year function (src/common/fiscal-year.ts): SQL joins it rather than doing calendar arithmetic.
 */
export function fiscalYearEnds(): SqlFragment {
  const years: number[] = [];
  for (let y = FISCAL_YEAR_BE_RANGE.min; y <= FISCAL_YEAR_BE_RANGE.max; y++) years.push(y);
  return sql`(select * from unnest(${years}::int[], ${years.map((y) => fiscalYearRange(y).end)}::date[]) as fy(fiscal_year, year_end))`;
}

/** เฉพาะเจาะจง. */
export const SPECIFIC_METHOD = 'specific';
