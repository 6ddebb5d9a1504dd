import { formatThaiDate } from '../../common/buddhist-era';
import type { EngagementView } from '../audit-plan.views';
import { AUDIT_TYPE_TH, AUDITEE_TYPE_TH, auditeeLabel, bandTh, teamNames } from './plan-labels';

export interface PlanColumn {
  header: string;
  /** Excel column width in characters. */
  width: number;
  value(e: EngagementView): string | number;
}

/**
 * The table of the annual plan (แผนการตรวจสอบประจำปี) as the unit lays it out: one row per engagement in
 * rank order. The CSV and the spreadsheet share it, so the two never disagree on a column.
 */
export const PLAN_COLUMNS: readonly PlanColumn[] = [
  { header: 'ลำดับ', width: 7, value: (e) => e.rank },
  { header: 'หน่วยรับตรวจ', width: 40, value: (e) => auditeeLabel(e) },
  { header: 'ประเภทหน่วยรับตรวจ', width: 12, value: (e) => AUDITEE_TYPE_TH[e.auditeeType] },
  { header: 'ประเภทการตรวจ', width: 30, value: (e) => AUDIT_TYPE_TH[e.auditType] },
  // Text, not Excel dates: the BE year must read the same whatever the reader's Excel locale.
  { header: 'วันเริ่ม', width: 14, value: (e) => formatThaiDate(e.start, 'short') },
  { header: 'วันสิ้นสุด', width: 14, value: (e) => formatThaiDate(e.end, 'short') },
  { header: 'ระยะเวลา (วันทำการ)', width: 11, value: (e) => e.workingDays },
  { header: 'หัวหน้าทีม', width: 22, value: (e) => teamNames(e)[0] ?? '' },
  { header: 'ทีมตรวจ', width: 36, value: (e) => teamNames(e).join(', ') },
  { header: 'คะแนนความเสี่ยง', width: 10, value: (e) => e.riskScore },
  { header: 'ระดับความเสี่ยง', width: 11, value: (e) => bandTh(e) },
  { header: 'เหตุผล', width: 80, value: (e) => e.rationale },
];
