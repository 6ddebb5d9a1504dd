import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { SqlDatabase } from '../src/database/sql-database';
import { RuleRegistry } from '../src/risk/rule-registry.service';
import { RiskScoreStore } from '../src/risk/scores/risk-score-store';
import { RiskScoreWarmer } from '../src/risk/scores/risk-score-warmer';
import { RiskScoresService } from '../src/risk/scores/risk-scores.service';
import { startFixtureAppWithOwnRules } from './support/fixture-database';

interface ScoresAnswer {
  fiscalYear: number;
  referenceDate: string;
  computedAt: string;
  total: number;
  items: { entityType: string; key: string; agencyCode: string; score: number; parts: { source: string; value: number }[] }[];
}

/**
 * `GET /api/risk/scores` serves stored scores: computed once per state of what they depend on (runs, triage, rule
 * files, imports, the reference date), by one computation however many ask at once, in one process or two.
 * On the Rayong fixtures, FY2568 (judged at its end, 2025-09-30, whatever today is).
 */
describe('stored risk scores API', () => {
  let t: Awaited<ReturnType<typeof startFixtureAppWithOwnRules>>;
  let rulesDir: string;
  let auditor: { Authorization: string };
  const server = () => t.app.getHttpServer();
  const scores = async (headers = auditor): Promise<ScoresAnswer> =>
    (await request(server()).get('/api/risk/scores?fiscalYear=2568').set(headers).expect(200)).body;
  const flagsPart = (answer: ScoresAnswer, agency: string) =>
    answer.items.find((i) => i.entityType === 'agency' && i.key === agency)!.parts.find((p) => p.source === 'flags')!.value;
  const setsOfCurrentVersion = async () =>
    (
      await t.app.get(SqlDatabase).query<{ n: number }>(`select count(*)::int as n from risk_score_sets where fiscal_year = 2568 and data_version = $1`, [
        await t.app.get(RiskScoreStore).dataVersion(),
      ])
    )[0].n;
  const runSingleBidder = () => request(server()).post('/api/risk/runs').set(auditor).send({ rules: ['single-bidder'], fiscalYear: 2568 }).expect(201);

  beforeAll(async () => {
    t = await startFixtureAppWithOwnRules();
    rulesDir = t.rulesDir;
    auditor = { Authorization: `Bearer ${await t.tokenFor('auditor')}` };
  });
  afterAll(() => t.close());

  it('computes the scores once and serves the stored ones to the next call, and to another process', async () => {
    const first = await scores();
    expect(first.referenceDate).toBe('2025-09-30');
    expect(first.computedAt).toEqual(expect.any(String));
    const second = await scores();
    expect(second).toEqual(first);
    expect(await setsOfCurrentVersion()).toBe(1);
    // The same answer again: a client holding it is told so without the body.
    const { headers } = await request(server()).get('/api/risk/scores?fiscalYear=2568').set(auditor).expect(200).expect('Content-Type', /application\/json/);
    await request(server()).get('/api/risk/scores?fiscalYear=2568').set(auditor).set('If-None-Match', headers.etag).expect(304);

    // A second instance of the service (its own pool and memory, as another process has) reads the stored set.
    const otherDb = new SqlDatabase(t.database.url, 2);
    try {
      const other = new RiskScoresService(otherDb, t.app.get(RuleRegistry), new RiskScoreStore(otherDb));
      expect((await other.scores(2568)).computedAt).toBe(first.computedAt);
    } finally {
      await otherDb.close();
    }
  });

  it('scores again after a run and after a dismissed flag: a run adds its flags, a dismissed flag stops counting', async () => {
    const before = await scores();
    expect(flagsPart(before, '01802')).toBe(0);
    const { body: run } = await runSingleBidder();
    expect(run.status).toBe('succeeded');

    const afterRun = await scores();
    expect(afterRun.computedAt).not.toBe(before.computedAt);
    expect(flagsPart(afterRun, '01802')).toBeCloseTo(5.359, 3); // 68065417947: 3 × 1 × (1 + 0.7864)

    const { body: flags } = await request(server()).get('/api/flags?rule=single-bidder&agency=01802').set(auditor).expect(200);
    await request(server()).patch(`/api/flags/${flags.items[0].id}`).set(auditor).send({ status: 'dismissed', note: 'ตรวจแล้ว' }).expect(200);
    const afterDismiss = await scores();
    expect(afterDismiss.computedAt).not.toBe(afterRun.computedAt);
    expect(flagsPart(afterDismiss, '01802')).toBe(0);

    await request(server()).patch(`/api/flags/${flags.items[0].id}`).set(auditor).send({ status: 'open' }).expect(200);
    expect(flagsPart(await scores(), '01802')).toBeCloseTo(5.359, 3);
  });

  it('scores again when a rule file changes and is reloaded (a rule weight)', async () => {
    const before = await scores();
    const file = join(rulesDir, 'single-bidder.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/^weight: 3\b/m, 'weight: 5'));
    try {
      await request(server()).post('/api/rules/reload').set(auditor).expect(200);
      const after = await scores();
      expect(after.computedAt).not.toBe(before.computedAt);
      expect(flagsPart(after, '01802')).toBeCloseTo((5.359 * 5) / 3, 2);
    } finally {
      writeFileSync(file, original);
      await request(server()).post('/api/rules/reload').set(auditor).expect(200);
    }
    // Back to the files of before: the set stored for them is served again.
    expect((await scores()).computedAt).toBe(before.computedAt);
  });

  it('computes once for many concurrent calls, in this process and another', async () => {
    // A triage event makes the stored scores stale.
    const { body: flags } = await request(server()).get('/api/flags?rule=single-bidder&agency=01802').set(auditor).expect(200);
    await request(server()).patch(`/api/flags/${flags.items[0].id}`).set(auditor).send({ status: 'confirmed' }).expect(200);
    expect(await setsOfCurrentVersion()).toBe(0);

    const otherDb = new SqlDatabase(t.database.url, 4);
    try {
      const other = new RiskScoresService(otherDb, t.app.get(RuleRegistry), new RiskScoreStore(otherDb));
      const answers = await Promise.all([
        ...Array.from({ length: 8 }, () => scores()),
        ...Array.from({ length: 3 }, () => other.scores(2568)),
      ]);
      expect(new Set(answers.map((a) => a.computedAt)).size).toBe(1);
      expect(await setsOfCurrentVersion()).toBe(1);
    } finally {
      await otherDb.close();
    }
  });

  it('computes the scores of a run\'s fiscal year once the run succeeds, before anyone asks', async () => {
    await runSingleBidder();
    // The warmer looks at the runs every few seconds; one look now instead of waiting for it.
    await t.app.get(RiskScoreWarmer).check();
    expect(await setsOfCurrentVersion()).toBe(1);
  });

  it('shows an agency only its own rows, from the same stored set', async () => {
    const all = await scores();
    const agency = { Authorization: `Bearer ${await t.tokenFor('agency', '01502')}` };
    const own = await scores(agency);
    expect(own.computedAt).toBe(all.computedAt);
    expect(own.items.map((i) => `${i.entityType} ${i.key}`).sort()).toEqual(['agency 01502', 'budget_project RY68-005']);
    expect(own.total).toBe(2);
  });
});
