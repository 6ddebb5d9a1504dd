import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from './support/test-database';

/** `npm run cli -- <command>` as an operator runs it: real process, real database, exit statuses of the contract. */
describe('command line', () => {
  jest.setTimeout(120_000);
  let database: TestDatabase;
  const folder = mkdtempSync(join(tmpdir(), 'audit-radar-cli-'));

  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli.ts', ...args], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, DATABASE_URL: database.url, TZ: 'Asia/Bangkok' },
      encoding: 'utf8',
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
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
