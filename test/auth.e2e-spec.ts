import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { SqlDatabase } from '../src/database/sql-database';
import { startTestApp, TestApp, TEST_ADMIN_TOKEN } from './support/test-app';

const AGENCIES_CSV = [
  'รหัสหน่วยงาน,ชื่อหน่วยงาน',
  '10001,สำนักงานจังหวัดระยอง',
  '10002,สำนักงานคลังจังหวัดระยอง',
  '10003,สำนักงานเกษตรจังหวัดระยอง',
].join('\n');

const PROJECTS_CSV = [
  'รหัสโครงการ,ชื่อโครงการ,รหัสหน่วยงาน,ปีงบประมาณ,งบประมาณ',
  'P1,ถนนเลียบชายหาด,10001,2568,"1,000,000"',
  'P2,ฝายชะลอน้ำ,10003,2568,"2,500,000.50"',
].join('\n');

describe('authentication and roles', () => {
  let t: TestApp;
  const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

  beforeAll(async () => {
    t = await startTestApp();
    const server = t.app.getHttpServer();
    await request(server).post('/api/imports/agencies').set(admin).type('text/csv').send(AGENCIES_CSV).expect(201);
    await request(server).post('/api/imports/budget-projects').set(admin).type('text/csv').send(PROJECTS_CSV).expect(201);
  });
  afterAll(() => t.close());

  // Every route without a token, in every spelling, and every route × role: test/route-security.e2e-spec.ts.

  it('answers 401 for a wrong or malformed token and leaves /health public', async () => {
    const server = t.app.getHttpServer();
    await request(server).get('/api/agencies').set('Authorization', 'Bearer ar_000000000000_' + 'x'.repeat(43)).expect(401);
    await request(server).get('/api/agencies').set('Authorization', 'Bearer nonsense').expect(401);
    await request(server).get('/api/agencies').set('Authorization', TEST_ADMIN_TOKEN).expect(401);
    await request(server).get('/health').expect(200);
  });

  it('answers 403 when the role lacks the right', async () => {
    const server = t.app.getHttpServer();
    const viewer = await t.tokenFor('viewer');
    await request(server).get('/api/agencies').set('Authorization', `Bearer ${viewer}`).expect(200);
    await request(server)
      .post('/api/imports/agencies')
      .set('Authorization', `Bearer ${viewer}`)
      .type('text/csv')
      .send(AGENCIES_CSV)
      .expect(403);
    await request(server).get('/api/users').set('Authorization', `Bearer ${viewer}`).expect(403);
    const finance = await t.tokenFor('finance');
    await request(server)
      .post('/api/imports/agencies')
      .set('Authorization', `Bearer ${finance}`)
      .type('text/csv')
      .send(AGENCIES_CSV)
      .expect(403);
  });

  it('lets an agency token see only its own agency and its projects', async () => {
    const server = t.app.getHttpServer();
    const agency = { Authorization: `Bearer ${await t.tokenFor('agency', '10003')}` };
    const agencies = await request(server).get('/api/agencies').set(agency).expect(200);
    expect(agencies.body.items.map((a: { code: string }) => a.code)).toEqual(['10003']);
    await request(server).get('/api/agencies/10003').set(agency).expect(200);
    await request(server).get('/api/agencies/10001').set(agency).expect(403);
    const projects = await request(server).get('/api/budget-projects').set(agency).expect(200);
    expect(projects.body.items.map((p: { code: string }) => p.code)).toEqual(['P2']);
    await request(server).get('/api/budget-projects?agency=10001').set(agency).expect(403);

    const all = await request(server).get('/api/budget-projects?fiscalYear=2568').set(admin).expect(200);
    expect(all.body.total).toBe(2);
  });

  it('issues tokens that work at once, stores only their hash, and revokes them', async () => {
    const server = t.app.getHttpServer();
    const created = await request(server)
      .post('/api/users')
      .set(admin)
      .send({ name: 'สมศรี ผู้ตรวจสอบ', role: 'auditor' })
      .expect(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^ar_[a-f0-9]{12}_/);
    await request(server).get('/api/imports').set('Authorization', `Bearer ${token}`).expect(200);

    const stored = await t.app.get(SqlDatabase).query<{ token_hash: string }>(
      'select token_hash from api_users where id = $1',
      [created.body.id],
    );
    expect(stored[0].token_hash).toMatch(/^\$argon2id\$/);
    expect(stored[0].token_hash).not.toContain(token);

    await request(server).delete(`/api/users/${created.body.id}`).set(admin).expect(200);
    await request(server).get('/api/imports').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('refuses an agency user without an agency code', async () => {
    const server = t.app.getHttpServer();
    const response = await request(server).post('/api/users').set(admin).send({ name: 'x', role: 'agency' }).expect(400);
    expect(JSON.stringify(response.body)).toContain('agencyCode');
  });

  it('refuses an agency user bound to an agency code that does not exist, naming the code, and creates nothing', async () => {
    const server = t.app.getHttpServer();
    const before = (await request(server).get('/api/users').set(admin).expect(200)).body.total;
    const refused = await request(server).post('/api/users').set(admin).send({ name: 'x', role: 'agency', agencyCode: '99999' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('99999');
    expect(refused.body.token).toBeUndefined();
    expect((await request(server).get('/api/users').set(admin).expect(200)).body.total).toBe(before);

    const created = await request(server).post('/api/users').set(admin).send({ name: 'x', role: 'agency', agencyCode: '10002' }).expect(201);
    await request(server).get('/api/agencies/10002').set('Authorization', `Bearer ${created.body.token}`).expect(200);
  });

  it('cli users create exits 1 naming an agency code that does not exist, and creates a user of one that does', async () => {
    const unknown = cli(t.database.url, 'users', 'create', '--role', 'agency', '--agency', '99999');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('no agency with code 99999');
    expect(unknown.stdout).toBe('');

    const known = cli(t.database.url, 'users', 'create', '--role', 'agency', '--agency', '10003');
    expect(known.status).toBe(0);
    const token = known.stdout.trim();
    expect(token).toMatch(/^ar_[a-f0-9]{12}_/);
    const own = await request(t.app.getHttpServer()).get('/api/agencies').set('Authorization', `Bearer ${token}`).expect(200);
    expect(own.body.items.map((a: { code: string }) => a.code)).toEqual(['10003']);
  }, 120_000); // two CLI processes, each compiling the app with ts-node

  it('answers 400 to a user id past its column, and 404 to one in range that names no user', async () => {
    const server = t.app.getHttpServer();
    await request(server).delete('/api/users/99999999999').set(admin).expect(400);
    await request(server).delete('/api/users/2147483648').set(admin).expect(400);
    await request(server).delete('/api/users/-1').set(admin).expect(400);
    await request(server).delete('/api/users/2147483647').set(admin).expect(404);
  });
});

/** `npm run cli -- <args>` in its own process, as an operator runs it. */
function cli(databaseUrl: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli.ts', ...args], {
    cwd: join(__dirname, '..'),
    env: { ...process.env, DATABASE_URL: databaseUrl, MIGRATE_ON_START: 'false', TZ: 'Asia/Bangkok' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
