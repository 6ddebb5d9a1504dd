import { ValueParseError } from '../../common/errors';
import { EGP_THAI_HEADERS, EgpKey } from './egp-columns';
import {
  classifyContractStatus,
  classifyMethod,
  classifyProjectType,
  EgpContractStatus,
  EgpMethod,
  EgpProjectType,
  methodPrecision,
} from './egp-enums';
import type { EgpLayout } from './egp-layout';
import {
  readAmount,
  readBudgetYear,
  readCode,
  readCoordinate,
  readDate,
  readProjectId,
  readTaxId,
  readText,
} from './egp-values';

/*
 * One data row of an e-GP contract file, in any published layout, read into typed values.
 *
 * Three outcomes per problem, as data-formats.md asks:
 *  - repaired and reported (swapped method columns, a lost leading zero in the tax id);
 *  - kept and reported (a tax id Excel turned into 1.05552E+11, a bad check digit, an unusable coordinate):
 *    the contract is still worth having, the damaged value is not;
 *  - rejected (no valid project id, an impossible date, an amount that is not a number, a year that is not
 *    BE): storing such a row would put a wrong fact into the audit.
 * Unknown wordings of type, method and status are not problems: the enum says 'other', the text is kept.
 */

/** A problem or repair in one cell; `column` is the canonical English key ('' for the whole row). */
export interface Problem {
  row: number;
  column: string;
  message: string;
}

export interface EgpContractRow {
  /** รหัสโครงการ: 11 digits, or a plan-stage id starting with P. */
  projectId: string;
  projectName: string | null;
  /** null when the file gives no type; 'other' for a wording not known yet (see projectTypeText). */
  projectType: EgpProjectType | null;
  projectTypeText: string | null;
  deptName: string | null;
  deptSubName: string | null;
  /** null when neither method column names anything; 'other' for an unknown wording (see methodText). */
  method: EgpMethod | null;
  methodText: string | null;
  methodGroupText: string | null;
  /** Dates are ISO 'YYYY-MM-DD' calendar dates. */
  announceDate: string | null;
  /** Amounts are exact decimal strings in baht ("1234567.50"), never floats. */
  projectMoney: string | null;
  /** ราคากลาง: the reference price. */
  priceBuild: string | null;
  sumPriceAgree: string | null;
  /** Buddhist Era fiscal year, e.g. 2568. */
  budgetYear: number | null;
  transactionDate: string | null;
  province: string | null;
  district: string | null;
  subdistrict: string | null;
  projectStatus: string | null;
  /** พิกัดของโครงการ as written (free text). */
  location: string | null;
  lat: number | null;
  lon: number | null;
  /** The tax id cell as the file wrote it (trimmed), kept even when no id could be read from it. */
  winnerTinRaw: string | null;
  /** 13 digits, or null when the file gave none or Excel destroyed it. */
  winnerTin: string | null;
  /** True only for a 13-digit id whose check digit matches. */
  winnerTinValid: boolean;
  winnerName: string | null;
  contractNo: string | null;
  contractDate: string | null;
  contractFinishDate: string | null;
  priceAgree: string | null;
  contractStatus: EgpContractStatus | null;
  contractStatusText: string | null;
}

export interface EgpRowResult {
  /** Present only when the row has no errors. */
  value?: EgpContractRow;
  errors: Problem[];
  /** Repairs made and damage kept-and-reported; listed even for a rejected row. */
  repairs: Problem[];
}

// Thailand lies within about 5.6–20.5 °N and 97.3–105.7 °E; a pair the other way round was swapped.
const THAI_LAT = { from: 5, to: 21 };
const THAI_LON = { from: 97, to: 106 };

/**
 * Reads one data row. `row` is the spreadsheet row number used in the problems (the header is row 1).
 * Never throws for bad data: every problem comes back in `errors` or `repairs`.
 */
export function parseEgpRow(fields: string[], layout: EgpLayout, row: number): EgpRowResult {
  const errors: Problem[] = [];
  const repairs: Problem[] = [];
  const lengthProblem = checkLength(fields, layout);
  if (lengthProblem) {
    errors.push({ row, column: '', message: lengthProblem });
    return { errors, repairs };
  }
  const at = layout.fieldIndex;

  let projectId = '';
  try {
    projectId = readProjectId(cell(fields, at.project_id));
  } catch (error) {
    report(errors, row, 'project_id', error);
  }

  const projectTypeText = readText(cell(fields, at.project_type_name));
  const contractStatusText = readText(cell(fields, at.contract_status));

  let methodText = readText(cell(fields, at.purchase_method_name));
  let methodGroupText = readText(cell(fields, at.purchase_method_group_name));
  let method = methodText === null ? null : classifyMethod(methodText);
  const groupMethod = methodGroupText === null ? null : classifyMethod(methodGroupText);
  if (methodPrecision(groupMethod) > methodPrecision(method)) {
    repairs.push({
      row,
      column: 'purchase_method_name',
      message:
        `${EGP_THAI_HEADERS.purchase_method_name} "${methodText ?? ''}" and ${EGP_THAI_HEADERS.purchase_method_group_name} ` +
        `"${methodGroupText}" were swapped (the method is the one that names a method); swapped back`,
    });
    const swapped = methodText;
    methodText = methodGroupText;
    methodGroupText = swapped;
    method = groupMethod;
  }

  const tinCell = cell(fields, at.winner_tin);
  const tin = readTaxId(tinCell);
  if (tin.problem !== undefined && tin.problem !== 'missing') {
    const kept = tin.tin === null ? '; the contract is kept without a tax id' : '';
    repairs.push({ row, column: 'winner_tin', message: `${tin.message}${kept}` });
  }

  const [lat, lon] = readCoordinates(fields, layout, row, repairs);

  const value: EgpContractRow = {
    projectId,
    projectName: readText(cell(fields, at.project_name)),
    projectType: projectTypeText === null ? null : classifyProjectType(projectTypeText),
    projectTypeText,
    deptName: readText(cell(fields, at.dept_name)),
    deptSubName: readText(cell(fields, at.dept_sub_name)),
    method,
    methodText,
    methodGroupText,
    announceDate: guarded(readDate, fields, at.announce_date, 'announce_date', row, errors),
    projectMoney: guarded(readAmount, fields, at.project_money, 'project_money', row, errors),
    priceBuild: guarded(readAmount, fields, at.price_build, 'price_build', row, errors),
    sumPriceAgree: guarded(readAmount, fields, at.sum_price_agree, 'sum_price_agree', row, errors),
    budgetYear: guarded(readBudgetYear, fields, at.budget_year, 'budget_year', row, errors),
    transactionDate: guarded(readDate, fields, at.transaction_date, 'transaction_date', row, errors),
    province: readText(cell(fields, at.province)),
    district: readText(cell(fields, at.district)),
    subdistrict: readText(cell(fields, at.subdistrict)),
    projectStatus: readText(cell(fields, at.project_status)),
    location: readText(cell(fields, at.location)),
    lat,
    lon,
    winnerTinRaw: readText(tinCell),
    winnerTin: tin.tin,
    winnerTinValid: tin.valid,
    winnerName: readText(cell(fields, at.winner)),
    contractNo: readCode(cell(fields, at.contract_no)),
    contractDate: guarded(readDate, fields, at.contract_date, 'contract_date', row, errors),
    contractFinishDate: guarded(readDate, fields, at.contract_finish_date, 'contract_finish_date', row, errors),
    priceAgree: guarded(readAmount, fields, at.price_agree, 'price_agree', row, errors),
    contractStatus: contractStatusText === null ? null : classifyContractStatus(contractStatusText),
    contractStatusText,
  };
  return errors.length > 0 ? { errors, repairs } : { value, errors, repairs };
}

function cell(fields: string[], index: number | undefined): string | undefined {
  return index === undefined ? undefined : fields[index];
}

/** A row of another length than the file's usual one would put values under the wrong columns. */
function checkLength(fields: string[], layout: EgpLayout): string | undefined {
  const expected = layout.expectedFieldCount;
  if (fields.length === expected) return undefined;
  if (fields.length > expected) {
    // Trailing empty cells (a trailing comma) shift nothing.
    let extraFilled = false;
    for (let i = expected; i < fields.length; i++) {
      if (fields[i]!.trim() !== '') {
        extraFilled = true;
        break;
      }
    }
    if (!extraFilled) return undefined;
  }
  return (
    `the row has ${fields.length} values but rows of this file carry ${expected}, so its values cannot be ` +
    'placed under their columns (is a comma in a title missing its quotes?)'
  );
}

/** Runs a cell reader; a ValueParseError becomes an error on `column` and the value null. */
function guarded<T>(
  read: (raw: string | undefined) => T | null,
  fields: string[],
  index: number | undefined,
  column: EgpKey,
  row: number,
  errors: Problem[],
): T | null {
  try {
    return read(cell(fields, index));
  } catch (error) {
    report(errors, row, column, error);
    return null;
  }
}

function report(into: Problem[], row: number, column: EgpKey, error: unknown): void {
  if (!(error instanceof ValueParseError)) throw error; // a bug, not bad data
  into.push({ row, column, message: error.message });
}

/**
 * Coordinates are kept-and-reported, never fatal: a contract without a usable location is still a
 * contract. A latitude/longitude pair written the other way round is swapped back.
 */
function readCoordinates(fields: string[], layout: EgpLayout, row: number, repairs: Problem[]): [number | null, number | null] {
  let lat = coordinate(fields, layout.fieldIndex.lat, 'lat', row, repairs);
  let lon = coordinate(fields, layout.fieldIndex.lon, 'lon', row, repairs);
  if (lat !== null && lon !== null) {
    if (lat === 0 && lon === 0) {
      repairs.push({ row, column: 'lat', message: '0, 0 is a placeholder, not a place in Thailand; stored no coordinates' });
      return [null, null];
    }
    if (within(lat, THAI_LON) && within(lon, THAI_LAT)) {
      repairs.push({ row, column: 'lat', message: `latitude ${lat} and longitude ${lon} were swapped; swapped back` });
      [lat, lon] = [lon, lat];
    }
  }
  if (lat !== null && Math.abs(lat) > 90) {
    repairs.push({ row, column: 'lat', message: `${lat} is not a latitude (it must lie within ±90); stored none` });
    lat = null;
  }
  if (lon !== null && Math.abs(lon) > 180) {
    repairs.push({ row, column: 'lon', message: `${lon} is not a longitude (it must lie within ±180); stored none` });
    lon = null;
  }
  return [lat, lon];
}

function coordinate(fields: string[], index: number | undefined, column: EgpKey, row: number, repairs: Problem[]): number | null {
  try {
    return readCoordinate(cell(fields, index));
  } catch (error) {
    if (!(error instanceof ValueParseError)) throw error;
    repairs.push({ row, column, message: `${error.message}; stored none` });
    return null;
  }
}

function within(value: number, range: { from: number; to: number }): boolean {
  return value >= range.from && value <= range.to;
}
