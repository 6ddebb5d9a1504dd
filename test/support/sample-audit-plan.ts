import type { AuditPlanView, EngagementView } from '../../src/audit-plan/audit-plan.views';

/*
 * A hand-built annual plan for fiscal year 2568 (1 Oct 2024 – 30 Sep 2025) for the export tests: two
 * financial audits of agencies and one performance audit of a project, two auditors each, one auditee
 * that could not be placed. Names carry commas and semicolons on purpose, which CSV and iCalendar escape.
 */

const bandLabels = {
  very_high: { th: 'สูงมาก', en: 'Very high' },
  high: { th: 'สูง', en: 'High' },
  medium: { th: 'ปานกลาง', en: 'Medium' },
} as const;

function engagement(over: Partial<EngagementView> & Pick<EngagementView, 'id' | 'rank' | 'auditeeKey' | 'auditeeName' | 'start' | 'end' | 'workingDays'>): EngagementView {
  const band = (over.band ?? 'high') as keyof typeof bandLabels;
  const riskScore = over.riskScore ?? 12;
  return {
    auditeeType: 'agency',
    agencyCode: over.auditeeKey,
    auditType: 'financial',
    auditors: ['A01', 'A02'],
    auditorNames: ['นางสาวสมศรี ใจดี', 'นายสมชาย รักชาติ'],
    earliestStart: '2024-10-01',
    riskScore,
    likelihood: 4,
    impact: 3,
    band,
    amountAtStake: '25000000.00',
    rationale: `ความเสี่ยงอันดับ ${over.rank} จาก 20 หน่วยงาน; คะแนนความเสี่ยง ${riskScore} = โอกาส 4 × ผลกระทบ 3 (ระดับ${bandLabels[band].th}) | ขนาดงาน ${over.workingDays} วันทำการ`,
    reasons: {
      selection: { basis: 'risk', riskRank: over.rank, candidates: 20, lastAudited: null },
      score: { score: riskScore, likelihood: 4, impact: 3, band, bandLabel: bandLabels[band] },
      topParts: [],
      topFlags: [],
      sizing: { workingDays: over.workingDays, baseDays: over.workingDays, addDays: 0, step: null },
    },
    ...over,
  };
}

export const SAMPLE_PLAN: AuditPlanView = {
  id: '7',
  fiscalYear: 2568,
  revision: 1,
  version: 3,
  status: 'draft',
  rulesHash: 'abc123',
  request: { fiscalYear: 2568, financialAudits: 2, performanceAudits: 1 },
  settings: {},
  createdBy: 'cli (tester)',
  createdAt: '2024-09-15T02:30:00.000Z',
  approvedBy: null,
  approvedAt: null,
  supersededBy: null,
  supersededAt: null,
  history: [],
  engagements: [
    // 1 Oct 2024 (Tue) + 10 working days: weekends and the 14 Oct holiday (Rama IX Memorial, substituted) skipped.
    engagement({ id: '101', rank: 1, auditeeKey: '31001', auditeeName: 'สำนักงานจังหวัดระยอง', start: '2024-10-01', end: '2024-10-15', workingDays: 10, riskScore: 16, band: 'very_high' }),
    engagement({
      id: '102',
      rank: 2,
      auditeeKey: '31002',
      auditeeName: 'สำนักงานคลังจังหวัดระยอง, ฝ่ายบัญชี; งานเบิกจ่าย',
      start: '2024-10-16',
      end: '2024-10-31',
      workingDays: 11,
      auditors: ['A03', 'A02'],
      auditorNames: ['นายวิชัย ตรวจดี', 'นายสมชาย รักชาติ'],
    }),
    engagement({
      id: '103',
      rank: 3,
      auditeeType: 'budget_project',
      auditeeKey: 'RY68-001',
      auditeeName: 'โครงการก่อสร้างถนนลาดยาง',
      agencyCode: '31005',
      auditType: 'performance',
      start: '2025-01-06',
      end: '2025-01-24',
      workingDays: 15,
      riskScore: 8,
      band: 'medium',
      earliestStart: '2024-12-20',
    }),
  ],
  unplaced: [
    {
      auditeeType: 'budget_project',
      auditeeKey: 'RY68-009',
      auditeeName: 'โครงการพัฒนาแหล่งน้ำ',
      auditType: 'performance',
      workingDays: 15,
      riskScore: 10,
      reason: 'none of its e-GP projects has a signed contract yet: a performance audit starts after the first contract',
    },
  ],
  workload: [
    { auditorId: 'A01', name: 'นางสาวสมศรี ใจดี', bookedDays: 25, availableDays: 200 },
    { auditorId: 'A02', name: 'นายสมชาย รักชาติ', bookedDays: 36, availableDays: 180 },
    { auditorId: 'A03', name: 'นายวิชัย ตรวจดี', bookedDays: 11, availableDays: null },
  ],
};
