import request from 'supertest';
import { startTestApp, TestApp, TEST_ADMIN_TOKEN } from './support/test-app';

const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const LIMIT = 3;

/** Statuses of `count` calls, each claiming to come from another client through X-Forwarded-For. */
async function callsFromSpoofedAddresses(t: TestApp, count: number, forwardedFor: (i: number) => string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    statuses.push((await request(t.app.getHttpServer()).get('/api/agencies').set(admin).set('X-Forwarded-For', forwardedFor(i))).status);
  }
  return statuses;
}

/**
 * The rate limit counts per client address. X-Forwarded-For is written by whoever sends the request,
 * so it may name the client only when it comes from a proxy the operator configured (TRUST_PROXY).
 */
describe('client address behind proxies (TRUST_PROXY)', () => {
  describe('by default', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    });
    afterAll(() => t.close());

    it('limits a client that sends another X-Forwarded-For each time as the one client it is', async () => {
      const statuses = await callsFromSpoofedAddresses(t, LIMIT + 2, (i) => `203.0.113.${i + 1}`);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    });
  });

  describe('with TRUST_PROXY=loopback (a proxy on this machine)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUST_PROXY: 'loopback' });
    });
    afterAll(() => t.close());

    it('takes the client address from the header the proxy sets', async () => {
      expect(await callsFromSpoofedAddresses(t, LIMIT + 2, (i) => `203.0.113.${i + 1}`)).toEqual([200, 200, 200, 200, 200]);
      expect(await callsFromSpoofedAddresses(t, LIMIT + 1, () => '198.51.100.7')).toEqual([200, 200, 200, 429]);
    });
  });
});
