import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { SqlDatabase } from '../src/database/sql-database';
import { fixtureFilesOf } from '../src/demo/fixture-files';
import { SourceRegistry } from '../src/imports/source-registry';
import { startTestApp, TestApp, TEST_ADMIN_TOKEN } from './support/test-app';

const HEADER = 'รหัสหน่วยงาน,ชื่อหน่วยงาน,ชื่อภาษาอังกฤษ,ประเภท,อำเภอ,ตรวจสอบครั้งล่าสุด';
const GOOD_ROWS = [
  '21001,สำนักงานจังหวัดระยอง,Rayong Provincial Office,provincial_office,เมืองระยอง,15 ก.ย. 66',
  '21002,สำนักงานคลังจังหวัดระยอง,Rayong Provincial Treasury Office,provincial_office,เมืองระยอง,31/03/2565',
  '"21003","สำนักงานพัฒนาชุมชนจังหวัดระยอง, ฝ่ายบริหาร",,provincial_office,เมืองระยอง,',
  '๒๑๐๐๔,สำนักงานเกษตรจังหวัดระยอง,,provincial_office,แกลง,๑ ต.ค. ๖๗',
];
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';
const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

describe('POST /api/imports/{source}', () => {
  let t: TestApp;
  let sql: SqlDatabase;
  const server = () => t.app.getHttpServer();
  const post = (source: string, body: string | Buffer, query = '') =>
    request(server()).post(`/api/imports/${source}${query}`).set(admin).set('Content-Type', 'text/csv').send(body);
  const agencyCount = async () => Number((await sql.query('select count(*) from agencies'))[0].count);

  beforeAll(async () => {
    t = await startTestApp();
    sql = t.app.get(SqlDatabase);
  });
  afterAll(() => t.close());

  it('rejects a strict batch with a bad row with 422, naming row and column, and writes nothing', async () => {
    const response = await post('agencies', csv(...GOOD_ROWS, '21005,สำนักงานประมงจังหวัดระยอง,,,,31 ก.พ. 68')).expect(422);
    expect(response.body).toMatchObject({ source: 'agencies', rows: 5, inserted: 0, updated: 0, rejected: 1 });
    expect(response.body.errors).toEqual([
      { row: 6, column: 'ตรวจสอบครั้งล่าสุด', message: expect.stringMatching(/31 ก\.พ\. 68/) },
    ]);
    expect(await agencyCount()).toBe(0);
  });

  it('writes a valid file, parsing Thai digits, BE dates and quoted commas exactly', async () => {
    const response = await post('agencies', csv(...GOOD_ROWS)).expect(201);
    expect(response.body).toMatchObject({ rows: 4, inserted: 4, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    const rows = await sql.query(`select code, name, to_char(last_audited, 'YYYY-MM-DD') as last_audited from agencies order by code`);
    expect(rows).toEqual([
      { code: '21001', name: 'สำนักงานจังหวัดระยอง', last_audited: '2023-09-15' },
      { code: '21002', name: 'สำนักงานคลังจังหวัดระยอง', last_audited: '2022-03-31' },
      { code: '21003', name: 'สำนักงานพัฒนาชุมชนจังหวัดระยอง, ฝ่ายบริหาร', last_audited: null },
      { code: '21004', name: 'สำนักงานเกษตรจังหวัดระยอง', last_audited: '2024-10-01' },
    ]);
  });

  it('reports every row unchanged when the same file comes again, and updates only what changed', async () => {
    const again = await post('agencies', csv(...GOOD_ROWS)).expect(201);
    expect(again.body).toMatchObject({ rows: 4, inserted: 0, updated: 0, unchanged: 4 });

    const changed = [...GOOD_ROWS];
    changed[1] = changed[1].replace('31/03/2565', '30/09/2567');
    const update = await post('agencies', csv(...changed, '21006,สำนักงานแรงงานจังหวัดระยอง,,,,')).expect(201);
    expect(update.body).toMatchObject({ rows: 5, inserted: 1, updated: 1, unchanged: 3 });
    expect(await agencyCount()).toBe(5);
  });

  it('keeps stored values of columns the file does not carry', async () => {
    await post('agencies', 'รหัสหน่วยงาน,ชื่อหน่วยงาน\n21001,สำนักงานจังหวัดระยอง\n').expect(201);
    const [row] = await sql.query(`select name_en from agencies where code = '21001'`);
    expect(row.name_en).toBe('Rayong Provincial Office');
  });

  it('in skip-invalid mode writes the valid rows and reports the rest', async () => {
    const response = await post(
      'agencies',
      csv('21007,สำนักงานวัฒนธรรมจังหวัดระยอง,,,,', '21008,,,,,', '21009,สำนักงานพาณิชย์จังหวัดระยอง,,,,1 มกรา 68'),
      '?mode=skip-invalid',
    ).expect(201);
    expect(response.body).toMatchObject({ rows: 3, inserted: 1, rejected: 2 });
    expect(response.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, 'ชื่อหน่วยงาน'],
      [4, 'ตรวจสอบครั้งล่าสุด'],
    ]);
  });

  it('reports duplicate keys within one file', async () => {
    const response = await post('agencies', csv('21010,ก,,,,', '21011,ข,,,,', '21010,ค,,,,')).expect(422);
    expect(response.body.errors).toEqual([{ row: 4, column: '', message: expect.stringContaining('row 2') }]);
  });

  it('validates a dry run without writing (200)', async () => {
    const before = await agencyCount();
    const response = await post('agencies', csv('21020,สำนักงานสถิติจังหวัดระยอง,,,,', GOOD_ROWS[0]), '?dryRun=true').expect(200);
    expect(response.body).toMatchObject({ dryRun: true, rows: 2, inserted: 1, unchanged: 1 });
    expect(await agencyCount()).toBe(before);
  });

  it('refuses budget projects of an unknown agency', async () => {
    const body = 'รหัสโครงการ,ชื่อโครงการ,รหัสหน่วยงาน,ปีงบประมาณ\nBP1,ถนน,99999,2568\nBP2,ฝาย,21001,2025\n';
    const response = await post('budget-projects', body).expect(422);
    expect(response.body.errors).toEqual([
      { row: 2, column: 'รหัสหน่วยงาน', message: 'no agency with code "99999"' },
      { row: 3, column: 'ปีงบประมาณ', message: expect.stringContaining('Buddhist Era') },
    ]);
    const skip = await post('budget-projects', body, '?mode=skip-invalid').expect(201);
    expect(skip.body.errors).toEqual(
      expect.arrayContaining([{ row: 2, column: 'รหัสหน่วยงาน', message: 'no agency with code "99999"' }]),
    );
    expect(skip.body.inserted).toBe(0);
  });

  it('answers 404 for an unknown source and 400 for bodies that are not CSV', async () => {
    await post('nonsense', csv(...GOOD_ROWS)).expect(404);
    await post('agencies', '').expect(400);
    await post('agencies', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])).expect(400);
    const noHeader = await post('agencies', '21001,สำนักงานจังหวัดระยอง\n').expect(400);
    expect(noHeader.body.message).toContain('header');
    await request(server()).post('/api/imports/agencies').set(admin).send({ a: 1 }).expect(400);
  });

  it('accepts a UTF-8 BOM and a Windows-874 file, and a multipart upload', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv('21030,สำนักงานประมงจังหวัดระยอง,,,,'))]);
    await post('agencies', bom).expect(201);

    const tis620 = Buffer.from(
      [...csv('21031,สำนักงานปศุสัตว์จังหวัดระยอง,,,,')].map((ch) => {
        const code = ch.codePointAt(0)!;
        return code >= 0x0e01 && code <= 0x0e5b ? code - 0x0d60 : code;
      }),
    );
    await post('agencies', tis620).expect(201);
    const [row] = await sql.query(`select name from agencies where code = '21031'`);
    expect(row.name).toBe('สำนักงานปศุสัตว์จังหวัดระยอง');

    const upload = await request(server())
      .post('/api/imports/agencies')
      .set(admin)
      .attach('file', Buffer.from(csv('21032,สำนักงานพลังงานจังหวัดระยอง,,,,')), 'agencies.csv')
      .expect(201);
    expect(upload.body).toMatchObject({ fileName: 'agencies.csv', inserted: 1 });
  });

  it('lists batches with source, file name, counts, who and when', async () => {
    const response = await request(server()).get('/api/imports?source=agencies').set(admin).expect(200);
    expect(response.body.total).toBeGreaterThan(5);
    expect(response.body.items[0]).toMatchObject({
      source: 'agencies',
      fileName: 'agencies.csv',
      status: 'written',
      inserted: 1,
      createdBy: 'admin (ADMIN_TOKEN)',
    });
    expect(response.body.items.some((b: { status: string }) => b.status === 'rejected')).toBe(true);
  });
});

describe('the Rayong fixtures through the API', () => {
  let t: TestApp;
  const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name));
  const post = (source: string, body: Buffer) =>
    request(t.app.getHttpServer()).post(`/api/imports/${source}`).set(admin).set('Content-Type', 'text/csv').send(body);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('loads every demo file of every source, and a second load reports every row unchanged', async () => {
    const files = readdirSync(join(__dirname, '..', 'fixtures'));
    const sources = t.app.get(SourceRegistry).all();
    const loaded: string[] = [];
    for (const pass of ['first', 'second'] as const) {
      for (const source of sources) {
        for (const name of fixtureFilesOf(source.name, files)) {
          const response = await post(source.name, fixture(name));
          expect([name, response.status, response.body.rejected]).toEqual([name, 201, 0]);
          if (pass === 'first') {
            expect([name, response.body.inserted]).toEqual([name, response.body.rows]);
            loaded.push(name);
          } else {
            expect([name, response.body.unchanged]).toEqual([name, response.body.rows]);
          }
        }
      }
    }
    expect(loaded.length).toBeGreaterThanOrEqual(17);
    const agencies = await request(t.app.getHttpServer()).get('/api/agencies').set(admin).expect(200);
    expect(agencies.body.total).toBe(32);
  });

  it('rejects the planted bad files with the row and column, and takes the Windows-874 file as the same rows', async () => {
    const bad = await post('agencies', fixture('invalid/agencies-bad-row.csv')).expect(422);
    expect(bad.body.errors).toEqual([{ row: 4, column: 'ตรวจสอบครั้งล่าสุด', message: expect.any(String) }]);
    const missing = await post('agencies', fixture('invalid/agencies-missing-key.csv')).expect(422);
    expect(missing.body.errors).toEqual([{ row: 4, column: 'รหัสหน่วยงาน', message: 'is required but empty' }]);
    const thai874 = await post('agencies', fixture('invalid/agencies-windows-874.csv')).expect(201);
    expect(thai874.body).toMatchObject({ rows: 3, unchanged: 3, encoding: 'windows-874' });
    await post('agencies', fixture('invalid/binary.csv')).expect(400);
  });

  it('shows the holidays of a year: the curated table and the administrators\' days', async () => {
    const response = await request(t.app.getHttpServer()).get('/api/holidays?year=2568').set(admin).expect(200);
    const byDate = new Map(response.body.items.map((d: { date: string; origin: string }) => [d.date, d.origin]));
    expect(byDate.get('2025-04-14')).toBe('curated');
    expect(byDate.get('2025-08-11')).toBe('table');
    await request(t.app.getHttpServer())
      .post('/api/holidays')
      .set(admin)
      .send({ date: '2025-11-14', name: 'วันหยุดพิเศษ (ทดสอบ)', kind: 'cabinet' })
      .expect(201);
    const after = await request(t.app.getHttpServer()).get('/api/holidays?year=2025').set(admin).expect(200);
    expect(after.body.items.map((d: { date: string }) => d.date)).toContain('2025-11-14');
  });
});
