import request from 'supertest';
import { SqlDatabase } from '../src/database/sql-database';
import { SourceRegistry } from '../src/imports/source-registry';
import type { ImportSource } from '../src/imports/source-definition';
import { egpHeaderLine } from '../src/procurement/egp';
import { startTestApp, TestApp, TEST_ADMIN_TOKEN } from './support/test-app';

const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

/** The header a person would write for a source: its Thai headers. */
function thaiHeader(source: ImportSource): string {
  if (source.name === 'egp-contracts') return egpHeaderLine('canonical-28');
  return source.columns.map((c) => c.aliases[0] ?? c.key).join(',');
}

/** Every source answers the same bad inputs the same way, and the database never changes. */
describe('bad input, for every source', () => {
  let t: TestApp;
  let sources: ImportSource[];
  const post = (source: string, body: string | Buffer) =>
    request(t.app.getHttpServer()).post(`/api/imports/${source}`).set(admin).set('Content-Type', 'text/csv').send(body);
  const tableCounts = async () => {
    const sql = t.app.get(SqlDatabase);
    const counts: Record<string, number> = {};
    for (const s of sources) counts[s.table] = Number((await sql.query(`select count(*) from ${s.table}`))[0].count);
    return counts;
  };

  beforeAll(async () => {
    t = await startTestApp();
    sources = t.app.get(SourceRegistry).all();
  });
  afterAll(() => t.close());

  it('covers every source of the contract that exists', () => {
    expect(sources.map((s) => s.name)).toEqual(expect.arrayContaining(['agencies', 'budget-projects', 'holidays', 'egp-contracts']));
  });

  it('answers 400 for an empty file, a binary file and a file with no header, and writes nothing', async () => {
    const before = await tableCounts();
    for (const source of sources) {
      const label = source.name;
      expect([label, (await post(label, '')).status]).toEqual([label, 400]);
      expect([label, (await post(label, PNG)).status]).toEqual([label, 400]);
      const noHeader = await post(label, '68019245871,12345,2568,สำนักงานทดสอบ\n68019245872,12346,2568,สำนักงานทดสอบ\n');
      expect([label, noHeader.status]).toEqual([label, 400]);
    }
    expect(await tableCounts()).toEqual(before);
  });

  it('accepts a file with a header and no rows as an import of nothing', async () => {
    for (const source of sources) {
      const response = await post(source.name, `${thaiHeader(source)}\r\n`);
      expect([source.name, response.status, response.body.rows]).toEqual([source.name, 201, 0]);
    }
  });

  it('refuses text that is neither UTF-8 nor Windows-874 rather than storing it garbled', async () => {
    // Latin-1 "Café" has a lone 0xE9: not UTF-8, and not Thai either.
    const latin1 = Buffer.concat([Buffer.from('รหัสหน่วยงาน,ชื่อหน่วยงาน\n'), Buffer.from([0x31, 0x2c, 0x43, 0x61, 0x66, 0xe9, 0x0a])]);
    const response = await post('agencies', latin1).expect(400);
    expect(response.body.message).toMatch(/UTF-8/);
  });
});
