import { z } from 'zod';
import { ValueParseError } from '../../common/errors';
import { parsePlanTarget } from '../../plans/plan-target';
import { thaiDigitsToAscii } from '../../common/thai-digits';
import { fiscalYear, oneOf } from '../fields';
import type { CsvColumn, TargetColumn } from '../source-definition';
import { AGENCY_CODE, cellOf, foldSpelling } from './common-cells';

/*
 * The key of a plan activity (fiscal year, agency or `province`, plan type, strategy no., activity no.),
 * shared by control-plans and plan-results so that a result names its activity in exactly the same
 * normalised form.
 */

export type PlanType = 'anti_corruption' | 'internal_control';

export const PLAN_TYPES: Record<string, PlanType> = {
  anti_corruption: 'anti_corruption',
  anticorruption: 'anti_corruption',
  'ป้องกันการทุจริต': 'anti_corruption',
  'แผนป้องกันการทุจริต': 'anti_corruption',
  'ป้องกันและปราบปรามการทุจริต': 'anti_corruption',
  'แผนปฏิบัติการป้องกันการทุจริต': 'anti_corruption',
  'แผนปฏิบัติการป้องกันและปราบปรามการทุจริต': 'anti_corruption',
  'ต่อต้านการทุจริต': 'anti_corruption',
  internal_control: 'internal_control',
  'ควบคุมภายใน': 'internal_control',
  'การควบคุมภายใน': 'internal_control',
  'แผนควบคุมภายใน': 'internal_control',
  'แผนการปรับปรุงการควบคุมภายใน': 'internal_control',
  'ปค.5': 'internal_control',
  'ปค5': 'internal_control',
};

const PROVINCE_SPELLINGS = new Set(['province', 'จังหวัด'].map(foldSpelling));

/** An agency code, or `province` (also `จังหวัด`) for the province's own plan. */
export const planAgencyCode = (options: { required?: boolean } = {}) =>
  cellOf((raw) => {
    if (PROVINCE_SPELLINGS.has(foldSpelling(raw))) return 'province';
    const value = thaiDigitsToAscii(raw.trim());
    if (!AGENCY_CODE.test(value)) {
      throw new ValueParseError(`"${raw.trim()}" is not an agency code (letters and digits, up to 20) or "province"`);
    }
    return value;
  }, options);

// "1", "1.2", "2.1.3", "ก", "1/2": numbered or lettered parts joined by . / or -.
const PLAN_NUMBER = /^(?:\d+|[A-Za-z]|[\u0E01-\u0E2E])(?:[./-](?:\d+|[A-Za-z]|[\u0E01-\u0E2E]))*$/;

/**
 * ยุทธศาสตร์ที่ / มาตรการ / ลำดับ as a text code: Thai digits made ASCII, spaces, a leading `ที่`/`ข้อ`
 * and a trailing full stop dropped, leading zeros of each number dropped (`๐๑.` → `1`, `ข้อ 2.1` → `2.1`).
 */
export const planNumber = (options: { required?: boolean } = {}) =>
  cellOf((raw) => {
    const compact = thaiDigitsToAscii(raw).replace(/\s+/g, '').replace(/^(?:ที่|ข้อ)/, '').replace(/\.$/, '');
    if (!PLAN_NUMBER.test(compact)) throw new ValueParseError(`"${raw.trim()}" is not a number such as 1 or 2.1`);
    return compact.replace(/\d+/g, (n) => n.replace(/^0+(?=\d)/, ''));
  }, options);

export const PLAN_KEY_COLUMNS: CsvColumn[] = [
  { key: 'fiscal_year', aliases: ['ปีงบประมาณ', 'ปีงบประมาณ พ.ศ.', 'ปีงบ'], required: true },
  { key: 'agency_code', aliases: ['รหัสหน่วยงาน', 'หน่วยงาน (รหัส)'], required: true },
  { key: 'plan_type', aliases: ['ประเภทแผน', 'ประเภทของแผน'], required: true },
  { key: 'strategy_no', aliases: ['ยุทธศาสตร์ที่', 'ยุทธศาสตร์', 'ลำดับยุทธศาสตร์'] },
  { key: 'activity_no', aliases: ['ลำดับ', 'ลำดับที่', 'กิจกรรมที่', 'ลำดับกิจกรรม'], required: true },
];

export const PLAN_KEY_TARGET: TargetColumn[] = [
  { name: 'fiscal_year', type: 'integer' },
  { name: 'agency_code', type: 'text' },
  { name: 'plan_type', type: 'text' },
  // Part of the key, so always staged: a plan without strategies (ปค.5) stores ''.
  { name: 'strategy_no', type: 'text', from: ['strategy_no', 'activity_no'] },
  { name: 'activity_no', type: 'text' },
];

export const PLAN_KEY_NAMES = ['fiscal_year', 'agency_code', 'plan_type', 'strategy_no', 'activity_no'];

export const planKeyFields = () => ({
  fiscal_year: fiscalYear({ required: true }),
  agency_code: planAgencyCode({ required: true }),
  plan_type: oneOf(PLAN_TYPES, { required: true }),
  strategy_no: planNumber(),
  activity_no: planNumber({ required: true }),
});

/** The key values to store: a blank strategy is '' (the column is part of a unique key, so never null). */
export function planKey(r: {
  fiscal_year: number | null;
  agency_code: string | null;
  plan_type: PlanType | null;
  strategy_no: string | null;
  activity_no: string | null;
}) {
  return {
    fiscal_year: r.fiscal_year,
    agency_code: r.agency_code,
    plan_type: r.plan_type,
    strategy_no: r.strategy_no ?? '',
    activity_no: r.activity_no,
  };
}

/**
 * A target (เป้าหมาย) or an actual (ผลการดำเนินการ) as written, plus its number, unit, comparison and
 * scale when they can be read without guessing.
 */
export const planMeasure = () =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const parsed = parsePlanTarget(raw);
      if (parsed.text !== null && parsed.text.length > 1000) {
        ctx.addIssue({ code: 'custom', message: 'is longer than 1000 characters' });
      }
      return parsed;
    });
