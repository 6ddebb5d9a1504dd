import { z } from 'zod';
import { fiscalYearRange } from '../../common/fiscal-year';
import { date, oneOf, text } from '../fields';
import type { ImportSource } from '../source-definition';
import { PLAN_KEY_COLUMNS, PLAN_KEY_NAMES, PLAN_KEY_TARGET, planKey, planKeyFields, planMeasure } from './plan-keys';

export type PlanResultStatus = 'done' | 'in_progress' | 'not_started';

const STATUS: Record<string, PlanResultStatus> = {
  done: 'done',
  completed: 'done',
  'เสร็จแล้ว': 'done',
  'แล้วเสร็จ': 'done',
  'เสร็จสิ้น': 'done',
  'ดำเนินการแล้วเสร็จ': 'done',
  'ดำเนินการเสร็จแล้ว': 'done',
  'ดำเนินการเสร็จสิ้น': 'done',
  in_progress: 'in_progress',
  ongoing: 'in_progress',
  'อยู่ระหว่างดำเนินการ': 'in_progress',
  'ระหว่างดำเนินการ': 'in_progress',
  'กำลังดำเนินการ': 'in_progress',
  not_started: 'not_started',
  'ยังไม่ดำเนินการ': 'not_started',
  'ยังไม่ได้ดำเนินการ': 'not_started',
  'ยังไม่เริ่มดำเนินการ': 'not_started',
};

const actual = planMeasure;

/** plan-results — what a plan activity achieved by a report date. */
export const planResultsSource: ImportSource = {
  name: 'plan-results',
  description:
    'Results of plan activities at a report date: actual, output, outcome, status (ปีงบประมาณ, รหัสหน่วยงาน, ลำดับ, วันที่รายงาน, ผลการดำเนินการ, …)',
  table: 'plan_results',
  roles: ['admin', 'auditor', 'agency'],
  // A result names its activity by the activity's whole key, agency code included (there is no other link to
  // control_plan_activities), so the row's agency_code is the activity's agency: an agency reports results of
  // its own activities only, not another agency's, not the province's own plan.
  agencyColumn: 'agency_code',
  columns: [
    ...PLAN_KEY_COLUMNS,
    { key: 'reported_date', aliases: ['วันที่รายงาน', 'รายงาน ณ วันที่', 'ข้อมูล ณ วันที่', 'วันที่รายงานผล'], required: true },
    { key: 'actual', aliases: ['ผลการดำเนินการ', 'ผลการดำเนินงาน', 'ผลการดำเนินการ (จำนวน)'] },
    { key: 'output', aliases: ['ผลผลิต'] },
    { key: 'outcome', aliases: ['ผลลัพธ์'] },
    { key: 'status', aliases: ['สถานะ', 'สถานะการดำเนินการ', 'สถานะการดำเนินงาน'] },
  ],
  target: [
    ...PLAN_KEY_TARGET,
    { name: 'reported_date', type: 'date' },
    { name: 'actual_text', type: 'text', from: ['actual'] },
    { name: 'actual_value', type: 'numeric', from: ['actual'] },
    { name: 'actual_unit', type: 'text', from: ['actual'] },
    { name: 'output', type: 'text' },
    { name: 'outcome', type: 'text' },
    { name: 'status', type: 'text' },
  ],
  naturalKey: [...PLAN_KEY_NAMES, 'reported_date'],
  rowSchema: z
    .object({
      ...planKeyFields(),
      reported_date: date({ required: true }),
      actual: actual(),
      output: text({ max: 2000 }),
      outcome: text({ max: 2000 }),
      status: oneOf(STATUS),
    })
    .transform((r, ctx) => {
      const start = fiscalYearRange(r.fiscal_year!).start;
      if (r.reported_date! < start) {
        ctx.addIssue({
          code: 'custom',
          path: ['reported_date'],
          message: `${r.reported_date} is before fiscal year ${r.fiscal_year} begins (${start})`,
        });
      }
      return {
        ...planKey(r),
        reported_date: r.reported_date,
        actual_text: r.actual.text,
        actual_value: r.actual.value,
        actual_unit: r.actual.unit,
        output: r.output,
        outcome: r.outcome,
        status: r.status,
      };
    }),
};
