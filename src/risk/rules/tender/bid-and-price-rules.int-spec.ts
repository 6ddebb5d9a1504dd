import { startFixtureApp } from '../../../../test/support/fixture-database';
import { evaluateRule } from '../../../../test/support/rule-harness';
import type { TestApp } from '../../../../test/support/test-app';

/** The bid and price rules over the Rayong fixtures: each rule's planted positives, decoys and not-calculable cases (fixtures/README.md). */
describe('single-bidder', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startFixtureApp();
  });
  afterAll(() => t.close());

  it('flags exactly the two competitive contracts with one bid received', async () => {
    const v = await evaluateRule(t, 'single-bidder');
    expect(v.flaggedKeys).toEqual(['67061131652#6/2567', '68065417947#4/2568']);
    expect(v.row('68065417947#4/2568')).toMatchObject({ agency_code: '01802', fiscal_year: 2568, amount: '786400.00', evidence: { bidsReceived: 1 } });
  });

  it('counts a disqualified bid as received and does not examine specific-method buys', async () => {
    const v = await evaluateRule(t, 'single-bidder');
    expect(v.row('68061561733#4/2568')?.outcome).toBe('clear');
    for (const key of ['68044486774#ใบสั่งซื้อ/จ้าง 2/2568', '67054631877#4/2567', '68070268408#ใบสั่งซื้อ/จ้าง 5/2568']) {
      expect(v.row(key)).toBeUndefined();
    }
  });

  it('reports competitive contracts with no bid rows as not calculable, with the reason', async () => {
    const v = await evaluateRule(t, 'single-bidder');
    expect(v.notCalculableKeys).toEqual(['68037947502#3/2568', '68097919982#7/2568']);
    expect(v.row('68097919982#7/2568')?.reason).toMatch(/no bids/);
  });

  it('examines only the methods listed in the rule file', async () => {
    const v = await evaluateRule(t, 'single-bidder', { methods: ['e_market'] });
    expect(v.flaggedKeys).toEqual(['68065417947#4/2568']);
  });

  it('limits a run to its fiscal year', async () => {
    const v = await evaluateRule(t, 'single-bidder', {}, { fiscalYear: 2567 });
    expect(v.flaggedKeys).toEqual(['67061131652#6/2567']);
  });
});
