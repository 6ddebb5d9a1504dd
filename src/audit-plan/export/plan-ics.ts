import ical, { ICalEventTransparency } from 'ical-generator';
import { BANGKOK_TIME_ZONE } from '../../common/bangkok-date';
import { formatThaiDate } from '../../common/buddhist-era';
import { addDays } from '../../common/iso-date';
import type { AuditPlanView, EngagementView } from '../audit-plan.views';
import { AUDIT_TYPE_SHORT_TH, AUDIT_TYPE_TH, auditeeLabel, teamNames } from './plan-labels';

/**
 * The plan as an iCalendar file (RFC 5545) for Google, Outlook and Apple calendars: one all-day event per
 * engagement and auditor, so each auditor can import or keep just their own.
 *
 * - The UID is stable per (plan, engagement, auditor) and SEQUENCE is the plan's version, so importing the
 *   file again after an engagement is moved updates the event instead of adding a second one.
 * - DTSTAMP is the plan's own time (approval, else creation), not "now", so the same plan always gives
 *   the same file.
 */
export function planToIcs(plan: AuditPlanView): string {
  const calendar = ical({
    name: `แผนการตรวจสอบ ${plan.fiscalYear}`,
    description: `แผนการตรวจสอบประจำปีงบประมาณ พ.ศ. ${plan.fiscalYear} ฉบับที่ ${plan.revision}`,
    prodId: { company: 'audit-radar', product: 'audit-plan', language: 'TH' },
    // The zone is named with X-WR-TIMEZONE rather than the library's timezone setting: with a zone set, the
    // library writes DTSTAMP in the server's local time without a Z, which RFC 5545 forbids, and reads the
    // all-day dates through the server's zone. All-day dates are floating anyway: no zone applies to them.
    x: { 'X-WR-TIMEZONE': BANGKOK_TIME_ZONE },
  });
  const stamp = new Date(plan.approvedAt ?? plan.createdAt);
  for (const engagement of [...plan.engagements].sort((a, b) => a.rank - b.rank)) {
    const names = teamNames(engagement);
    engagement.auditors.forEach((auditorId, i) => {
      calendar.createEvent({
        id: eventUid(plan.id, engagement.id, auditorId),
        sequence: plan.version,
        stamp,
        allDay: true,
        start: utcMidnight(engagement.start),
        // DTEND of an all-day event is exclusive: the day after the last working day.
        end: utcMidnight(addDays(engagement.end, 1)),
        summary: `${AUDIT_TYPE_SHORT_TH[engagement.auditType]}: ${engagement.auditeeName || engagement.auditeeKey}`,
        description: describe(engagement, names, i),
        categories: [{ name: AUDIT_TYPE_TH[engagement.auditType] }],
        // The days count against the auditor's time: show them as busy.
        transparency: ICalEventTransparency.OPAQUE,
      });
    });
  }
  return calendar.toString();
}

/** `plan-12-eng-345-A07@audit-radar`: the same engagement and auditor keep the same event across exports. */
export function eventUid(planId: string, engagementId: string, auditorId: string): string {
  // UIDs are compared as text; keep an auditor id's odd characters from splitting or folding it.
  return `plan-${planId}-eng-${engagementId}-${auditorId.replace(/[^A-Za-z0-9._-]/g, '_')}@audit-radar`;
}

/*
 * With no zone set the library writes a Date's UTC calendar day, so UTC midnight of the ISO date gives
 * exactly that date whatever zone the server runs in.
 */
function utcMidnight(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

function describe(e: EngagementView, names: string[], member: number): string {
  const role = member === 0 ? 'หัวหน้าทีม' : 'ผู้ร่วมตรวจ';
  return [
    `${AUDIT_TYPE_TH[e.auditType]}: ${auditeeLabel(e)}`,
    `ผู้ตรวจสอบ: ${names[member]} (${role})`,
    `ทีมตรวจ: ${names.join(', ')}`,
    `${formatThaiDate(e.start, 'short')} – ${formatThaiDate(e.end, 'short')}: ${e.workingDays} วันทำการ ` +
      '(นับเฉพาะวันทำการ ไม่ปฏิบัติงานในวันเสาร์ วันอาทิตย์ และวันหยุดราชการที่อยู่ในช่วงนี้)',
    `คะแนนความเสี่ยง ${e.riskScore}`,
    `เหตุผล: ${e.rationale}`,
  ].join('\n');
}
