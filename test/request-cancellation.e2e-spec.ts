import { get, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import request from 'supertest';
import { todayInBangkok } from '../src/common/bangkok-date';
import { RuleRegistry } from '../src/risk/rule-registry.service';
import { referenceDateOf } from '../src/risk/runs/reference-date';
import { RiskScoreStore, scoreSetLockName, ScoreSetKey } from '../src/risk/scores/risk-score-store';
import { startTestApp, TestApp, TEST_ADMIN_TOKEN } from './support/test-app';

/**
 * A read whose client goes away stops its database work. The slow read is a real one on a real route: a
 * scores request whose set another process is computing waits in PostgreSQL for that computation's lock
 * (here held by the test, as that other process would hold it), and without cancellation would go on waiting
 * after its client left. Over a real socket, since supertest cannot drop a connection mid-request.
 */
describe('a request whose client went away', () => {
  let t: TestApp;
  let port: number;
  let holder: Client;
  /** Looks at pg_stat_activity outside the holder's transaction (inside one, it answers a snapshot). */
  let observer: Client;

  /** Backends of the app waiting for the scores lock. */
  const waiting = async () =>
    (
      await observer.query(
        `select pid from pg_stat_activity where datname = current_database() and pid not in (pg_backend_pid(), $1)
            and state = 'active' and query like '%pg_advisory_xact_lock%'`,
        [(holder as unknown as { processID: number }).processID],
      )
    ).rowCount;
  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    for (let tries = 0; tries < 100; tries += 1) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`still not: ${what}`);
  }
  /** Holds the lock of the current scores key of `fiscalYear`, as a process computing them would. */
  async function holdScoresLock(fiscalYear: number): Promise<void> {
    const key: ScoreSetKey = {
      fiscalYear,
      referenceDate: referenceDateOf(fiscalYear, todayInBangkok()),
      rulesHash: t.app.get(RuleRegistry).ruleSet.hash,
      dataVersion: await t.app.get(RiskScoreStore).dataVersion(),
    };
    await holder.query('begin');
    await holder.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [scoreSetLockName(key)]);
  }
  /** A GET of the scores over its own socket; `drop()` closes the socket before the answer comes. */
  function startRequest(fiscalYear: number): { answer: Promise<IncomingMessage | 'dropped'>; drop: () => void } {
    const req = get({ host: '127.0.0.1', port, path: `/api/risk/scores?fiscalYear=${fiscalYear}`, headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    const answer = new Promise<IncomingMessage | 'dropped'>((resolve) => {
      req.on('response', resolve);
      req.on('error', () => resolve('dropped'));
    });
    return { answer, drop: () => req.destroy() };
  }

  beforeAll(async () => {
    t = await startTestApp();
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    holder = new Client({ connectionString: t.database.url });
    observer = new Client({ connectionString: t.database.url });
    await holder.connect();
    await observer.connect();
  });
  afterAll(async () => {
    await holder.end();
    await observer.end();
    await t.close();
  });

  it('has its query cancelled, and the next call succeeds', async () => {
    await holdScoresLock(2568);
    const call = startRequest(2568);
    await until(async () => (await waiting()) === 1, 'the request waits in the database');
    call.drop();
    await until(async () => (await waiting()) === 0, 'the query of the dropped request is gone');
    await holder.query('commit');

    const { body } = await request(t.app.getHttpServer()).get('/api/risk/scores?fiscalYear=2568').set({ Authorization: `Bearer ${TEST_ADMIN_TOKEN}` }).expect(200);
    expect(body).toMatchObject({ fiscalYear: 2568, computedAt: expect.any(String) });
  });

  it('leaves the shared computation running while another caller still waits for it', async () => {
    // Scores not computed yet: another fiscal year.
    await holdScoresLock(2567);
    const dropped = startRequest(2567);
    const kept = startRequest(2567);
    await until(async () => (await waiting()) === 1, 'the shared computation waits in the database');
    dropped.drop();
    expect(await dropped.answer).toBe('dropped');
    // Still waiting: the other caller needs it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await waiting()).toBe(1);
    await holder.query('commit');
    const answer = await kept.answer;
    expect(answer).not.toBe('dropped');
    expect((answer as IncomingMessage).statusCode).toBe(200);
    (answer as IncomingMessage).resume();
  });
});
