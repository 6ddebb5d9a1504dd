import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureApp } from '../../../test/support/fixture-database';
import type { TestApp } from '../../../test/support/test-app';
import type { CliIo } from '../cli-command';
import { runCli } from '../run-cli';

/**
 * `rules list`, `rules run` and `flags list` run in this process against the fixtures' database (spawning the CLI
 * costs seconds of start-up per call; test/cli.e2e-spec.ts covers the real process and its exit statuses).
 */
describe('cli rules and flags commands', () => {
  let t: TestApp;
  const saved = { ...process.env };
  const folder = mkdtempSync(join(tmpdir(), 'audit-radar-cli-flags-'));

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s), interactive: false };
    const status = await runCli(argv, io);
    return { status, stdout: out.join('\n'), stderr: err.join('\n') };
  }

  beforeAll(async () => {
    t = await startFixtureApp();
    Object.assign(process.env, { DATABASE_URL: t.database.url, LOG_LEVEL: 'silent', MIGRATE_ON_START: 'false' });
  });
  afterAll(async () => {
    process.env = saved;
    await t.close();
  });

  it('lists the rules in force with their parameters', async () => {
    const { status, stdout } = await cli('rules', 'list');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^rules in force: 36 \(hash [0-9a-f]{12}\)/);
    expect(stdout).toMatch(/on +single-bidder +w3 medium +\{"methods":\["e_bidding","e_market","price_inquiry","selection"\]\}/);
  });

  it('runs the rules named and prints each one’s counts; JSON on request', async () => {
    const table = await cli('rules', 'run', '--rule', 'single-bidder', '--rule', 'few-bidders');
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^run \d+: succeeded in \d+ ms; fiscal year all/);
    expect(table.stdout).toMatch(/single-bidder +2 +\d+ +2 /);
    const json = await cli('rules', 'run', '--fiscal-year', '2568', '--rule', 'single-bidder', '--format', 'json');
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'succeeded', fiscalYear: 2568, results: { 'single-bidder': { flagged: 1, notCalculable: 2 } } });
  });

  it('lists the flags as a table, CSV or JSON, filtered by rule, and writes the XLSX to a file', async () => {
    const table = await cli('flags', 'list', '--rule', 'single-bidder');
    expect(table.stdout).toMatch(/68065417947#4\/2568 +01802 +2568 medium +1\.00 open/);
    expect(table.stdout).toMatch(/2 flag\(s\)$/);
    const csv = await cli('flags', 'list', '--rule', 'few-bidders', '--format', 'csv');
    expect(csv.stdout.split('\n')).toHaveLength(1 + 2);
    const json = JSON.parse((await cli('flags', 'list', '--rule', 'single-bidder', '--format', 'json')).stdout);
    expect(json.items.map((f: { entityKey: string }) => f.entityKey).sort()).toEqual(['67061131652#6/2567', '68065417947#4/2568']);
    const xlsx = join(folder, 'flags.xlsx');
    const written = await cli('flags', 'list', '--format', 'xlsx', '--out', xlsx);
    expect(written).toMatchObject({ status: 0, stdout: expect.stringMatching(/flag\(s\) written to /) });
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses an unknown rule, a CE fiscal year and an XLSX without --out as usage errors', async () => {
    expect((await cli('rules', 'run', '--rule', 'no-such-rule')).status).toBe(2);
    expect((await cli('rules', 'run', '--fiscal-year', '2025')).status).toBe(2);
    expect((await cli('flags', 'list', '--format', 'xlsx')).status).toBe(2);
  });
});
