import { z } from 'zod';
import { ValueParseError } from '../../common/errors';
import { fiscalYearOf, fiscalYearRange } from '../../common/fiscal-year';
import { parseAmount, scaleDecimal } from '../../common/money';
import { date, fiscalYear, oneOf, text } from '../fields';
import type { ImportSource } from '../source-definition';
import { agencyCode, cellOf, foldSpelling, restoreCodeZeros } from './common-cells';

export type BudgetType = 'current' | 'investment';
export type DisbursementUnit = 'บาท' | 'ล้านบาท';

const BUDGET_TYPES: Record<string, BudgetType> = {
  current: 'current',
  'รายจ่ายประจำ': 'current',
  'งบรายจ่ายประจำ': 'current',
  'ประจำ': 'current',
  investment: 'investment',
  'รายจ่ายลงทุน': 'investment',
  'งบรายจ่ายลงทุน': 'investment',
  'ลงทุน': 'investment',
};

/** Total lines of the published report: summing them with their parts would count every baht twice. */
const TOTAL_SPELLINGS = new Set(['total', 'รวม', 'รวมทั้งสิ้น', 'ภาพรวม', 'รวมทั้งหมด'].map(foldSpelling));

const UNITS: Record<string, DisbursementUnit> = {
  'บาท': 'บาท',
  baht: 'บาท',
  thb: 'บาท',
  '฿': 'บาท',
  'ล้านบาท': 'ล้านบาท',
  'ล้าน': 'ล้านบาท',
  'ลบ.': 'ล้านบาท',
  'millionbaht': 'ล้านบาท',
  million: 'ล้านบาท',
  mthb: 'ล้านบาท',
};

const AMOUNT_KEYS = ['budget_after_transfer', 'allocated', 'spending_plan', 'commitments', 'disbursed'] as const;
type AmountKey = (typeof AMOUNT_KEYS)[number];

/** An amount as written: its exact decimal (any number of places, for ล้านบาท) and the cell text for messages. */
interface WrittenAmount {
  shown: string;
  value: string;
}

/**
 * An amount before its unit is known: exact, never negative, with as many decimals as were written
 * (`1.234567` ล้านบาท is a whole number of baht). The satang limit is checked after conversion.
 */
const writtenAmount = () =>
  cellOf<WrittenAmount>((raw) => {
    const value = parseAmount(raw);
    if (value === null) return null;
    if (value.startsWith('-')) throw new ValueParseError(`"${raw.trim()}" is negative`);
    return { shown: raw.trim(), value };
  });

const BUDGET_TYPE_BY_SPELLING = new Map(Object.entries(BUDGET_TYPES).map(([k, v]) => [foldSpelling(k), v]));

/** current / investment; a total line (รวม) is named as such rather than as an unknown type. */
const budgetType = () =>
  cellOf((raw): BudgetType => {
    const folded = foldSpelling(raw);
    if (TOTAL_SPELLINGS.has(folded)) {
      throw new ValueParseError(
        `"${raw.trim()}" is a total line; import the รายจ่ายประจำ (current) and รายจ่ายลงทุน (investment) lines only`,
      );
    }
    const type = BUDGET_TYPE_BY_SPELLING.get(folded);
    if (!type) throw new ValueParseError(`"${raw.trim()}" is not one of current, investment`);
    return type;
  }, { required: true });

/** The amount in baht, exactly: ล้านบาท moves the decimal point six places, nothing is rounded. */
function toBaht(amount: WrittenAmount, unit: DisbursementUnit): { baht: string } | { problem: string } {
  const baht = unit === 'ล้านบาท' ? scaleDecimal(amount.value, 6) : amount.value;
  const [whole, fraction = ''] = baht.split('.');
  const significant = fraction.replace(/0+$/, '');
  const written = unit === 'ล้านบาท' ? `"${amount.shown}" ล้านบาท (${baht} บาท)` : `"${amount.shown}"`;
  if (significant.length > 2) return { problem: `${written} has more than 2 decimal places (satang)` };
  if (whole.length > 16) return { problem: `${written} is too large for an amount in baht` };
  // Trailing zeros past the satang carry nothing: "1500000.000" is stored as "1500000.00".
  return { baht: fraction.length > 2 ? `${whole}.${fraction.slice(0, 2)}` : baht };
}

/** gfmis-disbursements — the GFMIS disbursement report, one row per agency, budget type and report date. */
export const gfmisDisbursementsSource: ImportSource = {
  name: 'gfmis-disbursements',
  description:
    'GFMIS disbursement report per agency, budget type and report date, in บาท or ล้านบาท (ปีงบประมาณ, ข้อมูล ณ วันที่, รหัสหน่วยงาน, …)',
  table: 'gfmis_disbursements',
  roles: ['admin', 'auditor', 'finance'],
  columns: [
    { key: 'fiscal_year', aliases: ['ปีงบประมาณ', 'ปีงบประมาณ พ.ศ.', 'ปีงบ'], required: true },
    { key: 'as_of', aliases: ['ข้อมูล ณ วันที่', 'ณ วันที่', 'วันที่ข้อมูล', 'as of', 'report_date'], required: true },
    { key: 'agency_code', aliases: ['รหัสหน่วยงาน', 'รหัสหน่วยงาน (5 หลัก)', 'รหัสส่วนราชการ'], required: true },
    { key: 'agency_name', aliases: ['หน่วยงาน', 'ชื่อหน่วยงาน', 'ส่วนราชการ'] },
    { key: 'budget_type', aliases: ['ประเภทรายจ่าย', 'ประเภทงบประมาณ', 'ประเภทงบรายจ่าย'], required: true },
    {
      key: 'budget_after_transfer',
      aliases: [
        'วงเงินงบประมาณหลังโอนเปลี่ยนแปลง',
        'งบประมาณหลังโอนเปลี่ยนแปลง',
        'วงเงินหลังโอนเปลี่ยนแปลง',
        'งบประมาณหลังโอน',
        'งบประมาณหลังโอนเปลี่ยนแปลง (บาท)',
      ],
    },
    { key: 'allocated', aliases: ['จัดสรร', 'งบประมาณจัดสรร', 'เงินจัดสรร', 'ได้รับจัดสรร'] },
    { key: 'spending_plan', aliases: ['แผนการใช้จ่าย', 'แผนการใช้จ่ายเงิน', 'แผนการใช้จ่ายงบประมาณ'] },
    {
      key: 'commitments',
      aliases: ['PO + สำรองเงินมีหนี้', 'PO และสำรองเงินมีหนี้', 'PO+สำรองเงิน', 'ใบสั่งซื้อ + สำรองเงินมีหนี้', 'ก่อหนี้ผูกพัน'],
    },
    { key: 'disbursed', aliases: ['เบิกจ่าย', 'เบิกจ่ายสะสม', 'ผลการเบิกจ่าย', 'เบิกจ่ายจริง'] },
    { key: 'unit', aliases: ['หน่วย', 'หน่วยนับ', 'หน่วยเงิน'] },
  ],
  target: [
    { name: 'fiscal_year', type: 'integer' },
    { name: 'as_of', type: 'date' },
    { name: 'agency_code', type: 'text' },
    { name: 'agency_name', type: 'text' },
    { name: 'budget_type', type: 'text' },
    { name: 'budget_after_transfer', type: 'numeric' },
    { name: 'allocated', type: 'numeric' },
    { name: 'spending_plan', type: 'numeric' },
    { name: 'commitments', type: 'numeric' },
    { name: 'disbursed', type: 'numeric' },
    // The unit the amounts were written in: stored whenever amounts are (a file without หน่วย is in บาท).
    { name: 'source_unit', type: 'text', from: ['unit', ...AMOUNT_KEYS] },
  ],
  naturalKey: ['fiscal_year', 'as_of', 'agency_code', 'budget_type'],
  references: [{ column: 'agency_code', table: 'agencies', tableColumn: 'code', label: 'agency' }],
  repairRow: (raw, context) => {
    restoreCodeZeros(raw, 'agency_code', 5, 'a GFMIS agency code', context);
    return raw;
  },
  rowSchema: z
    .object({
      fiscal_year: fiscalYear({ required: true }),
      as_of: date({ required: true }),
      agency_code: agencyCode({ required: true }),
      agency_name: text({ max: 300 }),
      budget_type: budgetType(),
      budget_after_transfer: writtenAmount(),
      allocated: writtenAmount(),
      spending_plan: writtenAmount(),
      commitments: writtenAmount(),
      disbursed: writtenAmount(),
      unit: oneOf(UNITS),
    })
    .transform((r, ctx) => {
      const fiscalYear = r.fiscal_year!;
      const asOf = r.as_of!;
      if (fiscalYearOf(asOf) !== fiscalYear) {
        const range = fiscalYearRange(fiscalYear);
        ctx.addIssue({
          code: 'custom',
          path: ['as_of'],
          message: `${asOf} is outside fiscal year ${fiscalYear} (${range.start} to ${range.end}); it falls in ${fiscalYearOf(asOf)}`,
        });
      }
      const unit = r.unit ?? 'บาท';
      const baht = {} as Record<AmountKey, string | null>;
      for (const key of AMOUNT_KEYS) {
        const written = r[key];
        baht[key] = null;
        if (!written) continue;
        const converted = toBaht(written, unit);
        if ('problem' in converted) ctx.addIssue({ code: 'custom', path: [key], message: converted.problem });
        else baht[key] = converted.baht;
      }
      return {
        fiscal_year: fiscalYear,
        as_of: asOf,
        agency_code: r.agency_code,
        agency_name: r.agency_name,
        budget_type: r.budget_type,
        ...baht,
        source_unit: unit,
      };
    }),
};
