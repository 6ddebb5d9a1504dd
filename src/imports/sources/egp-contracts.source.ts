import type { PoolClient } from 'pg';
import { fiscalYearOf } from '../../common/fiscal-year';
import { ident } from '../../database/sql-identifier';
import {
  detectEgpLayout,
  EGP_KEYS,
  EGP_THAI_HEADERS,
  EgpContractRow,
  EgpKey,
  EgpLayoutError,
  parseEgpRow,
} from '../../procurement/egp';
import { memoised } from '../../procurement/egp/egp-memo';
import { AgencyNameIndex } from '../../universe/agency-name';
import { ImportInputError } from '../import-errors';
import type { RowDecoder } from '../row-decoder';
import type { ImportSource, TargetColumn } from '../source-definition';
import type { StagingTable } from '../staging-table';

/**
 * egp-contracts — the Comptroller General's open-data contract file, as published (data-formats.md).
 * Its layouts differ by year and two of them name more or fewer columns than their rows carry, so the
 * layout is decided from the header and a sample of rows (procurement/egp), not by header names alone.
 * Agencies are named in Thai; they are matched to `agencies` by name (exact, normalised, or an
 * auditor's mapping) and rows that match none are kept with no agency and listed in the notes.
 */
const text = (name: string, from: EgpKey[]): TargetColumn => ({ name, type: 'text', from });
const money = (name: string, from: EgpKey): TargetColumn => ({ name, type: 'numeric', from: [from] });
const day = (name: string, from: EgpKey): TargetColumn => ({ name, type: 'date', from: [from] });

const TARGET: TargetColumn[] = [
  text('project_id', ['project_id']),
  text('contract_no', ['project_id']), // '' when the file has no contract number: part of the key
  text('project_name', ['project_name']),
  text('project_type', ['project_type_name']),
  text('project_type_text', ['project_type_name']),
  text('dept_name', ['dept_name']),
  text('dept_sub_name', ['dept_sub_name']),
  text('agency_code', ['dept_name']),
  text('agency_match', ['dept_name']),
  text('method', ['purchase_method_name', 'purchase_method_group_name']),
  text('method_text', ['purchase_method_name', 'purchase_method_group_name']),
  text('method_group_text', ['purchase_method_name', 'purchase_method_group_name']),
  day('announce_date', 'announce_date'),
  money('project_money', 'project_money'),
  money('price_build', 'price_build'),
  money('sum_price_agree', 'sum_price_agree'),
  { name: 'budget_year', type: 'integer', from: ['budget_year'] },
  { name: 'fiscal_year', type: 'integer', from: ['contract_date', 'budget_year'] },
  day('transaction_date', 'transaction_date'),
  text('province', ['province']),
  text('district', ['district']),
  text('subdistrict', ['subdistrict']),
  text('project_status', ['project_status']),
  text('location', ['location']),
  { name: 'lat', type: 'numeric', from: ['lat'] },
  { name: 'lon', type: 'numeric', from: ['lon'] },
  text('winner_tin_raw', ['winner_tin']),
  text('winner_tin', ['winner_tin']),
  { name: 'winner_tin_valid', type: 'boolean', from: ['winner_tin'] },
  text('winner_name', ['winner']),
  day('contract_date', 'contract_date'),
  day('contract_finish_date', 'contract_finish_date'),
  money('price_agree', 'price_agree'),
  text('contract_status', ['contract_status']),
  text('contract_status_text', ['contract_status']),
];

interface EgpContext {
  agencies: AgencyNameIndex;
}

export const egpContractsSource: ImportSource = {
  name: 'egp-contracts',
  description: 'The e-GP open-data contract file as published (any FY2565–FY2568 layout)',
  table: 'egp_contracts',
  roles: ['admin', 'auditor'],
  columns: EGP_KEYS.map((key) => ({ key, aliases: [EGP_THAI_HEADERS[key]], required: key === 'project_id' })),
  target: TARGET,
  naturalKey: ['project_id', 'contract_no'],
  // No zod row schema: parseEgpRow (procurement/egp) is this source's row validator, written by hand
  // because a year of national data is half a million rows and every microsecond a row counts.

  async prepare(client: PoolClient): Promise<EgpContext> {
    const agencies = await client.query<{ code: string; name: string }>('select code, name from agencies');
    const mappings = await client.query<{ name: string; agencyCode: string }>(
      'select name, agency_code as "agencyCode" from agency_name_mappings',
    );
    return { agencies: new AgencyNameIndex(agencies.rows, mappings.rows) };
  },

  createDecoder(header, sample, context): RowDecoder {
    let layout;
    try {
      layout = detectEgpLayout(header, sample);
    } catch (error) {
      if (error instanceof EgpLayoutError) throw new ImportInputError(error.message);
      throw error;
    }
    const { agencies } = context as EgpContext;
    const matches = new Map<string, ReturnType<AgencyNameIndex['match']>>();
    const matchAgency = (name: string | null) => {
      if (!name) return undefined;
      if (!matches.has(name)) matches.set(name, agencies.match(name));
      return matches.get(name);
    };
    return {
      columnName: (key) => (key ? EGP_THAI_HEADERS[key as EgpKey] ?? key : ''),
      presentKeys: new Set(EGP_KEYS.filter((key) => layout.fieldIndex[key] !== undefined)),
      unknownColumns: [],
      layout: layout.name,
      decode(fields, row, problems) {
        const result = parseEgpRow(fields, layout, row);
        for (const r of result.repairs) problems.repair(r.column, r.message);
        for (const e of result.errors) problems.error(e.column, e.message);
        if (!result.value) return undefined;
        const match = matchAgency(result.value.deptName) ?? matchAgency(result.value.deptSubName);
        return toColumns(result.value, match?.code ?? null, match?.how ?? null);
      },
    };
  },

  async summarise(client: PoolClient, staging: StagingTable): Promise<string[]> {
    const unmatched = await client.query<{ dept_name: string; rows: string }>(
      `select coalesce(dept_name, '(no agency name)') as dept_name, count(*) as rows from ${ident(staging.name)}
       where agency_code is null group by 1 order by count(*) desc, 1 limit 50`,
    );
    if (unmatched.rows.length === 0) return [];
    const list = unmatched.rows.map((u) => `${u.dept_name} (${u.rows})`).join(', ');
    return [`agency names that match no agency, kept without one: ${list}; map them with PUT /api/agency-names`];
  },
};

// Contract dates repeat (a few thousand per file): the fiscal year of each is worked out once.
const fiscalYearOfDate = memoised(fiscalYearOf);

function toColumns(c: EgpContractRow, agencyCode: string | null, agencyMatch: string | null): Record<string, unknown> {
  return {
    project_id: c.projectId,
    contract_no: c.contractNo ?? '',
    project_name: c.projectName,
    project_type: c.projectType,
    project_type_text: c.projectTypeText,
    dept_name: c.deptName,
    dept_sub_name: c.deptSubName,
    agency_code: agencyCode,
    agency_match: agencyMatch,
    method: c.method,
    method_text: c.methodText,
    method_group_text: c.methodGroupText,
    announce_date: c.announceDate,
    project_money: c.projectMoney,
    price_build: c.priceBuild,
    sum_price_agree: c.sumPriceAgree,
    budget_year: c.budgetYear,
    fiscal_year: c.contractDate ? fiscalYearOfDate(c.contractDate) : c.budgetYear,
    transaction_date: c.transactionDate,
    province: c.province,
    district: c.district,
    subdistrict: c.subdistrict,
    project_status: c.projectStatus,
    location: c.location,
    lat: c.lat,
    lon: c.lon,
    winner_tin_raw: c.winnerTinRaw,
    winner_tin: c.winnerTin,
    winner_tin_valid: c.winnerTinValid,
    winner_name: c.winnerName,
    contract_date: c.contractDate,
    contract_finish_date: c.contractFinishDate,
    price_agree: c.priceAgree,
    contract_status: c.contractStatus,
    contract_status_text: c.contractStatusText,
  };
}
