import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { Client } from 'pg';
import request from 'supertest';
import { binaryBody } from './support/binary-body';
import { startTestApp, TestApp } from './support/test-app';

/** More flags than one cursor batch (1,000), with ties in severity and score, so order and completeness show. */
const FLAGS = 2_600;

/**
 * The flags' exports and list over more rows than one read: every export is complete and in the list's order,
 * keyset pages walk the same order, and an export waits for a slow client and stops for one that goes away.
 */
describe('flags exports and paging at scale', () => {
  let t: TestApp;
  let db: Client;
  let auditor: { Authorization: string };
  /** Entity keys in the API's order, most serious first: severity, score, then the oldest id. */
  let expected: { id: string; entityKey: string }[];
  const server = () => t.app.getHttpServer();

  beforeAll(async () => {
    t = await startTestApp();
    auditor = { Authorization: `Bearer ${await t.tokenFor('auditor')}` };
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    // Scores repeat every 7 flags and severities every 4: many ties that only the id decides. The padding makes
    // the CSV several MB, more than the socket buffers hold, so a client that does not read holds the export up.
    await db.query(`
      insert into flags (rule_id, entity_type, entity_key, agency_code, fiscal_year, score, severity, amount,
                         project_ids, vendor_tins, note, evidence, first_run_id, last_run_id)
      select (array['single-bidder', 'few-bidders', 'split-purchase'])[g % 3 + 1], 'contract', 'key-' || g,
             (array['00101', '00201'])[g % 2 + 1], 2568, (g % 7) / 7.0, (array['low', 'medium', 'high', 'critical'])[g % 4 + 1],
             g * 100.25, array['p' || g], array['0105500000' || lpad((g % 1000)::text, 3, '0')],
             '=HYPERLINK("x' || g || '")', jsonb_build_object('n', g, 'pad', repeat('ข', 1500)), 1, 1
        from generate_series(1, ${FLAGS}) g`);
    await db.query('analyze flags');
    expected = (
      await db.query<{ id: string; entityKey: string }>(`
        select id::text, entity_key as "entityKey" from flags
         order by case severity when 'critical' then 4 when 'high' then 3 when 'medium' then 2 else 1 end desc, score desc, flags.id`)
    ).rows;
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('exports every flag as CSV, in order, with formulas neutralised', async () => {
    const res = await request(server()).get('/api/flags/export?format=csv').set(auditor).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const rows = parse(res.text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id)).toEqual(expected.map((f) => f.id));
    expect(rows.every((r) => r.note.startsWith("'=HYPERLINK("))).toBe(true);
    expect(JSON.parse(rows[0].evidence)).toMatchObject({ n: Number(expected[0].entityKey.slice(4)) });
  });

  it('exports every flag as JSON { total, items }, in order', async () => {
    const res = await request(server()).get('/api/flags/export?format=json').set(auditor).expect(200);
    expect(res.body.total).toBe(FLAGS);
    expect(res.body.items.map((f: { id: string }) => f.id)).toEqual(expected.map((f) => f.id));
    expect(res.body.items[0]).toMatchObject({ entityType: 'contract', fiscalYear: 2568, current: true, status: 'open' });
  });

  it('exports every flag as XLSX with the Thai headers, in order', async () => {
    const res = await request(server()).get('/api/flags/export?format=xlsx').set(auditor).buffer(true).parse(binaryBody).expect(200);
    const workbook = new Workbook();
    await workbook.xlsx.load((res.body as Buffer).buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('ธงความเสี่ยง')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined, 'ลำดับ', 'กฎความเสี่ยง', 'รหัสกฎ', 'สิ่งที่ถูกตั้งธง', 'หน่วยงาน', 'ปีงบประมาณ', 'ความร้ายแรง', 'คะแนน (0–1)',
      'มูลค่าที่เกี่ยวข้อง (บาท)', 'เลขที่โครงการ e-GP', 'เลขประจำตัวผู้เสียภาษี', 'เอกสาร GFMIS', 'หลักฐาน', 'สถานะ', 'หมายเหตุผู้ตรวจสอบ', 'วันที่พบ',
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(1 + FLAGS);
    const keys: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) keys.push(String(row.getCell(4).value));
    });
    expect(keys).toEqual(expected.map((f) => f.entityKey));
    expect(sheet.getRow(2).getCell(1).value).toBe(1);
    expect(sheet.getRow(FLAGS + 1).getCell(1).value).toBe(FLAGS);
    expect(String(sheet.getRow(2).getCell(16).value)).toMatch(/^\d{1,2} \S+ 25\d\d$/);
  });

  it('walks every flag by keyset pages (after=) in the export’s order, and refuses a forged token', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: request.Response = await request(server())
        .get(`/api/flags?limit=1000${after ? `&after=${after}` : ''}`)
        .set(auditor)
        .expect(200);
      seen.push(...res.body.items.map((f: { id: string }) => f.id));
      after = res.body.after;
    } while (after);
    expect(seen).toEqual(expected.map((f) => f.id));
    const offset = await request(server()).get('/api/flags?limit=5&offset=1000').set(auditor).expect(200);
    expect(offset.body.items.map((f: { id: string }) => f.id)).toEqual(expected.slice(1000, 1005).map((f) => f.id));
    await request(server()).get(`/api/flags?after=${Buffer.from('{"rank":9}').toString('base64url')}`).set(auditor).expect(400);
  });

  it('answers an exact total up to 10,000 matches', async () => {
    const all = await request(server()).get('/api/flags?limit=1').set(auditor).expect(200);
    expect(all.body).toMatchObject({ total: FLAGS, totalExact: true });
    const some = await request(server()).get('/api/flags?limit=1&severity=critical&agency=00201').set(auditor).expect(200);
    expect(some.body).toMatchObject({ total: expected.length / 4, totalExact: true });
  });

  it('marks a flag not current once a later successful run of its rule did not find it, in the list and the export alike', async () => {
    await db.query(`insert into risk_runs (id, status, fiscal_year, reference_date, rules_hash, rule_ids) values (2, 'succeeded', null, '2025-09-30', 'x', '{few-bidders}')`);
    await db.query(`insert into risk_run_rules (run_id, rule_id, parameters) values (2, 'few-bidders', '{}')`);
    const currentByRule = (items: { ruleId: string; current: boolean }[]) =>
      Object.fromEntries(['single-bidder', 'few-bidders', 'split-purchase'].map((rule) => [rule, [...new Set(items.filter((f) => f.ruleId === rule).map((f) => f.current))]]));
    const listed = await request(server()).get('/api/flags?limit=1000').set(auditor).expect(200);
    const exported = await request(server()).get('/api/flags/export?format=json').set(auditor).expect(200);
    const expectedCurrent = { 'single-bidder': [true], 'few-bidders': [false], 'split-purchase': [true] };
    expect(currentByRule(listed.body.items)).toEqual(expectedCurrent);
    expect(currentByRule(exported.body.items)).toEqual(expectedCurrent);
  });

  it('holds an export while its client does not read, and ends its transaction when the client goes away', async () => {
    const cursorSessions = async () =>
      (
        await db.query<{ state: string }>(
          `select state from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and query ~ 'read_cursor_'`,
        )
      ).rows;
    const listening = server().listening ? server() : server().listen(0);
    const { port } = listening.address() as AddressInfo;
    const req = get({ port, path: '/api/flags/export?format=csv', headers: auditor });
    const response = await new Promise<import('node:http').IncomingMessage>((resolve) => req.on('response', resolve));
    expect(response.statusCode).toBe(200);
    response.pause();
    // The export waits, mid-transaction, for the client to take what was written: the rows are not all in memory.
    expect(await eventually(async () => (await cursorSessions()).some((s) => s.state === 'idle in transaction'))).toBe(true);
    req.destroy();
    expect(await eventually(async () => (await cursorSessions()).length === 0)).toBe(true);
    // and the service goes on answering with its pool intact
    await request(server()).get('/api/flags?limit=1').set(auditor).expect(200);
  });
});

/** Polls a condition (every 50 ms, for up to 10 s): for states another process reaches, not for speed. */
async function eventually(condition: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
