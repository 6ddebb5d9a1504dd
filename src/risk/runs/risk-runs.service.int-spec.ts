import { startFixtureApp } from '../../../test/support/fixture-database';
import type { TestApp } from '../../../test/support/test-app';
import { SqlDatabase } from '../../database/sql-database';
import { sql } from '../../database/sql-template';
import * as rules from '../rules';
import { RiskRunsService } from './risk-runs.service';

/** How runs behave as a whole: order, failure, two runs at once. The rules themselves are tested per section. */
describe('RiskRunsService', () => {
  let t: TestApp;
  let runs: RiskRunsService;
  const flagCount = async (rule: string) =>
    (await t.app.get(SqlDatabase).query<{ n: number }>(`select count(*)::int as n from flags where rule_id = $1`, [rule]))[0].n;

  beforeAll(async () => {
    t = await startFixtureApp();
    runs = t.app.get(RiskRunsService);
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  it('reports the rules in catalogue order whichever finishes first', async () => {
    const report = await runs.run({ rules: ['few-bidders', 'single-bidder', 'round-amounts'] });
    expect(Object.keys(report.results)).toEqual(['single-bidder', 'few-bidders', 'round-amounts']);
  });

  it('stops at a failing rule, records the run as failed with the reason, and keeps what other rules committed', async () => {
    const real = rules.ruleDefinition;
    // A query of the right shape that fails as PostgreSQL runs it.
    const failing = sql`
      select (1 / 0)::text as outcome, '' as entity_key, null as agency_code, null::int as fiscal_year, null::numeric as score,
             null::numeric as amount, null::text[] as project_ids, null::text[] as vendor_tins, null::text[] as payment_docs,
             null::jsonb as evidence, null as reason`;
    jest.spyOn(rules, 'ruleDefinition').mockImplementation((id) => (id === 'few-bidders' ? { id, query: () => failing } : real(id)));
    const before = await flagCount('few-bidders');
    await expect(runs.run({ rules: ['single-bidder', 'few-bidders'] })).rejects.toThrow(/rule few-bidders failed: division by zero/);
    const [last] = await t.app.get(SqlDatabase).query<{ status: string; error: string }>(`select status, error from risk_runs order by id desc limit 1`);
    expect(last).toEqual({ status: 'failed', error: expect.stringContaining('few-bidders') });
    expect(await flagCount('few-bidders')).toBe(before);
    expect(await flagCount('single-bidder')).toBe(2);
  });

  it('lets two runs started together finish one after the other, with the same flags', async () => {
    const [a, b] = await Promise.all([runs.run({ rules: ['single-bidder'] }), runs.run({ rules: ['single-bidder'] })]);
    expect(a.results['single-bidder']).toEqual(expect.objectContaining({ flagged: 2, notCalculable: 2 }));
    expect(b.results['single-bidder']).toEqual(expect.objectContaining({ flagged: 2, notCalculable: 2 }));
    expect(await flagCount('single-bidder')).toBe(2);
  });
});
