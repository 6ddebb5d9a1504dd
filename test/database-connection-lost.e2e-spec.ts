import { MikroORM } from '@mikro-orm/core';
import { request as httpRequest, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import request from 'supertest';
import { SqlDatabase } from '../src/database/sql-database';
import { startTestApp, TestApp, TEST_ADMIN_TOKEN } from './support/test-app';
import { withServer } from './support/test-database';

const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const HEADER = 'รหัสหน่วยงาน,ชื่อหน่วยงาน\n';

/** Agency rows for as long as `keepGoing` says, in small chunks, so the upload is still streaming when the test acts. */
function endlessAgencies(keepGoing: () => boolean): Readable {
  let n = 0;
  return new Readable({
    read() {
      if (!keepGoing() || n > 5_000_000) return void this.push(null);
      let chunk = n === 0 ? HEADER : '';
      for (let i = 0; i < 500; i++, n++) chunk += `X${String(n).padStart(8, '0')},สำนักงานทดสอบที่ ${n}\n`;
      this.push(chunk);
    },
  });
}

/** Polls until `probe` returns a value (the database's view of the import); fails the test after `attempts` tries. */
async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, attempts = 600): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** The service's backends in this test's database, as PostgreSQL sees them. */
async function backends(database: string, where: string): Promise<number[]> {
  return withServer(async (c) => {
    const result = await c.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = $1 and application_name like 'audit-radar%' and ${where}`,
      [database],
    );
    return result.rows.map((r) => r.pid);
  });
}

const terminate = (pids: number[]) =>
  withServer((c) => c.query('select pg_terminate_backend(pid) from unnest($1::int[]) pid', [pids]));

describe('a lost database connection fails one request, not the service', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  it('answers 503 with a message when the backend of a running import is terminated, writes nothing, and serves on', async () => {
    let streaming = true;
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { port, host: '127.0.0.1', method: 'POST', path: '/api/imports/agencies', headers: { ...admin, 'Content-Type': 'text/csv' } },
        (res: IncomingMessage) => {
          streaming = false;
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => {
            req.destroy();
            resolve({ status: res.statusCode ?? 0, body });
          });
        },
      );
      req.on('error', (error) => (streaming ? reject(error) : undefined));
      endlessAgencies(() => streaming).pipe(req);
    });

    const [copying] = await waitFor(async () => {
      const pids = await backends(t.database.name, `query ilike 'copy %staging_agencies%' and state = 'active'`);
      return pids.length ? pids : undefined;
    }, 'the import to start its COPY');
    await terminate([copying]);

    const { status, body } = await answer;
    expect(status).toBe(503);
    expect(JSON.parse(body)).toMatchObject({ statusCode: 503, message: expect.stringMatching(/database connection was lost/) });
    expect(body).not.toMatch(/\bat .*\.ts:\d+/); // a message, not a stack trace

    await request(t.app.getHttpServer()).get('/health').expect(200, { status: 'ok', db: 'up' });
    const sql = t.app.get(SqlDatabase);
    expect(await sql.query('select count(*)::int as n from agencies')).toEqual([{ n: 0 }]);
    const [batch] = await sql.query(`select status, errors from import_batches order by id desc limit 1`);
    expect(batch).toEqual({
      status: 'failed',
      errors: [{ row: 0, column: '', message: expect.stringMatching(/database connection was lost/) }],
    });

    const next = await request(t.app.getHttpServer())
      .post('/api/imports/agencies')
      .set(admin)
      .set('Content-Type', 'text/csv')
      .send(`${HEADER}21001,สำนักงานจังหวัดระยอง\n`)
      .expect(201);
    expect(next.body).toMatchObject({ inserted: 1 });
  });

  it('survives terminated connections of the ORM pool, busy or idle', async () => {
    const orm = t.app.get(MikroORM);
    const busy = orm.em.fork().getConnection().execute('select pg_sleep(30)');
    const [sleeping] = await waitFor(async () => {
      const pids = await backends(t.database.name, `query like 'select pg_sleep(30)%' and state = 'active'`);
      return pids.length ? pids : undefined;
    }, 'the ORM query to start');
    await terminate([sleeping]);
    await expect(busy).rejects.toThrow();

    // Now every connection of the service, idle ones included: the next requests reconnect.
    await request(t.app.getHttpServer()).get('/api/imports').set(admin).expect(200);
    await terminate(await backends(t.database.name, 'true'));
    await request(t.app.getHttpServer()).get('/api/imports').set(admin).expect(200);
    await request(t.app.getHttpServer()).get('/health').expect(200);
  });
});
