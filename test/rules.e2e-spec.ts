import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadRuleFiles } from '../src/risk/rule-loader';
import { startTestApp, TestApp, TEST_ADMIN_TOKEN } from './support/test-app';

const SHIPPED = join(__dirname, '..', 'rules');

interface RuleItem {
  id: string;
  title: { th: string; en: string };
  enabled: boolean;
  weight: number;
  severity: string;
  entity: string;
  parameters: Record<string, unknown>;
  file: string;
}

describe('rules API', () => {
  let t: TestApp;
  let rulesDir: string;
  const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
  const splitPurchase = (body: { items: RuleItem[] }) => body.items.find((r) => r.id === 'split-purchase')!;
  const editSplitPurchase = (from: string, to: string) => {
    const file = join(rulesDir, 'split-purchase.yaml');
    const text = readFileSync(file, 'utf8');
    if (!text.includes(from)) throw new Error(`split-purchase.yaml does not contain ${from}`);
    writeFileSync(file, text.replace(from, to));
  };

  beforeAll(async () => {
    rulesDir = mkdtempSync(join(tmpdir(), 'audit-radar-rules-e2e-'));
    cpSync(SHIPPED, rulesDir, { recursive: true });
    t = await startTestApp({ RULES_DIR: rulesDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(rulesDir, { recursive: true, force: true });
  });

  it('lists every rule in force with its file, parameters and the scoring settings', async () => {
    const server = t.app.getHttpServer();
    const { body } = await request(server).get('/api/rules').set(admin).expect(200);
    expect(body.total).toBe(36);
    expect(body.items).toHaveLength(36);
    expect(body.hash).toBe(loadRuleFiles(SHIPPED).hash);
    expect(new Date(body.loadedAt).toISOString()).toBe(body.loadedAt);
    for (const item of body.items as RuleItem[]) expect(item.file).toBe(`${item.id}.yaml`);
    expect(body.items[0]).toEqual({
      id: 'single-bidder',
      title: { th: 'ผู้เสนอราคารายเดียว', en: 'Single bidder' },
      description: expect.stringContaining('exactly one bid'),
      anchor: 'OCP R018, GTI',
      enabled: true,
      weight: 3,
      severity: 'medium',
      entity: 'contract',
      parameters: { methods: ['e_bidding', 'e_market', 'price_inquiry', 'selection'] },
      file: 'single-bidder.yaml',
    });
    expect(splitPurchase(body).parameters).toEqual({ minCount: 2, windowDays: 30, limit: 500000 });
    expect(body.scoring.bands.map((b: { label: { th: string } }) => b.label.th)).toEqual(['ต่ำ', 'ปานกลาง', 'สูง', 'สูงมาก']);
  });

  it('refuses a broken file with the file, path and reason, and keeps the rules in force', async () => {
    const server = t.app.getHttpServer();
    const before = (await request(server).get('/api/rules').set(admin).expect(200)).body;
    const auditor = { Authorization: `Bearer ${await t.tokenFor('auditor')}` };

    editSplitPurchase('windowDays: 30', 'windowDays: "thirty"\n  windowDay: 45');
    const refused = await request(server).post('/api/rules/reload').set(auditor).expect(422);
    expect(refused.body).toMatchObject({ message: expect.stringContaining('rules in force stay') });
    expect(refused.body.problems).toEqual([
      { file: 'split-purchase.yaml', path: 'parameters.windowDays', message: 'Invalid input: expected number, received string' },
      {
        file: 'split-purchase.yaml',
        path: 'parameters.windowDay',
        message: 'unknown parameter "windowDay"; split-purchase takes minCount, windowDays, limit',
      },
    ]);

    const after = (await request(server).get('/api/rules').set(admin).expect(200)).body;
    expect(after).toEqual(before);
    expect(splitPurchase(after).parameters).toEqual({ minCount: 2, windowDays: 30, limit: 500000 });
  });

  it('loads a fixed file on reload and shows the new value', async () => {
    const server = t.app.getHttpServer();
    const before = (await request(server).get('/api/rules').set(admin).expect(200)).body;
    editSplitPurchase('windowDays: "thirty"\n  windowDay: 45', 'windowDays: 45');
    editSplitPurchase('limit: 500000', 'limit: 400000');

    const reloaded = await request(server).post('/api/rules/reload').set(admin).expect(200);
    expect(reloaded.body.total).toBe(36);
    expect(splitPurchase(reloaded.body).parameters).toEqual({ minCount: 2, windowDays: 45, limit: 400000 });
    expect(reloaded.body.hash).not.toBe(before.hash);

    const now = (await request(server).get('/api/rules').set(admin).expect(200)).body;
    expect(splitPurchase(now).parameters).toEqual({ minCount: 2, windowDays: 45, limit: 400000 });
    expect(now.hash).toBe(reloaded.body.hash);
    expect(now.loadedAt).toBe(reloaded.body.loadedAt);
  });

  it('lets a viewer read the rules but not reload them, and asks for a token', async () => {
    const server = t.app.getHttpServer();
    const viewer = { Authorization: `Bearer ${await t.tokenFor('viewer')}` };
    const finance = { Authorization: `Bearer ${await t.tokenFor('finance')}` };
    await request(server).get('/api/rules').set(viewer).expect(200);
    await request(server).post('/api/rules/reload').set(viewer).expect(403);
    await request(server).get('/api/rules').set(finance).expect(403);
    await request(server).get('/api/rules').expect(401);
    await request(server).post('/api/rules/reload').expect(401);
  });
});
