import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { SqlDatabase } from '../src/database/sql-database';
import { startTestApp, TestApp, TEST_ADMIN_TOKEN } from './support/test-app';
import { createTestDatabase, SERVER_URL, TestDatabase } from './support/test-database';

const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

/** A session named like a service instance: what it inserts records it as the runner (the column's default). */
async function instanceSession(url: string, name = `audit-radar:${randomUUID()}`): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: name });
  client.on('error', () => undefined); // dropping the test database ends a session a failed test left open
  await client.connect();
  return client;
}

const startBatch = (c: Client, file: string) =>
  c.query(`insert into import_batches (source, file_name, mode, dry_run, status, errors, repairs) values ('agencies', $1, 'strict', false, 'running', '[]', '[]')`, [file]);
const startRun = (c: Client, by: string) =>
  c.query(
    `insert into risk_runs (status, reference_date, rules_hash, rule_ids, started_by) values ('running', '2025-09-30', 'h', '{}', $1)`,
    [by],
  );

/**
 * Work a killed process left `running` is marked `interrupted` at the next start-up, with the reason; work of
 * another instance that is still alive on the same database is left alone.
 */
describe('work left running by a dead process', () => {
  let prepared: TestDatabase;
  let other: Client;
  let t: TestApp;

  beforeAll(async () => {
    prepared = await createTestDatabase();
    // A process that started a batch and a run and then died (its session is gone)…
    const dead = await instanceSession(prepared.url);
    await startBatch(dead, 'dead.csv');
    await startRun(dead, 'dead process');
    await dead.query(`insert into import_batches (source, mode, dry_run, status, errors, repairs) values ('agencies', 'strict', false, 'written', '[]', '[]')`);
    await dead.end();
    // …and one still running elsewhere on the same server, whose work is its own business.
    other = await instanceSession(SERVER_URL);
    const otherName = (await other.query<{ name: string }>(`select current_setting('application_name') as name`)).rows[0].name;
    const viaOther = await instanceSession(prepared.url, otherName);
    await startBatch(viaOther, 'alive.csv');
    await startRun(viaOther, 'live instance');
    await viaOther.end();

    t = await startTestApp({}, { template: prepared.name });
  });
  afterAll(async () => {
    await t?.close();
    await other?.end();
    await prepared?.drop();
  });

  it('marks the dead process\'s import batch interrupted with the reason, and leaves the live one running', async () => {
    const { body } = await request(t.app.getHttpServer()).get('/api/imports').set(admin).expect(200);
    const byFile = Object.fromEntries(body.items.map((b: { fileName: string; status: string; errors: unknown }) => [b.fileName, b]));
    expect(byFile['dead.csv']).toMatchObject({
      status: 'interrupted',
      errors: [{ row: 0, column: '', message: expect.stringMatching(/^interrupted: the process that ran it \(audit-radar:[0-9a-f-]{36}\) stopped before it finished/) }],
    });
    expect(byFile['alive.csv']).toMatchObject({ status: 'running', errors: [] });
    expect(body.items.filter((b: { status: string }) => b.status === 'written')).toHaveLength(1);
  });

  it('records this process as the runner of its own imports', async () => {
    const { body } = await request(t.app.getHttpServer())
      .post('/api/imports/agencies')
      .set(admin)
      .set('Content-Type', 'text/csv')
      .send('รหัสหน่วยงาน,ชื่อหน่วยงาน\n21001,สำนักงานจังหวัดระยอง\n')
      .expect(201);
    const [batch] = await t.app.get(SqlDatabase).query(
      `select runner = current_setting('application_name') as mine, runner like 'audit-radar:%' as named from import_batches where id = $1`,
      [body.batchId],
    );
    expect(batch).toEqual({ mine: true, named: true });
  });

  it('does the same for risk runs, and GET /api/risk/runs shows it', async () => {
    const { body } = await request(t.app.getHttpServer()).get('/api/risk/runs').set(admin).expect(200);
    const byStarter = Object.fromEntries(body.items.map((r: { startedBy: string }) => [r.startedBy, r]));
    expect(byStarter['dead process']).toMatchObject({ status: 'interrupted', error: expect.stringMatching(/^interrupted: the process that ran it/), finishedAt: expect.any(String) });
    expect(byStarter['live instance']).toMatchObject({ status: 'running', error: null, finishedAt: null });
  });
});
