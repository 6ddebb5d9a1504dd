import type { AuditPlanView } from '../audit-plan.views';
import { planToCsv } from './plan-csv';
import { planToIcs } from './plan-ics';
import { planToXlsx } from './plan-xlsx';

export type PlanExportFormat = 'csv' | 'ics' | 'json' | 'xlsx';
export const PLAN_EXPORT_FORMATS: readonly PlanExportFormat[] = ['csv', 'ics', 'json', 'xlsx'];

export interface PlanExport {
  contentType: string;
  /** `audit-plan-2568-r1.xlsx`: fiscal year and revision, so downloads of two revisions do not overwrite each other. */
  fileName: string;
  body: string | Buffer;
}

const CONTENT_TYPES: Record<PlanExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The annual plan in one of its download formats, with the file name and content type to serve it under. */
export async function exportPlan(plan: AuditPlanView, format: PlanExportFormat): Promise<PlanExport> {
  const fileName = `audit-plan-${plan.fiscalYear}-r${plan.revision}.${format}`;
  return { contentType: CONTENT_TYPES[format], fileName, body: await bodyOf(plan, format) };
}

async function bodyOf(plan: AuditPlanView, format: PlanExportFormat): Promise<string | Buffer> {
  switch (format) {
    case 'csv':
      return planToCsv(plan);
    case 'ics':
      return planToIcs(plan);
    case 'json':
      return `${JSON.stringify(plan, null, 2)}\n`;
    case 'xlsx':
      return planToXlsx(plan);
    default:
      throw new RangeError(`unknown plan export format: ${String(format satisfies never)}`);
  }
}
