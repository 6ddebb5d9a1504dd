import { formatThaiDate } from '../common/buddhist-era';
import type { RiskScoreView } from '../risk/scores/risk-scores.service';
import type { ScorePart } from '../risk/rule-file.schema';
import type { Chosen } from './choose-auditees';
import type { Sizing } from './size-engagement';

const PART_TH: Record<ScorePart, string> = {
  flags: 'ธงความเสี่ยงจากการจัดซื้อจัดจ้างและการเบิกจ่าย',
  disbursementLag: 'การเบิกจ่ายต่ำกว่าเป้าหมาย',
  overduePlanActivities: 'กิจกรรมตามแผนควบคุมภายในเกินกำหนด',
  complaintTrend: 'เรื่องร้องเรียนเพิ่มขึ้น',
  openFindings: 'ข้อตรวจพบที่ยังไม่ปิด',
  yearsSinceLastAudit: 'ระยะเวลานับจากการตรวจสอบครั้งล่าสุด',
};

const TYPE_TH = { agency: 'หน่วยงาน', budget_project: 'โครงการ' } as const;

export interface EngagementReasons {
  selection: { basis: Chosen['basis']; riskRank: number; candidates: number; lastAudited: string | null };
  score: { score: number; likelihood: number; impact: number; band: string; bandLabel: { th: string; en: string } };
  /** The score's largest parts, largest first (those that add anything). */
  topParts: { source: ScorePart; value: number; contribution: number }[];
  /** The most serious flags behind it. */
  topFlags: { ruleId: string; title: string; entityKey: string; severity: string; amount: string | null }[];
  sizing: Sizing;
}

/**
 * Why an engagement is in the plan and why it is this long: the structured reasons and one Thai sentence
 * for the plan document (เหตุผลในการเลือก).
 */
export function explainEngagement(
  chosen: Chosen,
  score: RiskScoreView,
  sizing: Sizing,
  lastAudited: string | null,
  ruleTitles: ReadonlyMap<string, string>,
): { rationale: string; reasons: EngagementReasons } {
  const topParts = [...score.parts]
    .filter((p) => p.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, 3)
    .map((p) => ({ source: p.source, value: p.value, contribution: p.contribution }));
  const topFlags = score.topFlags.slice(0, 3).map((f) => ({
    ruleId: f.ruleId,
    title: ruleTitles.get(f.ruleId) ?? f.ruleId,
    entityKey: f.entityKey,
    severity: f.severity,
    amount: f.amount,
  }));
  const reasons: EngagementReasons = {
    selection: { basis: chosen.basis, riskRank: chosen.riskRank, candidates: chosen.candidates, lastAudited },
    score: { score: score.score, likelihood: score.likelihood, impact: score.impact, band: score.band.key, bandLabel: score.band.label },
    topParts,
    topFlags,
    sizing,
  };

  const why = whyChosen(chosen, score, lastAudited);
  const parts = topParts.map((p) => PART_TH[p.source]).join(', ');
  const flags = topFlags.map((f) => `${f.title} (${f.entityKey})`).join('; ');
  const size =
    `${sizing.workingDays} วันทำการ` + (sizing.addDays ? ` (ฐาน ${sizing.baseDays} + ${sizing.addDays} วันสำหรับวงเงินตั้งแต่ ${sizing.step!.toLocaleString('en-US')} บาท)` : '');
  const rationale = [
    `${why}; คะแนนความเสี่ยง ${score.score} = โอกาส ${score.likelihood} × ผลกระทบ ${score.impact} (ระดับ${score.band.label.th})`,
    parts && `ปัจจัยหลัก: ${parts}`,
    flags && `ธงสำคัญ: ${flags}`,
    `ขนาดงาน ${size}`,
  ]
    .filter(Boolean)
    .join(' | ');
  return { rationale, reasons };
}

/** Why the auditee is in the plan, in the words of the plan document. */
function whyChosen(chosen: Chosen, score: RiskScoreView, lastAudited: string | null): string {
  const rank = `อันดับ ${chosen.riskRank} จาก ${chosen.candidates} ${TYPE_TH[chosen.candidate.auditeeType]}`;
  switch (chosen.basis) {
    case 'must_include':
      return 'ระบุให้ตรวจในคำขอจัดทำแผน';
    case 'high_risk':
      return `ความเสี่ยงระดับ${score.band.label.th} (${rank}): ตรวจทุกปี`;
    case 'coverage':
      return lastAudited
        ? `ไม่ได้รับการตรวจสอบตั้งแต่ ${formatThaiDate(lastAudited, 'short')} (เกินรอบการตรวจ)`
        : 'ยังไม่เคยได้รับการตรวจสอบ (ตามรอบการตรวจ)';
    case 'risk':
      return `ความเสี่ยง${rank}`;
  }
}
