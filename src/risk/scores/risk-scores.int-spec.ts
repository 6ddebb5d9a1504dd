import { startFixtureApp } from '../../../test/support/fixture-database';
import type { TestApp } from '../../../test/support/test-app';
import { SqlDatabase } from '../../database/sql-database';
import { FlagsService } from '../flags/flags.service';
import { RiskRunsService } from '../runs/risk-runs.service';
import { RiskScoresService } from './risk-scores.service';

/** Risk scores over the Rayong fixtures (FY2568), judged at the end of that fiscal year. */
describe('risk scores', () => {
  let t: TestApp;
  let scores: RiskScoresService;
  const today = '2026-11-26';
  const fy2568 = () => scores.scores(2568, { today });
  const agency = async (code: string) => (await fy2568()).items.find((i) => i.entityType === 'agency' && i.key === code)!;

  beforeAll(async () => {
    t = await startFixtureApp();
    scores = t.app.get(RiskScoresService);
  });
  afterAll(() => t.close());

  it('scores every agency and every FY2568 budget project, highest first, each with its six parts', async () => {
    const result = await fy2568();
    expect(result.referenceDate).toBe('2025-09-30');
    expect(result.items.filter((i) => i.entityType === 'agency')).toHaveLength(32);
    expect(result.items.filter((i) => i.entityType === 'budget_project').map((i) => i.key).sort()).toEqual([
      'RY68-001',
      'RY68-002',
      'RY68-003',
      'RY68-004',
      'RY68-005',
    ]);
    const ordered = result.items.map((i) => i.score);
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
    for (const item of result.items) {
      expect(item.parts.map((p) => p.source)).toEqual(['flags', 'disbursementLag', 'overduePlanActivities', 'complaintTrend', 'openFindings', 'yearsSinceLastAudit']);
      expect(item.score).toBe(item.likelihood * item.impact);
    }
  });

  it('counts years since the last audit at the reference date, and an agency never audited as the configured years', async () => {
    const audited2564 = await agency('00302'); // last audited 20/07/2564 = 2021-07-20
    expect(audited2564.parts.find((p) => p.source === 'yearsSinceLastAudit')!.value).toBeCloseTo(4.2, 1);
    const never = await agency('01801');
    expect(never.parts.find((p) => p.source === 'yearsSinceLastAudit')).toMatchObject({ value: 3, level: 1 });
  });

  it('weighs the stored flags of an agency, and drops a flag an auditor dismissed', async () => {
    expect((await agency('01802')).parts.find((p) => p.source === 'flags')!.value).toBe(0);
    await t.app.get(RiskRunsService).run({ rules: ['single-bidder'], fiscalYear: 2568, today });
    const flagged = await agency('01802'); // 68065417947, e-market, 786,400 baht: 3 × 1 × (1 + 0.7864)
    expect(flagged.parts.find((p) => p.source === 'flags')!.value).toBeCloseTo(5.359, 3);
    expect(flagged.topFlags).toEqual([expect.objectContaining({ ruleId: 'single-bidder', entityKey: '68065417947#4/2568' })]);

    const [{ id }] = await t.app.get(SqlDatabase).query<{ id: string }>(`select id from flags where entity_key = '68065417947#4/2568'`);
    await t.app.get(FlagsService).triage(id, { status: 'dismissed', note: 'ตรวจแล้ว ไม่มีปัญหา' }, 'test');
    expect((await agency('01802')).parts.find((p) => p.source === 'flags')!.value).toBe(0);
  });

  it('reads impact from the money at stake: allocation plus contract value', async () => {
    const item = await agency('01601');
    expect(Number(item.amountAtStake)).toBeGreaterThan(13_628_700); // at least RY68-001's first contract
    expect(item.impact).toBeGreaterThanOrEqual(3);
  });

  it('narrows to one agency for an agency user', async () => {
    const result = await scores.scores(2568, { agency: '01502', today });
    expect(result.items.map((i) => `${i.entityType} ${i.key}`).sort()).toEqual(['agency 01502', 'budget_project RY68-005']);
  });
});
