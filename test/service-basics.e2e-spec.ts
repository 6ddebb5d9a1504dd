import request from 'supertest';
import { startTestApp, TestApp, TEST_ADMIN_TOKEN } from './support/test-app';
import { withServer } from './support/test-database';

const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

describe('service basics', () => {
  describe('health, docs and headers', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
    });
    afterAll(() => t.close());

    it('serves the OpenAPI page and JSON, documenting the import route', async () => {
      const server = t.app.getHttpServer();
      await request(server).get('/docs').expect(200).expect('Content-Type', /html/);
      const json = await request(server).get('/docs-json').expect(200);
      expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/imports/{source}', '/api/agencies', '/health']));
    });

    it('sends security headers', async () => {
      const response = await request(t.app.getHttpServer()).get('/health').expect(200);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    });

    it('limits the request rate per client, but never the health check', async () => {
      const server = t.app.getHttpServer();
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await request(server).get('/api/agencies').set(admin)).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      for (let i = 0; i < 7; i++) await request(server).get('/health').expect(200);
    });

    it('answers 503 from /health when the database is gone', async () => {
      await withServer((c) => c.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1`, [t.database.name]));
      await withServer((c) => c.query(`alter database ${t.database.name} allow_connections false`));
      await withServer((c) => c.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1`, [t.database.name]));
      const response = await request(t.app.getHttpServer()).get('/health');
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ status: 'error', db: 'down' });
      await withServer((c) => c.query(`alter database ${t.database.name} allow_connections true`));
      await request(t.app.getHttpServer()).get('/health').expect(200);
    });
  });
});
