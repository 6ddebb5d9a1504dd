import type { AuditType } from '../planning-settings.schema';
import type { EngagementView, UnplacedView } from '../audit-plan.views';

/*
 * The Thai words of the annual plan document, in one place so the spreadsheet, the CSV and the calendar
 * call things by the same names.
 */

export const AUDIT_TYPE_TH: Record<AuditType, string> = {
  financial: 'ตรวจสอบการเงินและการปฏิบัติตามระเบียบ',
  performance: 'ตรวจสอบการดำเนินงาน',
};

/** Short forms for a calendar event's title, where the full name would push the auditee off screen. */
export const AUDIT_TYPE_SHORT_TH: Record<AuditType, string> = {
  financial: 'ตรวจสอบการเงิน',
  performance: 'ตรวจสอบการดำเนินงาน',
};

export const AUDITEE_TYPE_TH: Record<EngagementView['auditeeType'], string> = {
  agency: 'หน่วยงาน',
  budget_project: 'โครงการ',
};

/**
 * "สำนักงานจังหวัดระยอง (31001)": name and code in one cell. Together they also keep a code's leading zeros
 * when Excel opens the CSV, which it would strip from a code standing alone in its cell.
 */
export function auditeeLabel(e: Pick<EngagementView | UnplacedView, 'auditeeName' | 'auditeeKey'>): string {
  return e.auditeeName ? `${e.auditeeName} (${e.auditeeKey})` : e.auditeeKey;
}

/** The risk band as scoring.yaml names it in Thai (ต่ำ … สูงมาก); the key when an old plan lacks the label. */
export function bandTh(e: Pick<EngagementView, 'band' | 'reasons'>): string {
  return e.reasons?.score?.bandLabel?.th ?? e.band;
}

/** Team member names, the leader first; an id stands in for someone no longer in auditors.csv. */
export function teamNames(e: Pick<EngagementView, 'auditors' | 'auditorNames'>): string[] {
  return e.auditors.map((id, i) => e.auditorNames[i] || id);
}

export const PLAN_STATUS_TH = { draft: 'ร่าง', approved: 'อนุมัติแล้ว', superseded: 'ถูกแทนที่' } as const;

/** "แผนการตรวจสอบประจำปีงบประมาณ พ.ศ. 2568": the heading of the unit's plan document. */
export function planTitle(fiscalYear: number): string {
  return `แผนการตรวจสอบประจำปีงบประมาณ พ.ศ. ${fiscalYear}`;
}
