import { Client } from 'pg';
import { startFixtureApp } from '../../../test/support/fixture-database';
import type { TestApp } from '../../../test/support/test-app';
import { SqlDatabase } from '../../database/sql-database';
import { RiskRunsService, type RunReport } from './risk-runs.service';

/** How runs behave as a whole: order, one unit, one snapshot, two runs at once. The rules themselves are tested per section. */
describe('RiskRunsService', () => {
  let t: TestApp;
  let runs: RiskRunsService;
  let db: SqlDatabase;
  const flagCount = async (rule: string) => (await db.query<{ n: number }>(`select count(*)::int as n from flags where rule_id = $1`, [rule]))[0].n;
  /** Everything a run writes that readers see, row by row. */
  const visibleResults = async () => ({
    flags: await db.query(`select * from flags order by id`),
    flagEvents: await db.query(`select * from flag_events order by id`),
    notCalculable: await db.query(`select * from risk_not_calculable order by id`),
    runRules: await db.query(`select * from risk_run_rules order by run_id, rule_id`),
    succeededRuns: await db.query(`select * from risk_runs where status = 'succeeded' order by id`),
  });
  const stagingTables = async () => db.query(`select relname from pg_class where relname like 'risk\\_run\\_output\\_%'`);
  const counts = (report: RunReport) =>
    Object.fromEntries(Object.entries(report.results).map(([id, r]) => [id, { flagged: r.flagged, clear: r.clear, notCalculable: r.notCalculable }]));

  /** A connection of the test's own, named so it is never taken for one of the run's. */
  async function otherConnection(): Promise<Client> {
    const client = new Client({ connectionString: t.database.url, application_name: 'risk-runs-test' });
    await client.connect();
    return client;
  }
  /** Waits until a backend of the service is waiting for a lock the test holds. */
  async function untilARunWaitsOnALock(observer: Client): Promise<void> {
    for (;;) {
      const { rowCount } = await observer.query(
        `select 1 from pg_stat_activity where datname = current_database() and application_name like 'audit-radar:%' and wait_event_type = 'Lock'`,
      );
      if (rowCount) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  beforeAll(async () => {
    t = await startFixtureApp();
    runs = t.app.get(RiskRunsService);
    db = t.app.get(SqlDatabase);
  });
  afterAll(() => t.close());

  it('reports the rules in catalogue order whichever finishes first', async () => {
    const report = await runs.run({ rules: ['few-bidders', 'single-bidder', 'round-amounts'] });
    expect(Object.keys(report.results)).toEqual(['single-bidder', 'few-bidders', 'round-amounts']);
  });

  it('leaves the flags vacuumed and analyzed, so the flags list plans with real statistics right after a run', async () => {
    const maintainedAt = async () =>
      (await db.query<{ analyzed: Date | null; vacuumed: Date | null }>(
        `select last_analyze as analyzed, last_vacuum as vacuumed from pg_stat_user_tables where relname = 'flags'`,
      ))[0];
    const before = await maintainedAt();
    await runs.run({ rules: ['single-bidder'] });
    const after = await maintainedAt();
    expect(after.analyzed?.getTime()).toBeGreaterThan(before.analyzed?.getTime() ?? 0);
    expect(after.vacuumed?.getTime()).toBeGreaterThan(before.vacuumed?.getTime() ?? 0);
  });

  it('lets two runs started together finish one after the other, with the same flags', async () => {
    const [a, b] = await Promise.all([runs.run({ rules: ['single-bidder'] }), runs.run({ rules: ['single-bidder'] })]);
    expect(a.results['single-bidder']).toEqual(expect.objectContaining({ flagged: 2, notCalculable: 2 }));
    expect(b.results['single-bidder']).toEqual(expect.objectContaining({ flagged: 2, notCalculable: 2 }));
    expect(await flagCount('single-bidder')).toBe(2);
  });

  it('keeps nothing of a run whose last rule fails: flags, not-calculable rows and rule records stay as the previous run left them', async () => {
    await runs.run({});
    const before = await visibleResults();
    expect(before.flags.length).toBeGreaterThan(50);
    expect(before.notCalculable.length).toBeGreaterThan(0);
    // complaint-trend, the catalogue's last rule, is the only one reading `complaints`: without it, its SQL fails
    // as PostgreSQL runs it, after the other 35 rules have computed their results.
    await db.query(`alter table complaints rename to complaints_away`);
    try {
      await expect(runs.run({})).rejects.toThrow(/risk run \d+ failed: rule complaint-trend failed: relation "complaints" does not exist/);
    } finally {
      await db.query(`alter table complaints_away rename to complaints`);
    }
    const [last] = await db.query<{ status: string; error: string }>(`select status, error from risk_runs order by id desc limit 1`);
    expect(last).toEqual({ status: 'failed', error: expect.stringContaining('complaint-trend') });
    expect(await visibleResults()).toEqual(before);
    expect(await stagingTables()).toEqual([]);
  });

  it('runs every rule on the data as it was when the run began, whatever is committed meanwhile', async () => {
    const baseline = await runs.run({});
    const importer = await otherConnection();
    const observer = await otherConnection();
    try {
      // An import in progress: every contract again under a new project id, not yet committed. Its lock holds
      // back every rule that reads contracts until the import commits, well after the run has begun.
      await importer.query('begin');
      await importer.query('lock table egp_contracts in access exclusive mode');
      const [{ columns }] = (
        await importer.query<{ columns: string }>(
          `select string_agg(quote_ident(column_name), ', ') as columns from information_schema.columns
            where table_schema = current_schema() and table_name = 'egp_contracts' and column_name not in ('id', 'project_id')`,
        )
      ).rows;
      const { rowCount: copied } = await importer.query(`insert into egp_contracts (project_id, ${columns}) select 'SNAP' || project_id, ${columns} from egp_contracts`);
      expect(copied).toBeGreaterThan(50);

      const during = runs.run({});
      await untilARunWaitsOnALock(observer);
      await importer.query('commit');
      expect(counts(await during)).toEqual(counts(baseline));

      // The copies are there for the next run: the comparison above could have told them apart.
      expect(counts(await runs.run({}))).not.toEqual(counts(baseline));
    } finally {
      await importer.query('rollback').catch(() => undefined);
      await importer.end();
      await observer.end();
    }
  });

});
