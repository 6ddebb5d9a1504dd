import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { Client } from 'pg';
import request from 'supertest';
import { binaryBody } from './support/binary-body';
import { SqlDatabase } from '../src/database/sql-database';
import { ScheduledJobs } from '../src/jobs/scheduled-jobs';
import { startFixtureAppWithOwnRules } from './support/fixture-database';
import { TEST_ADMIN_TOKEN } from './support/test-app';

/** Rule runs, flags, triage and exports over HTTP, on the Rayong fixtures, with single-bidder as the example rule. */
describe('risk runs and flags API', () => {
  let t: Awaited<ReturnType<typeof startFixtureAppWithOwnRules>>;
  let rulesDir: string;
  let auditor: { Authorization: string };
  const server = () => t.app.getHttpServer();
  const runSingleBidder = (body: object = {}) =>
    request(server()).post('/api/risk/runs').set(auditor).send({ rules: ['single-bidder'], ...body }).expect(201);
  const singleBidderFlags = async () =>
    (await request(server()).get('/api/flags?rule=single-bidder').set(auditor).expect(200)).body as {
      total: number;
      items: Record<string, any>[];
    };

  beforeAll(async () => {
    t = await startFixtureAppWithOwnRules();
    rulesDir = t.rulesDir;
    auditor = { Authorization: `Bearer ${await t.tokenFor('auditor')}` };
  });
  afterAll(() => t.close());

  it('runs a rule and answers its counts, and records the run with the rule files hash and parameters', async () => {
    const { body } = await runSingleBidder();
    expect(body).toMatchObject({
      status: 'succeeded',
      fiscalYear: null,
      results: { 'single-bidder': { flagged: 2, notCalculable: 2 } },
    });
    expect(body.results['single-bidder'].clear).toBeGreaterThan(50);
    const { body: hash } = await request(server()).get('/api/rules').set(auditor).expect(200);
    const { body: run } = await request(server()).get(`/api/risk/runs/${body.runId}`).set(auditor).expect(200);
    expect(run).toMatchObject({
      runId: body.runId,
      status: 'succeeded',
      rulesHash: hash.hash,
      results: { 'single-bidder': { flagged: 2, notCalculable: 2, parameters: { methods: ['e_bidding', 'e_market', 'price_inquiry', 'selection'] } } },
    });
  });

  it('lists the flags with the contract fields and the evidence, filtered by project and vendor', async () => {
    const flags = await singleBidderFlags();
    expect(flags.total).toBe(2);
    const flag = flags.items.find((f) => f.entityKey === '68065417947#4/2568')!;
    expect(flag).toMatchObject({
      ruleId: 'single-bidder',
      entityType: 'contract',
      agencyCode: '01802',
      fiscalYear: 2568,
      score: 1,
      severity: 'medium',
      projectIds: ['68065417947'],
      paymentDocs: [],
      evidence: { bidsReceived: 1, method: 'e_market' },
      status: 'open',
      amount: '786400.00',
    });
    const byProject = await request(server()).get('/api/flags?projectId=68065417947').set(auditor).expect(200);
    expect(byProject.body.items.map((f: { id: string }) => f.id)).toEqual([flag.id]);
    const byVendor = await request(server()).get(`/api/flags?vendorTin=${flag.vendorTins[0]}`).set(auditor).expect(200);
    expect(byVendor.body.items.map((f: { id: string }) => f.id)).toContain(flag.id);
    const paged = await request(server()).get('/api/flags?rule=single-bidder&limit=1&offset=1').set(auditor).expect(200);
    expect(paged.body).toMatchObject({ total: 2, items: [expect.any(Object)] });
  });

  it('lists what the rule could not judge, with the reason', async () => {
    const { body } = await request(server()).get('/api/risk/not-calculable?rule=single-bidder').set(auditor).expect(200);
    expect(body.items.map((i: { entityKey: string }) => i.entityKey).sort()).toEqual(['68037947502#3/2568', '68097919982#7/2568']);
    expect(body.items[0].reason).toMatch(/no bids/);
  });

  it('keeps an auditor’s triage and its history when a later run finds the same flag', async () => {
    const before = await singleBidderFlags();
    const target = before.items.find((f) => f.entityKey === '68065417947#4/2568')!;
    await request(server()).patch(`/api/flags/${target.id}`).set(auditor).send({ status: 'confirmed', note: 'ผู้เสนอราคารายเดียวจริง' }).expect(200);
    await runSingleBidder();
    const { body } = await request(server()).get(`/api/flags/${target.id}`).set(auditor).expect(200);
    expect(body).toMatchObject({ id: target.id, status: 'confirmed', note: 'ผู้เสนอราคารายเดียวจริง', current: true });
    expect(body.history).toEqual([expect.objectContaining({ fromStatus: 'open', toStatus: 'confirmed', note: 'ผู้เสนอราคารายเดียวจริง', by: 'test auditor' })]);
    expect((await singleBidderFlags()).items.map((f) => f.id).sort()).toEqual(before.items.map((f) => f.id).sort());
  });

  it('refuses a triage with an unknown status, and a flag that does not exist', async () => {
    const { items } = await singleBidderFlags();
    await request(server()).patch(`/api/flags/${items[0].id}`).set(auditor).send({ status: 'closed' }).expect(400);
    await request(server()).patch('/api/flags/999999').set(auditor).send({ status: 'dismissed' }).expect(404);
    await request(server()).get('/api/flags/not-a-number').set(auditor).expect(400);
  });

  it('follows a threshold edited in rules/ after a reload: an open flag no longer found goes, a confirmed one stays', async () => {
    const file = join(rulesDir, 'single-bidder.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('methods: [e_bidding, e_market, price_inquiry, selection]', 'methods: [e_bidding, e_market]'));
    await request(server()).post('/api/rules/reload').set(auditor).expect(200);
    const { body } = await runSingleBidder();
    expect(body.results['single-bidder']).toMatchObject({ flagged: 1, notCalculable: 1 });
    const flags = await singleBidderFlags();
    expect(flags.items.map((f) => [f.entityKey, f.status])).toEqual([['68065417947#4/2568', 'confirmed']]);
  });

  it('follows a numeric threshold: few-bidders with min 2 keeps only the single bid, and back', async () => {
    const file = join(rulesDir, 'few-bidders.yaml');
    const original = readFileSync(file, 'utf8');
    const flaggedKeys = async () => {
      await request(server()).post('/api/risk/runs').set(auditor).send({ rules: ['few-bidders'] }).expect(201);
      const { body } = await request(server()).get('/api/flags?rule=few-bidders').set(auditor).expect(200);
      return body.items.map((f: { entityKey: string }) => f.entityKey).sort();
    };
    expect(await flaggedKeys()).toEqual(['67061131652#6/2567', '68039704418#6/2568']);
    writeFileSync(file, original.replace(/^( *min:) 3\b/m, '$1 2'));
    await request(server()).post('/api/rules/reload').set(auditor).expect(200);
    expect(await flaggedKeys()).toEqual(['67061131652#6/2567']);
    writeFileSync(file, original);
    await request(server()).post('/api/rules/reload').set(auditor).expect(200);
    expect(await flaggedKeys()).toEqual(['67061131652#6/2567', '68039704418#6/2568']);
  });

  it('shows an agency token only its own agency’s flags, and lets it not triage', async () => {
    const agency = { Authorization: `Bearer ${await t.tokenFor('agency', '01802')}` };
    const other = { Authorization: `Bearer ${await t.tokenFor('agency', '00704')}` };
    const own = await request(server()).get('/api/flags').set(agency).expect(200);
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(own.body.items.every((f: { agencyCode: string }) => f.agencyCode === '01802')).toBe(true);
    const { body: theirs } = await request(server()).get('/api/flags').set(other).expect(200);
    expect(theirs.items.map((f: { agencyCode: string }) => f.agencyCode)).not.toContain('01802');
    await request(server()).get(`/api/flags/${own.body.items[0].id}`).set(other).expect(404);
    await request(server()).get('/api/flags?agency=01802').set(other).expect(403);
    await request(server()).patch(`/api/flags/${own.body.items[0].id}`).set(agency).send({ status: 'dismissed' }).expect(403);
    await request(server()).post('/api/risk/runs').set(agency).send({}).expect(403);
    await request(server()).get('/api/flags').expect(401);
  });

  it('exports the flags as CSV, and as XLSX with Thai headers and Buddhist-era dates', async () => {
    const csv = await request(server()).get('/api/flags/export?format=csv&rule=single-bidder').set(auditor).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('id,ruleId,entityType,entityKey,agencyCode,fiscalYear,score,severity,amount,projectIds,vendorTins,paymentDocs,status,note,evidence,createdAt');
    expect(lines[1]).toContain('68065417947#4/2568');

    const xlsx = await request(server())
      .get('/api/flags/export?format=xlsx&rule=single-bidder')
      .set(auditor)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const workbook = new Workbook();
    await workbook.xlsx.load((xlsx.body as Buffer).buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('ธงความเสี่ยง')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('กฎความเสี่ยง');
    expect(sheet.getRow(2).getCell(2).value).toBe('ผู้เสนอราคารายเดียว');
    expect(sheet.getRow(2).getCell(9).value).toBe(786400);
    expect(String(sheet.getRow(2).getCell(16).value)).toMatch(/^\d{1,2} \S+ 25\d\d$/);
  });

  it('refuses a Christian-era fiscal year and an unknown rule', async () => {
    const bad = await request(server()).post('/api/risk/runs').set(auditor).send({ fiscalYear: 2025 }).expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/Buddhist Era/);
    const unknown = await request(server()).post('/api/risk/runs').set(auditor).send({ rules: ['no-such-rule'] }).expect(400);
    expect(unknown.body.message).toMatch(/no-such-rule/);
  });

  it('limits a run to one fiscal year and leaves the other year’s flags alone', async () => {
    const { body } = await runSingleBidder({ fiscalYear: 2567 });
    expect(body.results['single-bidder']).toMatchObject({ flagged: 0 });
    expect((await singleBidderFlags()).items.map((f) => f.entityKey)).toEqual(['68065417947#4/2568']);
  });

  it('runs every enabled rule on schedule, only when something was imported since the last run', async () => {
    const jobs = t.app.get(ScheduledJobs);
    expect(await jobs.runRulesAfterImports()).toBe(false);
    await request(server())
      .post('/api/imports/holidays')
      .set({ Authorization: `Bearer ${TEST_ADMIN_TOKEN}` })
      .set('Content-Type', 'text/csv')
      .send('date,name,kind\n2025-05-12,วันหยุดทดสอบ,cabinet\n')
      .expect(201);
    expect(await jobs.runRulesAfterImports()).toBe(true);
    expect(await jobs.runRulesAfterImports()).toBe(false);
    const { body } = await request(server()).get('/api/risk/runs').set(auditor).expect(200);
    expect(body.items[0]).toMatchObject({ status: 'succeeded', startedBy: 'schedule (after imports)', fiscalYear: null });
  });
  it('fails a run whose database connections are killed with 503 and the reason, keeps the previous results, and goes on serving', async () => {
    const db = t.app.get(SqlDatabase);
    const results = async () => ({
      flags: await db.query(`select * from flags order by id`),
      notCalculable: await db.query(`select * from risk_not_calculable order by id`),
      runRules: await db.query(`select * from risk_run_rules order by run_id, rule_id`),
    });
    await request(server()).post('/api/risk/runs').set(auditor).send({}).expect(201);
    const before = await results();
    expect(before.flags.length).toBeGreaterThan(50);
    const connect = async () => {
      const client = new Client({ connectionString: t.database.url, application_name: 'risk-runs-e2e' });
      await client.connect();
      return client;
    };
    const [holder, observer] = [await connect(), await connect()];
    try {
      // Holds the run in the middle: its rules that read contracts wait for this lock.
      await holder.query('begin');
      await holder.query('lock table egp_contracts in access exclusive mode');
      const answer = request(server()).post('/api/risk/runs').set(auditor).send({}).then((response) => response);
      for (;;) {
        const waiting = await observer.query(`select 1 from pg_stat_activity where datname = current_database() and application_name like 'audit-radar:%' and wait_event_type = 'Lock'`);
        if (waiting.rowCount) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Every connection the run holds: the waiting rules and the one keeping the run's snapshot.
      const killed = await observer.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name like 'audit-radar:%' and state <> 'idle'`,
      );
      expect(killed.rowCount).toBeGreaterThanOrEqual(2);
      await holder.query('rollback');

      const response = await answer;
      expect(response.status).toBe(503);
      expect(response.body.message).toMatch(/^risk run \d+ failed: .*terminat/i);
      const runId = /^risk run (\d+)/.exec(response.body.message)![1];
      await request(server()).get('/health').expect(200);
      const { body: run } = await request(server()).get(`/api/risk/runs/${runId}`).set(auditor).expect(200);
      expect(run).toMatchObject({ status: 'failed', error: expect.stringMatching(/terminat/i), results: {} });
      expect(await results()).toEqual(before);
      expect(await db.query(`select relname from pg_class where relname like 'risk\\_run\\_output\\_%'`)).toEqual([]);
      await runSingleBidder();
    } finally {
      await holder.end().catch(() => undefined);
      await observer.end();
    }
  });
});
