// First: the OS temp dir becomes a folder of this file's own, where a stray upload would show.
import { PRIVATE_TMPDIR } from './support/private-tmpdir';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import request from 'supertest';
import { AppConfig } from '../src/config/app-config';
import { SqlDatabase } from '../src/database/sql-database';
import { startTestApp, TestApp, TEST_ADMIN_TOKEN } from './support/test-app';

const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const HEADER = 'รหัสหน่วยงาน,ชื่อหน่วยงาน\n';
const TWO_MB = 2 * 1024 * 1024;

/** A valid agencies file of at least `bytes` bytes: only its size is wrong. */
function agenciesOf(bytes: number): Buffer {
  const rows = [HEADER];
  let size = Buffer.byteLength(HEADER);
  for (let i = 0; size < bytes; i++) {
    const row = `A${String(i).padStart(7, '0')},สำนักงานทดสอบที่ ${i}\n`;
    rows.push(row);
    size += Buffer.byteLength(row);
  }
  return Buffer.from(rows.join(''));
}

describe('import uploads: IMPORT_MAX_MB and the upload folder', () => {
  let t: TestApp;
  let sql: SqlDatabase;
  let uploads: string;
  const server = () => t.app.getHttpServer();
  /** Files left in the upload folder, or anywhere in the OS temp dir (where uploads used to go). */
  const leftInUploads = () => [
    ...(existsSync(uploads) ? readdirSync(uploads) : []),
    ...readdirSync(PRIVATE_TMPDIR).filter((name) => statSync(join(PRIVATE_TMPDIR, name)).isFile()),
  ];
  const nothingWritten = async () => {
    expect(await sql.query(`select count(*)::int as n from agencies`)).toEqual([{ n: 0 }]);
    expect(await sql.query(`select count(*)::int as n from import_batches where status = 'running'`)).toEqual([{ n: 0 }]);
  };

  beforeAll(async () => {
    t = await startTestApp({ IMPORT_MAX_MB: '1' });
    sql = t.app.get(SqlDatabase);
    uploads = join(t.app.get(AppConfig).dataDir, 'uploads');
  });
  afterAll(() => t.close());

  it('answers 413 naming the limit for a 2 MB raw body, and writes nothing', async () => {
    const response = await request(server()).post('/api/imports/agencies').set(admin).set('Content-Type', 'text/csv').send(agenciesOf(TWO_MB));
    expect(response.status).toBe(413);
    expect(response.body.message).toMatch(/larger than the import limit of 1 MB \(IMPORT_MAX_MB\)/);
    await nothingWritten();
  });

  it('answers 413 for a 2 MB raw body streamed without a length, counting it as it comes', async () => {
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { port, host: '127.0.0.1', method: 'POST', path: '/api/imports/agencies', headers: { ...admin, 'Content-Type': 'text/csv' } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      const file = agenciesOf(TWO_MB);
      // In 64 kB pieces: Node sends them chunked, with no Content-Length to refuse up front.
      Readable.from((function* () {
        for (let i = 0; i < file.length; i += 65_536) yield file.subarray(i, i + 65_536);
      })()).pipe(req);
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).message).toMatch(/1 MB \(IMPORT_MAX_MB\)/);
    await nothingWritten();
    const [batch] = await sql.query(`select status, errors->0->>'message' as reason from import_batches order by id desc limit 1`);
    expect(batch).toEqual({ status: 'failed', reason: expect.stringMatching(/larger than the import limit/) });
  });

  it('answers 413 for a 2 MB multipart upload, writes nothing and keeps no part of it', async () => {
    const response = await request(server()).post('/api/imports/agencies').set(admin).attach('file', agenciesOf(TWO_MB), 'big.csv');
    expect(response.status).toBe(413);
    expect(response.body.message).toMatch(/1 MB \(IMPORT_MAX_MB\)/);
    await nothingWritten();
    expect(leftInUploads()).toEqual([]);
  });

  it('leaves the upload folder empty after 201, 404, 403, 400 and 422 answers', async () => {
    // finance may call the import route, but not import agencies: the refusal that used to come after the upload was stored.
    const finance = await t.tokenFor('finance');
    const small = Buffer.from(`${HEADER}21001,สำนักงานจังหวัดระยอง\n`);
    const upload = (path: string, body: Buffer, auth = admin) => request(server()).post(path).set(auth).attach('file', body, 'file.csv');

    const answers = [
      (await upload('/api/imports/agencies', small)).status,
      (await upload('/api/imports/no-such-source', small)).status,
      (await upload('/api/imports/agencies', small, { Authorization: `Bearer ${finance}` })).status,
      (await upload('/api/imports/agencies?mode=sometimes', small)).status,
      (await upload('/api/imports/agencies', Buffer.from(`${HEADER}21002,\n`))).status,
    ];
    expect(answers).toEqual([201, 404, 403, 400, 422]);
    expect(leftInUploads()).toEqual([]);
  });
});
