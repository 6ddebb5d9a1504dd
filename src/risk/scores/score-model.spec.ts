import { loadRuleFiles } from '../rule-loader';
import { join } from 'node:path';
import { flagPoints, levelOf, RawParts, scoreOf } from './score-model';

const settings = loadRuleFiles(join(__dirname, '..', '..', '..', 'rules')).scoring;
const none: RawParts = { flags: 0, disbursementLag: 0, overduePlanActivities: 0, complaintTrend: 0, openFindings: 0, yearsSinceLastAudit: 0 };

describe('risk score model (rules/scoring.yaml)', () => {
  it('places a value in levels 1–5 by four cut points, a cut itself in the upper level', () => {
    const cuts = [0.2, 0.4, 0.6, 0.8];
    expect([0, 0.19, 0.2, 0.5, 0.79, 0.8, 1].map((v) => levelOf(v, cuts))).toEqual([1, 1, 2, 3, 4, 5, 5]);
  });

  it('scores an auditee with nothing against it and little money as 1 × 1, low', () => {
    const s = scoreOf(none, 500_000, settings);
    expect(s).toMatchObject({ score: 1, likelihood: 1, impact: 1, combined: 0, band: { key: 'low' } });
  });

  it('scores every part at its cap and over 100 M baht as 5 × 5, very high, and lists all six parts', () => {
    const full: RawParts = { flags: 20, disbursementLag: 20, overduePlanActivities: 5, complaintTrend: 3, openFindings: 5, yearsSinceLastAudit: 3 };
    const s = scoreOf(full, 150_000_000, settings);
    expect(s).toMatchObject({ score: 25, likelihood: 5, impact: 5, combined: 1, band: { key: 'very_high', label: { th: 'สูงมาก' } } });
    expect(s.parts.map((p) => p.source)).toEqual(['flags', 'disbursementLag', 'overduePlanActivities', 'complaintTrend', 'openFindings', 'yearsSinceLastAudit']);
    expect(s.parts.reduce((sum, p) => sum + p.contribution, 0)).toBeCloseTo(1, 3);
  });

  it('counts a part beyond its cap only in full, and weighs parts relatively', () => {
    const s = scoreOf({ ...none, flags: 40, yearsSinceLastAudit: 3 }, 6_000_000, settings);
    // flags 0.35 + years 0.15 of total weight 1.0 → 0.5 → likelihood 3; 6 M → impact 3.
    expect(s).toMatchObject({ combined: 0.5, likelihood: 3, impact: 3, score: 9, band: { key: 'medium' } });
    expect(s.parts.find((p) => p.source === 'flags')).toMatchObject({ value: 40, level: 1, contribution: 0.35 });
  });

  it('weighs a flag by its rule weight, score and the money at stake, up to the maximum factor', () => {
    const flags = settings.parts.flags;
    expect(flagPoints(4, 1, null, flags)).toBe(4);
    expect(flagPoints(4, 0.5, 1_000_000, flags)).toBe(4);
    expect(flagPoints(3, 1, 50_000_000, flags)).toBe(9);
  });
});
