import { z } from 'zod';
import { BE_OFFSET } from '../../common/buddhist-era';
import { ValueParseError } from '../../common/errors';
import { fiscalYearRange } from '../../common/fiscal-year';
import { daysInMonth, toIsoDate } from '../../common/iso-date';
import { normaliseSpaces } from '../../common/text-cleaning';
import { parseThaiDate } from '../../common/thai-date';
import { thaiDigitsToAscii } from '../../common/thai-digits';
import { thaiMonthNumber } from '../../common/thai-months';
import { amount, date, text } from '../fields';
import type { ImportSource, RawRow, RowContext } from '../source-definition';
import { foldSpelling } from './common-cells';
import { PLAN_KEY_COLUMNS, PLAN_KEY_NAMES, PLAN_KEY_TARGET, planKey, planKeyFields, planMeasure, planNumber } from './plan-keys';

/** What plans write in the budget column for "no money of its own". */
const NO_BUDGET = new Set(
  ['ไม่ใช้งบประมาณ', 'ไม่ได้ใช้งบประมาณ', 'ไม่ใช้งบ', 'ไม่มีงบประมาณ', 'ไม่มี', 'none'].map(foldSpelling),
);

const budget = () =>
  z
    .string()
    .optional()
    .transform((raw) => (raw !== undefined && NO_BUDGET.has(foldSpelling(raw)) ? '' : raw))
    .pipe(amount({ nonNegative: true }));

const target = planMeasure;

// ------------------------------------------------------------------------------------------------
// กำหนดเสร็จ as plans write it when it is not one day: "ก.ย. 68", "ภายใน ก.ย. 2568", "ตลอดปีงบประมาณ".

const MONTH_YEAR = /^(\D+?)\s*(?:พ\.?\s?ศ\.?\s*)?(\d{2}|\d{4})$/;
const WHOLE_YEAR = /^ตลอด(?:ทั้ง)?ปี(?:งบประมาณ)?(?:\s*(?:พ\.?\s?ศ\.?\s*)?\d{4})?$/;

function planFiscalYear(raw: string | undefined): number | undefined {
  const digits = thaiDigitsToAscii(raw ?? '').trim();
  const year = Number(digits);
  return /^\d{4}$/.test(digits) && year >= 2500 && year <= 2700 ? year : undefined;
}

/** The day a due date that is not written as one day means, and how it was read; undefined when it is none of these. */
export function readLooseDueDate(raw: string, fiscalYearRaw: string | undefined): { date: string; how: string } | undefined {
  const text = normaliseSpaces(thaiDigitsToAscii(raw));
  const shown = raw.trim();
  if (WHOLE_YEAR.test(text)) {
    const fiscalYear = planFiscalYear(fiscalYearRaw);
    if (fiscalYear === undefined) return undefined;
    const end = fiscalYearRange(fiscalYear).end;
    return { date: end, how: `read "${shown}" (throughout the fiscal year) as its last day, ${end}` };
  }
  const within = text.replace(/^ภายใน(?:วันที่)?\s*/, '').replace(/^(?:เดือน)\s*/, '');
  if (within !== text) {
    try {
      const day = parseThaiDate(within);
      if (day) return { date: day, how: `read "${shown}" as ${day}` };
    } catch (error) {
      if (!(error instanceof ValueParseError)) throw error;
    }
  }
  const match = MONTH_YEAR.exec(within);
  const month = match ? thaiMonthNumber(match[1]) : undefined;
  if (!match || month === undefined) return undefined;
  const year = Number(match[2]);
  const yearCe = match[2].length === 2 ? 2500 + year - BE_OFFSET : year >= 2400 ? year - BE_OFFSET : year;
  if (yearCe < 1800 || yearCe > 2199) return undefined;
  const end = toIsoDate(yearCe, month, daysInMonth(yearCe, month));
  return { date: end, how: `read "${shown}" as the end of that month, ${end}` };
}

/** repairRow: a due date given as a month, "within" a day, or the whole fiscal year becomes one day, reported. */
export function repairDueDate(raw: RawRow, context: RowContext): RawRow {
  const due = raw.due_date;
  if (due === undefined || due.trim() === '') return raw;
  try {
    parseThaiDate(due);
    return raw; // already a date (or `-`)
  } catch (error) {
    if (!(error instanceof ValueParseError)) throw error;
  }
  const loose = readLooseDueDate(due, raw.fiscal_year);
  if (!loose) return raw;
  context.repair('due_date', loose.how);
  return { ...raw, due_date: loose.date };
}

/** control-plans — internal-control (ปค.5) and anti-corruption action plan activities. */
export const controlPlansSource: ImportSource = {
  name: 'control-plans',
  description:
    'Internal-control (ปค.5) and anti-corruption plan activities with target, budget and due date (ปีงบประมาณ, รหัสหน่วยงาน, ลำดับ, เป้าหมาย, …)',
  table: 'control_plan_activities',
  roles: ['admin', 'auditor', 'agency'],
  // An agency reports its own plan rows only: not another agency's, not the province's own plan.
  agencyColumn: 'agency_code',
  columns: [
    ...PLAN_KEY_COLUMNS,
    { key: 'measure_no', aliases: ['มาตรการ', 'มาตรการที่'] },
    { key: 'activity', aliases: ['โครงการ/กิจกรรม', 'โครงการ / กิจกรรม', 'กิจกรรม', 'โครงการ', 'ชื่อโครงการ/กิจกรรม'] },
    { key: 'risk', aliases: ['ความเสี่ยง', 'ความเสี่ยงที่ยังมีอยู่', 'ความเสี่ยงที่มีอยู่'] },
    { key: 'indicator', aliases: ['ตัวชี้วัด', 'ตัวชี้วัดความสำเร็จ'] },
    { key: 'target', aliases: ['เป้าหมาย', 'ค่าเป้าหมาย'] },
    { key: 'budget', aliases: ['งบประมาณ', 'งบประมาณ (บาท)', 'วงเงินงบประมาณ'] },
    { key: 'responsible', aliases: ['ผู้รับผิดชอบ', 'หน่วยงานที่รับผิดชอบ', 'หน่วยงานรับผิดชอบ', 'ผู้รับผิดชอบ/หน่วยงาน'] },
    { key: 'due_date', aliases: ['กำหนดเสร็จ', 'กำหนดแล้วเสร็จ', 'วันที่กำหนดแล้วเสร็จ', 'กำหนดเวลาแล้วเสร็จ'] },
  ],
  target: [
    ...PLAN_KEY_TARGET,
    { name: 'measure_no', type: 'text' },
    { name: 'activity', type: 'text' },
    { name: 'risk', type: 'text' },
    { name: 'indicator', type: 'text' },
    { name: 'target_text', type: 'text', from: ['target'] },
    { name: 'target_value', type: 'numeric', from: ['target'] },
    { name: 'target_unit', type: 'text', from: ['target'] },
    { name: 'target_comparison', type: 'text', from: ['target'] },
    { name: 'target_scale', type: 'text', from: ['target'] },
    { name: 'budget', type: 'numeric' },
    { name: 'responsible', type: 'text' },
    { name: 'due_date', type: 'date' },
  ],
  naturalKey: PLAN_KEY_NAMES,
  // agency_code may be `province`, which is no row of agencies, so there is no reference check: the
  // code's form is validated instead.
  repairRow: repairDueDate,
  rowSchema: z
    .object({
      ...planKeyFields(),
      measure_no: planNumber(),
      activity: text({ max: 2000 }),
      risk: text({ max: 2000 }),
      indicator: text({ max: 1000 }),
      target: target(),
      budget: budget(),
      responsible: text({ max: 500 }),
      due_date: date(),
    })
    .transform((r) => ({
      ...planKey(r),
      measure_no: r.measure_no,
      activity: r.activity,
      risk: r.risk,
      indicator: r.indicator,
      target_text: r.target.text,
      target_value: r.target.value,
      target_unit: r.target.unit,
      target_comparison: r.target.comparison,
      target_scale: r.target.scale,
      budget: r.budget,
      responsible: r.responsible,
      due_date: r.due_date,
    })),
};
