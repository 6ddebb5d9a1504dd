import { quoteCsv } from '../../common/csv/write-csv';
import { THAI_MONTHS } from '../../common/thai-months';
import { EGP_ENG_PLACE_HEADERS, EGP_KEYS, EGP_THAI_HEADERS, EgpKey, EgpPlaceKey } from './egp-columns';
import { EGP_CONTRACT_STATUS_TEXT, EGP_METHOD_TEXT, EGP_PROJECT_TYPE_TEXT } from './egp-enums';
import type { EgpLayoutName } from './egp-layout';
import type { EgpContractRow } from './egp-row';

/*
 * Writes contracts back out the way the Comptroller General's Department publishes them, in any of the
 * layouts egp-layout.ts recognises, for fixtures and benchmarks: Thai short dates with a two-digit BE year
 * (`15 ก.ย. 67`), amounts with thousands separators, and the header quirks of each year (the FY2568 files
 * name 26 or 31 columns over rows of 28 values).
 */

/** What the writer needs: a parsed row, or any part of one (texts win over enums when both are given). */
export type EgpCsvContract = Pick<EgpContractRow, 'projectId'> &
  Partial<Omit<EgpContractRow, 'projectId'>> & {
    /** English place names, written only by the FY2565–2567 layout. */
    provinceEn?: string | null;
    districtEn?: string | null;
    subdistrictEn?: string | null;
  };

type Column = EgpKey | { eng: EgpPlaceKey };

const PLACES: readonly EgpKey[] = ['province', 'district', 'subdistrict'];
const WITH_ENG: readonly Column[] = EGP_KEYS.flatMap((key): Column[] =>
  PLACES.includes(key) ? [key, { eng: key as EgpPlaceKey }] : [key],
);

/** The values each layout writes, in order: FY2565–2567 is the only one whose rows carry the (Eng) columns. */
const VALUE_COLUMNS: Readonly<Record<EgpLayoutName, readonly Column[]>> = {
  'fy2565-2567-31col': WITH_ENG,
  'fy2568-26-names-28-values': EGP_KEYS,
  'fy2568-31-names-28-values': EGP_KEYS,
  'canonical-28': EGP_KEYS,
  'english-keys': EGP_KEYS,
};

const thaiName = (column: Column): string => (typeof column === 'string' ? EGP_THAI_HEADERS[column] : EGP_ENG_PLACE_HEADERS[column.eng]);

/** The header each layout publishes (which, for the FY2568 layouts, does not match its rows). */
const HEADER_NAMES: Readonly<Record<EgpLayoutName, readonly string[]>> = {
  'fy2565-2567-31col': WITH_ENG.map(thaiName),
  'fy2568-26-names-28-values': EGP_KEYS.filter((k) => k !== 'district' && k !== 'subdistrict').map(thaiName),
  'fy2568-31-names-28-values': WITH_ENG.map(thaiName),
  'canonical-28': EGP_KEYS.map(thaiName),
  'english-keys': [...EGP_KEYS],
};

/** The header names of a layout, in order. */
export function egpHeaderNames(layoutName: EgpLayoutName): string[] {
  return [...HEADER_NAMES[layoutName]];
}

/** The header row of a layout as one CSV line (no line break). */
export function egpHeaderLine(layoutName: EgpLayoutName): string {
  return HEADER_NAMES[layoutName].map(quoteCsv).join(',');
}

/**
 * One contract as one CSV line (no line break; join lines with '\n' or '\r\n') in the given layout.
 * `sequence` fills ลำดับ, the running number of the published file.
 */
export function writeEgpCsvLine(contract: EgpCsvContract, layoutName: EgpLayoutName, sequence?: number): string {
  const columns = VALUE_COLUMNS[layoutName];
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const text = typeof column === 'string' ? cellText(contract, column, sequence) : engText(contract, column.eng);
    line += i === 0 ? quoteCsv(text) : `,${quoteCsv(text)}`;
  }
  return line;
}

function cellText(c: EgpCsvContract, key: EgpKey, sequence: number | undefined): string {
  switch (key) {
    case 'seq':
      return sequence === undefined ? '' : String(sequence);
    case 'project_id':
      return c.projectId;
    case 'project_name':
      return c.projectName ?? '';
    case 'project_type_name':
      return c.projectTypeText ?? (c.projectType && c.projectType !== 'other' ? EGP_PROJECT_TYPE_TEXT[c.projectType] : '');
    case 'dept_name':
      return c.deptName ?? '';
    case 'dept_sub_name':
      return c.deptSubName ?? '';
    case 'purchase_method_name':
      return c.methodText ?? (c.method && c.method !== 'other' ? EGP_METHOD_TEXT[c.method] : '');
    case 'purchase_method_group_name':
      return c.methodGroupText ?? '';
    case 'announce_date':
      return thaiShortDate(c.announceDate);
    case 'project_money':
      return withThousands(c.projectMoney);
    case 'price_build':
      return withThousands(c.priceBuild);
    case 'sum_price_agree':
      return withThousands(c.sumPriceAgree);
    case 'budget_year':
      return c.budgetYear == null ? '' : String(c.budgetYear);
    case 'transaction_date':
      return thaiShortDate(c.transactionDate);
    case 'province':
      return c.province ?? '';
    case 'district':
      return c.district ?? '';
    case 'subdistrict':
      return c.subdistrict ?? '';
    case 'project_status':
      return c.projectStatus ?? '';
    case 'location':
      return c.location ?? '';
    case 'lat':
      return c.lat == null ? '' : String(c.lat);
    case 'lon':
      return c.lon == null ? '' : String(c.lon);
    case 'winner_tin':
      // The raw text first: a fixture must be able to carry Excel's damage (1.05552E+11) as published.
      return c.winnerTinRaw ?? c.winnerTin ?? '';
    case 'winner':
      return c.winnerName ?? '';
    case 'contract_no':
      return c.contractNo ?? '';
    case 'contract_date':
      return thaiShortDate(c.contractDate);
    case 'contract_finish_date':
      return thaiShortDate(c.contractFinishDate);
    case 'price_agree':
      return withThousands(c.priceAgree);
    case 'contract_status':
      return (
        c.contractStatusText ?? (c.contractStatus && c.contractStatus !== 'other' ? EGP_CONTRACT_STATUS_TEXT[c.contractStatus] : '')
      );
  }
}

function engText(c: EgpCsvContract, place: EgpPlaceKey): string {
  const value = place === 'province' ? c.provinceEn : place === 'district' ? c.districtEn : c.subdistrictEn;
  return value ?? '';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const BE_OFFSET = 543;

/**
 * 'YYYY-MM-DD' → `15 ก.ย. 67`, the e-GP short form. A two-digit year means 25xx BE (that is how
 * parseThaiDate reads it), so a date outside BE 2500–2599 is written with its full year instead.
 */
export function thaiShortDate(iso: string | null | undefined): string {
  if (iso == null) return '';
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`"${iso}" is not an ISO date (YYYY-MM-DD)`);
  const yearBe = Number(match[1]) + BE_OFFSET;
  const month = THAI_MONTHS[Number(match[2]) - 1];
  if (!month) throw new RangeError(`"${iso}" has no month ${match[2]}`);
  const year = yearBe >= 2500 && yearBe <= 2599 ? String(yearBe - 2500).padStart(2, '0') : String(yearBe);
  return `${Number(match[3])} ${month.abbreviation} ${year}`;
}

const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g;

/** "1234567.50" → "1,234,567.50" (decimals kept as given, so the amount reads back identically). */
export function withThousands(amount: string | null | undefined): string {
  if (amount == null) return '';
  const point = amount.indexOf('.');
  const whole = point === -1 ? amount : amount.slice(0, point);
  return whole.replace(THOUSANDS, ',') + (point === -1 ? '' : amount.slice(point));
}

