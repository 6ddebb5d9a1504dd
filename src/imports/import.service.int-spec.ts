import { Readable } from 'node:stream';
import { startTestApp, TestApp } from '../../test/support/test-app';
import { SqlDatabase } from '../database/sql-database';
import { ImportService } from './import.service';

/** The pipeline against a real PostgreSQL: COPY escaping, transactions, batch records. */
describe('ImportService (PostgreSQL)', () => {
  let t: TestApp;
  let imports: ImportService;
  let sql: SqlDatabase;
  const run = (source: string, text: string, options: { mode?: 'strict' | 'skip-invalid'; dryRun?: boolean } = {}) =>
    imports.import({ source, input: Readable.from([Buffer.from(text)]), fileName: `${source}.csv`, by: 'integration test', ...options });

  beforeAll(async () => {
    t = await startTestApp();
    imports = t.app.get(ImportService);
    sql = t.app.get(SqlDatabase);
  });
  afterAll(() => t.close());

  it('stores text with tabs, backslashes, quotes and line breaks exactly through COPY', async () => {
    const name = 'สำนักงาน\\ทดสอบ\t"ชื่อ"\r\nบรรทัดสอง';
    const csvName = `"${name.replace(/"/g, '""')}"`;
    const outcome = await run('agencies', `agency_code,name\n40001,${csvName}\n`);
    expect(outcome).toMatchObject({ status: 'written', inserted: 1 });
    const [row] = await sql.query(`select name from agencies where code = '40001'`);
    // Text cells fold runs of white space (a line break inside a name is layout, not content).
    expect(row.name).toBe('สำนักงาน\\ทดสอบ "ชื่อ" บรรทัดสอง');
  });

  it('stores lists as real arrays and amounts as exact numerics', async () => {
    await run('agencies', 'agency_code,name\n40002,สำนักงานทดสอบสอง\n');
    const outcome = await run(
      'budget-projects',
      'project_code,name,agency_code,fiscal_year,budget,egp_project_ids\nBP-1,"ถนน ""สายหลัก""",40002,2568,"12,345,678.91","68019245871;68029310456"\n',
    );
    expect(outcome).toMatchObject({ status: 'written', inserted: 1 });
    const [row] = await sql.query(`select budget::text as budget, egp_project_ids, name from budget_projects where code = 'BP-1'`);
    expect(row).toEqual({ budget: '12345678.91', egp_project_ids: ['68019245871', '68029310456'], name: 'ถนน "สายหลัก"' });
  });

  it('records every batch, including rejected and dry runs, with who and the counts', async () => {
    await run('agencies', 'agency_code,name\n40003,\n');
    await run('agencies', 'agency_code,name\n40004,ทดสอบ\n', { dryRun: true });
    const batches = await sql.query(
      `select status, rows, inserted, rejected, created_by, errors from import_batches order by id desc limit 2`,
    );
    expect(batches).toEqual([
      { status: 'dry_run', rows: 1, inserted: 1, rejected: 0, created_by: 'integration test', errors: [] },
      {
        status: 'rejected',
        rows: 1,
        inserted: 0,
        rejected: 1,
        created_by: 'integration test',
        errors: [{ row: 2, column: 'name', message: 'is required but empty' }],
      },
    ]);
    const [{ count }] = await sql.query(`select count(*)::int as count from agencies where code in ('40003', '40004')`);
    expect(count).toBe(0);
  });

  it('writes nothing and marks the batch failed when the input breaks mid-stream', async () => {
    const before = await sql.query(`select count(*)::int as n from agencies`);
    const broken = new Readable({
      read() {
        this.push(Buffer.from('agency_code,name\n40010,หนึ่ง\n40011,สอง\n'));
        this.destroy(new Error('connection reset by the uploader'));
      },
    });
    await expect(imports.import({ source: 'agencies', input: broken })).rejects.toThrow('connection reset');
    expect(await sql.query(`select count(*)::int as n from agencies`)).toEqual(before);
    const [batch] = await sql.query(`select status from import_batches order by id desc limit 1`);
    expect(batch.status).toBe('failed');
  });

  it('rolls back and frees the connection when the file breaks after rows went into COPY', async () => {
    const before = await sql.query(`select count(*)::int as n from agencies`);
    function* chunks() {
      yield Buffer.from('agency_code,name\n');
      for (let i = 0; i < 50; i++) yield Buffer.from(`${41000 + i},สำนักงานทดสอบ ${i}\n`);
      yield Buffer.from('41999,"a quote that is never closed\n');
    }
    // Before the COPY was given up on, the rollback queued behind it and this never settled.
    await expect(imports.import({ source: 'agencies', input: Readable.from(chunks()) })).rejects.toThrow(/never closed/);
    expect(await sql.query(`select count(*)::int as n from agencies`)).toEqual(before);
    const [batch] = await sql.query(`select status from import_batches order by id desc limit 1`);
    expect(batch.status).toBe('failed');
    await expect(run('agencies', 'agency_code,name\n41001,หลังจากนั้น\n')).resolves.toMatchObject({ status: 'written', inserted: 1 });
  });
});
