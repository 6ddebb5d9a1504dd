import { z } from 'zod';
import { amount, code, date, fiscalYear, list, text } from '../fields';
import type { ImportSource } from '../source-definition';
import { thaiDigitsToAscii } from '../../common/thai-digits';

/** budget-projects — projects paid from the provincial budget (data-formats.md). */
export const budgetProjectsSource: ImportSource = {
  name: 'budget-projects',
  description: 'Provincial-budget projects, candidates for performance audits (รหัสโครงการ, ชื่อโครงการ, …)',
  table: 'budget_projects',
  roles: ['admin', 'auditor'],
  columns: [
    { key: 'project_code', aliases: ['รหัสโครงการ'], required: true },
    { key: 'name', aliases: ['ชื่อโครงการ'], required: true },
    { key: 'agency_code', aliases: ['รหัสหน่วยงาน'], required: true },
    { key: 'fiscal_year', aliases: ['ปีงบประมาณ'], required: true },
    { key: 'budget', aliases: ['งบประมาณ', 'งบประมาณ(บาท)'] },
    { key: 'start_date', aliases: ['วันเริ่มต้น', 'วันที่เริ่มต้น'] },
    { key: 'end_date', aliases: ['วันสิ้นสุด', 'วันที่สิ้นสุด'] },
    { key: 'egp_project_ids', aliases: ['เลขที่โครงการ e-GP', 'เลขที่โครงการ egp', 'เลขที่โครงการ'] },
  ],
  target: [
    { name: 'code', type: 'text', from: ['project_code'] },
    { name: 'name', type: 'text' },
    { name: 'agency_code', type: 'text' },
    { name: 'fiscal_year', type: 'integer' },
    { name: 'budget', type: 'numeric' },
    { name: 'start_date', type: 'date' },
    { name: 'end_date', type: 'date' },
    { name: 'egp_project_ids', type: 'text[]' },
  ],
  naturalKey: ['code'],
  references: [{ column: 'agency_code', table: 'agencies', tableColumn: 'code', label: 'agency' }],
  rowSchema: z
    .object({
      project_code: code({ required: true }),
      name: text({ required: true, max: 500 }),
      agency_code: code({ required: true }),
      fiscal_year: fiscalYear({ required: true }),
      budget: amount({ nonNegative: true }),
      start_date: date(),
      end_date: date(),
      egp_project_ids: list((id) => thaiDigitsToAscii(id)),
    })
    .superRefine((r, ctx) => {
      if (r.start_date && r.end_date && r.end_date < r.start_date) {
        ctx.addIssue({ code: 'custom', path: ['end_date'], message: `ends (${r.end_date}) before it starts (${r.start_date})` });
      }
      for (const id of r.egp_project_ids) {
        if (!/^(\d{11}|P\d+)$/.test(id)) {
          ctx.addIssue({ code: 'custom', path: ['egp_project_ids'], message: `"${id}" is not an e-GP project id (11 digits)` });
        }
      }
    })
    .transform((r) => ({
      code: r.project_code,
      name: r.name,
      agency_code: r.agency_code,
      fiscal_year: r.fiscal_year,
      budget: r.budget,
      start_date: r.start_date,
      end_date: r.end_date,
      egp_project_ids: r.egp_project_ids,
    })),
};
