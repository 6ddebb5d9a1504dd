import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { Client } from 'pg';
import { RiskRunsService } from '../src/risk/runs/risk-runs.service';
import { startFixtureApp } from './support/fixture-database';
import type { TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

/** Runs `npm run cli -- <args>` in its own process against a database. */
function cliAgainst(databaseUrl: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli.ts', ...args], {
    cwd: join(__dirname, '..'),
    env: { ...process.env, DATABASE_URL: databaseUrl, TZ: 'Asia/Bangkok' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `npm run cli -- <command>` as an operator runs it: real process, real database, exit statuses of the contract. */
describe('command line', () => {
  jest.setTimeout(120_000);
  let database: TestDatabase;
  const folder = mkdtempSync(join(tmpdir(), 'audit-radar-cli-'));

  const cli = (...args: string[]) => cliAgainst(database.url, ...args);
  const file = (name: string, text: string) => {
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('imports a file, reports counts, and reports all unchanged the second time', () => {
    const agencies = file('agencies.csv', 'agency_code,name,last_audited\n31001,สำนักงานจังหวัดระยอง,2024-09-30\n31002,สำนักงานคลังจังหวัดระยอง,\n');
    const first = cli('import', 'agencies', agencies);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('2 rows, 2 inserted, 0 updated, 0 unchanged, 0 rejected');
    const second = cli('import', 'agencies', agencies, '--format', 'json');
    expect(second.status).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ rows: 2, inserted: 0, unchanged: 2, status: 'written' });
  });

  it('exits 1 with row, column and reason for invalid input, and writes nothing', async () => {
    const bad = file('bad.csv', 'agency_code,name,last_audited\n31003,ก,31 ก.พ. 68\n');
    const result = cli('import', 'agencies', bad);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/row 2, last_audited: .*31 ก\.พ\. 68/);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(`select count(*)::int as n from agencies where code = '31003'`);
    await client.end();
    expect(rows[0].n).toBe(0);
  });

  it('loads the published e-GP fixture, printing its repairs, then reports it unchanged', () => {
    const fixtures = join(__dirname, '..', 'fixtures');
    expect(cli('import', 'agencies', join(fixtures, 'agencies.csv')).status).toBe(0);
    const first = cli('import', 'egp-contracts', join(fixtures, 'egp-contracts-2567.csv'), '--format', 'json');
    expect(first.status).toBe(0);
    const outcome = JSON.parse(first.stdout);
    expect(outcome).toMatchObject({ layout: 'fy2565-2567-31col', rejected: 0 });
    expect(outcome.inserted).toBe(outcome.rows);
    expect(outcome.repairs.length).toBeGreaterThan(0);
    const second = cli('import', 'egp-contracts', join(fixtures, 'egp-contracts-2567.csv'));
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(`${outcome.rows} unchanged`);
    expect(second.stderr).toMatch(/repair row \d+, เลขนิติบุคคล: /);
  });

  it('exits 2 on usage errors', () => {
    expect(cli('import', 'agencies').status).toBe(2);
    expect(cli('import', 'no-such-source', '/dev/null').status).toBe(2);
    expect(cli('users', 'create', '--role', 'wizard').status).toBe(2);
    expect(cli('frobnicate').status).toBe(2);
  });

  it('exits 2 on usage errors of plan generate, before opening the database', () => {
    const noYear = cli('plan', 'generate');
    expect(noYear.status).toBe(2);
    expect(noYear.stderr).toContain('--fiscal-year N is required');
    expect(noYear.stderr).toContain('usage: plan generate --fiscal-year N');
    const ceYear = cli('plan', 'generate', '--fiscal-year', '2025');
    expect(ceYear.status).toBe(2);
    expect(ceYear.stderr).toContain('Buddhist Era');
    const xlsxToStdout = cli('plan', 'generate', '--fiscal-year', '2568', '--format', 'xlsx');
    expect(xlsxToStdout.status).toBe(2);
    expect(xlsxToStdout.stderr).toContain('give --out FILE');
    expect(cli('plan', 'generate', '--fiscal-year', '2568', '--financial', '-1').status).toBe(2);
  });

  it('creates a user and prints its token once', () => {
    const result = cli('users', 'create', '--role', 'agency', '--agency', '31001');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^ar_[a-f0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(result.stderr).toContain('agency 31001');
  });

  it('applies migrations by hand and says when there is nothing to do', () => {
    const result = cli('db', 'migrate');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('up to date');
  });
});

/** `plan generate` over the Rayong demo set, after a risk run has scored it. */
describe('command line: plan generate on the fixtures', () => {
  jest.setTimeout(180_000);
  let fixture: TestApp;
  const folder = mkdtempSync(join(tmpdir(), 'audit-radar-cli-plan-'));

  beforeAll(async () => {
    fixture = await startFixtureApp();
    await fixture.app.get(RiskRunsService).run({ fiscalYear: 2568 });
  });
  afterAll(() => fixture.close());

  it('prints the plan as a table with the unplaced and their reasons', () => {
    const result = cliAgainst(fixture.database.url, 'plan', 'generate', '--fiscal-year', '2568', '--financial', '3', '--performance', '2');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^plan \d+: fiscal year 2568, revision 1 \(draft\); \d+ engagement\(s\) placed, \d+ not placed/);
    expect(result.stdout).toMatch(/^ {3}1 {2}\S+ .+ (financial|performance) +2\d{3}-\d{2}-\d{2} – 2\d{3}-\d{2}-\d{2} +\d+ +\d+ {2}\S/m);
  });

  // Each CLI process costs seconds of start-up, so one file format stands for all: the exports themselves are
  // unit-tested (src/audit-plan/export) and served over HTTP in test/audit-plans.e2e-spec.ts.
  it('writes the workbook of a new revision to --out', async () => {
    const xlsx = join(folder, 'plan.xlsx');
    const result = cliAgainst(fixture.database.url, 'plan', 'generate', '--fiscal-year', '2568', '--format', 'xlsx', '--out', xlsx);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/revision 2\): \d+ placed, \d+ not placed; written to /);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['แผนการตรวจสอบ', 'ยังไม่ได้จัดลง', 'ภาระงานผู้ตรวจสอบ']);
    expect(workbook.worksheets[0].getRow(1).getCell(1).text).toBe('แผนการตรวจสอบประจำปีงบประมาณ พ.ศ. 2568');
  });
});
