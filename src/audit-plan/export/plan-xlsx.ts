import { Workbook } from 'exceljs';
import { toBangkokIsoDate } from '../../common/bangkok-date';
import { formatThaiDate } from '../../common/buddhist-era';
import type { AuditPlanView, UnplacedView } from '../audit-plan.views';
import { PLAN_COLUMNS } from './plan-columns';
import { AUDIT_TYPE_TH, AUDITEE_TYPE_TH, auditeeLabel, PLAN_STATUS_TH, planTitle } from './plan-labels';
import { addTableSheet, type SheetColumn } from './xlsx-table-sheet';

export const PLAN_SHEET = 'แผนการตรวจสอบ';
export const UNPLACED_SHEET = 'ยังไม่ได้จัดลง';
export const WORKLOAD_SHEET = 'ภาระงานผู้ตรวจสอบ';

type Workload = AuditPlanView['workload'][number];

const UNPLACED_COLUMNS: readonly SheetColumn<UnplacedView>[] = [
  { header: 'ลำดับ', width: 7, value: (_u, i) => i + 1 },
  { header: 'หน่วยรับตรวจ', width: 40, value: (u) => auditeeLabel(u) },
  { header: 'ประเภทหน่วยรับตรวจ', width: 12, value: (u) => AUDITEE_TYPE_TH[u.auditeeType] },
  { header: 'ประเภทการตรวจ', width: 30, value: (u) => AUDIT_TYPE_TH[u.auditType] },
  { header: 'ระยะเวลา (วันทำการ)', width: 11, value: (u) => u.workingDays },
  { header: 'คะแนนความเสี่ยง', width: 10, value: (u) => u.riskScore },
  { header: 'เหตุที่จัดลงแผนไม่ได้', width: 90, value: (u) => u.reason },
];

const WORKLOAD_COLUMNS: readonly SheetColumn<Workload>[] = [
  { header: 'ลำดับ', width: 7, value: (_w, i) => i + 1 },
  { header: 'ผู้ตรวจสอบ', width: 28, value: (w) => w.name },
  { header: 'รหัส', width: 10, value: (w) => w.auditorId },
  { header: 'วันที่จัดลงแผน (วันทำการ)', width: 14, value: (w) => w.bookedDays },
  // Empty, not 0, when auditors.csv states no limit: "no limit" is not "no days".
  { header: 'วันที่มีให้ (วันทำการ)', width: 14, value: (w) => w.availableDays },
  { header: 'สัดส่วนที่ใช้', width: 11, numFmt: '0%', value: (w) => (w.availableDays ? w.bookedDays / w.availableDays : null) },
];

/**
 * The annual plan as the unit's workbook: the plan itself (Thai headers, BE dates, rank order), what could
 * not be placed and why, and each auditor's booked days against their available days.
 */
export async function planToXlsx(plan: AuditPlanView): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'audit-radar';
  workbook.title = planTitle(plan.fiscalYear);
  const heading = { title: planTitle(plan.fiscalYear), subtitle: subtitleOf(plan) };

  const engagements = [...plan.engagements].sort((a, b) => a.rank - b.rank);
  addTableSheet(workbook, PLAN_SHEET, heading, PLAN_COLUMNS, engagements);
  addTableSheet(workbook, UNPLACED_SHEET, { ...heading, title: `${heading.title}: หน่วยรับตรวจที่ยังไม่ได้จัดลงแผน` }, UNPLACED_COLUMNS, plan.unplaced);
  addTableSheet(workbook, WORKLOAD_SHEET, { ...heading, title: `${heading.title}: ภาระงานผู้ตรวจสอบ` }, WORKLOAD_COLUMNS, plan.workload);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** "ฉบับที่ 1 (ร่าง) · จัดทำเมื่อ 15 ก.ย. 2567": which revision this is, so printed copies are not confused. */
function subtitleOf(plan: AuditPlanView): string {
  const parts = [`ฉบับที่ ${plan.revision} (${PLAN_STATUS_TH[plan.status]})`, `จัดทำเมื่อ ${formatThaiDate(toBangkokIsoDate(new Date(plan.createdAt)), 'short')}`];
  if (plan.approvedAt) parts.push(`อนุมัติเมื่อ ${formatThaiDate(toBangkokIsoDate(new Date(plan.approvedAt)), 'short')}`);
  return parts.join(' · ');
}
