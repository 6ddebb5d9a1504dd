import { startFixtureApp } from '../../../../test/support/fixture-database';
import { evaluateRule } from '../../../../test/support/rule-harness';
import type { TestApp } from '../../../../test/support/test-app';
import { SqlDatabase } from '../../../database/sql-database';

/** The bid and price rules over the Rayong fixtures: each rule's planted positives, decoys and not-calculable cases (fixtures/README.md). */
let t: TestApp;
beforeAll(async () => {
  t = await startFixtureApp();
});
afterAll(() => t.close());

/** Competitive contracts with no rows in egp-bidders: their bids are unknown. */
const NO_BIDS = ['68037947502#3/2568', '68097919982#7/2568'];
/** A direct (specific-method) purchase with no quotation on record: it never had bids, so the bid rules do not examine it. */
const DIRECT_PURCHASE = '67021471511#ใบสั่งซื้อ/จ้าง 3/2567';

describe('single-bidder', () => {
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
    expect(v.notCalculableKeys).toEqual(NO_BIDS);
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

describe('few-bidders', () => {
  it('flags exactly the two selection contracts with fewer than 3 bids, scoring the single bid highest', async () => {
    const v = await evaluateRule(t, 'few-bidders');
    expect(v.flaggedKeys).toEqual(['67061131652#6/2567', '68039704418#6/2568']);
    expect(v.row('68039704418#6/2568')).toMatchObject({ agency_code: '01502', fiscal_year: 2568, amount: '728450.00', score: '0.5000', evidence: { bidsReceived: 2, minimum: 3 } });
    expect(v.row('67061131652#6/2567')).toMatchObject({ score: '1.0000', evidence: { bidsReceived: 1 } });
  });

  it('counts a disqualified bid as received and examines the selection method only', async () => {
    const v = await evaluateRule(t, 'few-bidders');
    expect(v.row('67084936140#9/2567')).toMatchObject({ outcome: 'clear', evidence: { bidsReceived: 3 } });
    expect(v.row('68061561733#4/2568')).toBeUndefined();
    expect(v.rows.every((r) => r.evidence?.method === 'selection')).toBe(true);
  });

  it('reports the selection contract with no bid rows as not calculable', async () => {
    const v = await evaluateRule(t, 'few-bidders');
    expect(v.notCalculableKeys).toEqual(['68037947502#3/2568']);
    expect(v.row('68037947502#3/2568')?.reason).toMatch(/no bids/);
  });

  it('follows the minimum of the rule file', async () => {
    expect((await evaluateRule(t, 'few-bidders', { min: 2 })).flaggedKeys).toEqual(['67061131652#6/2567']);
    expect((await evaluateRule(t, 'few-bidders', { min: 4 })).flaggedKeys).toContain('67084936140#9/2567');
  });
});

describe('price-near-reference', () => {
  it('flags exactly the three competitive contracts at 99 % of the reference price or above, the boundary included', async () => {
    const v = await evaluateRule(t, 'price-near-reference');
    expect(v.flaggedKeys).toEqual(['67040933727#5/2567', '68029310456#5/2568', '68085179868#6/2568']);
    expect(v.row('67040933727#5/2567')?.evidence).toMatchObject({ contractValue: '2326500.00', referencePrice: '2350000.00', ratio: '0.9900' });
    expect(v.row('68029310456#5/2568')).toMatchObject({ agency_code: '01601', amount: '9856400.00', evidence: { ratio: '0.9956' } });
  });

  it('leaves 98.5 % clear and does not examine a specific-method buy at its reference price', async () => {
    const v = await evaluateRule(t, 'price-near-reference');
    expect(v.row('68022030149#10/2568')).toMatchObject({ outcome: 'clear', evidence: { ratio: '0.9850' } });
    expect(v.row('68096691071#ใบสั่งซื้อ/จ้าง 3/2568')).toBeUndefined();
  });

  it('reports the contract without a reference price as not calculable', async () => {
    const v = await evaluateRule(t, 'price-near-reference');
    expect(v.notCalculableKeys).toEqual(['68078242648#4/2568']);
    expect(v.row('68078242648#4/2568')?.reason).toMatch(/reference price/);
  });

  it('follows the ratio of the rule file', async () => {
    const v = await evaluateRule(t, 'price-near-reference', { ratio: 0.985 });
    expect(v.flaggedKeys).toEqual(['67040933727#5/2567', '68022030149#10/2568', '68029310456#5/2568', '68085179868#6/2568']);
  });
});

describe('price-above-reference', () => {
  it('flags exactly the two contracts priced above their reference price, whatever the method', async () => {
    const v = await evaluateRule(t, 'price-above-reference');
    expect(v.flaggedKeys).toEqual(['67055366822#11/2567', '68085179868#6/2568']);
    expect(v.row('67055366822#11/2567')).toMatchObject({
      agency_code: '00705',
      amount: '152400.00',
      evidence: { method: 'specific', contractValue: '152400.00', referencePrice: '150000.00', excess: '2400.00' },
    });
  });

  it('leaves a price equal to the reference price clear', async () => {
    const v = await evaluateRule(t, 'price-above-reference');
    expect(v.row('68096691071#ใบสั่งซื้อ/จ้าง 3/2568')?.outcome).toBe('clear');
  });

  it('reports the contract without a reference price as not calculable', async () => {
    const v = await evaluateRule(t, 'price-above-reference');
    expect(v.notCalculableKeys).toEqual(['68078242648#4/2568']);
  });

  it('lets the tolerance of the rule file absorb a small excess (1.6 %) but not a larger one (2.8 %)', async () => {
    const v = await evaluateRule(t, 'price-above-reference', { tolerance: 0.02 });
    expect(v.flaggedKeys).toEqual(['68085179868#6/2568']);
  });
});

describe('reference-above-budget', () => {
  it('flags exactly the two contracts whose reference price exceeds the budget', async () => {
    const v = await evaluateRule(t, 'reference-above-budget');
    expect(v.flaggedKeys).toEqual(['67076281541#14/2567', '68050915092#ใบสั่งซื้อ/จ้าง 5/2568']);
    expect(v.row('67076281541#14/2567')).toMatchObject({
      agency_code: '01504',
      amount: '2894700.00',
      evidence: { referencePrice: '3120000.00', budget: '3000000.00', excess: '120000.00' },
    });
  });

  it('leaves a reference price equal to the budget clear', async () => {
    const v = await evaluateRule(t, 'reference-above-budget');
    expect(v.row('68011487600#10/2568')?.outcome).toBe('clear');
  });

  it('reports a contract missing its budget or its reference price as not calculable, saying which', async () => {
    const v = await evaluateRule(t, 'reference-above-budget');
    expect(v.notCalculableKeys).toEqual(['67021471511#ใบสั่งซื้อ/จ้าง 3/2567', '68078242648#4/2568']);
    expect(v.row('67021471511#ใบสั่งซื้อ/จ้าง 3/2567')?.reason).toMatch(/budget/);
    expect(v.row('68078242648#4/2568')?.reason).toMatch(/reference price/);
  });

  it('follows the tolerance of the rule file (4 % over passes 3.5 %, 3.1 % does not)', async () => {
    const v = await evaluateRule(t, 'reference-above-budget', { tolerance: 0.035 });
    expect(v.flaggedKeys).toEqual(['67076281541#14/2567']);
  });
});

describe('contract-above-winning-bid', () => {
  it('flags exactly the contract signed above the winner’s bid', async () => {
    const v = await evaluateRule(t, 'contract-above-winning-bid');
    expect(v.flaggedKeys).toEqual(['68063084301#7/2568']);
    expect(v.row('68063084301#7/2568')).toMatchObject({
      agency_code: '02101',
      amount: '4468000.00',
      evidence: { contractValue: '4468000.00', winningBid: '4418000.00', excess: '50000.00' },
    });
  });

  it('leaves a price negotiated down clear, and judges a specific-method buy by its quotation', async () => {
    const v = await evaluateRule(t, 'contract-above-winning-bid');
    expect(v.row('67073877035#2/2567')).toMatchObject({ outcome: 'clear', evidence: { winningBid: '1105300.00' } });
    expect(v.row('68044486774#ใบสั่งซื้อ/จ้าง 2/2568')?.outcome).toBe('clear');
  });

  it('reports tendered contracts without a winning bid on record as not calculable, and skips direct purchases', async () => {
    const v = await evaluateRule(t, 'contract-above-winning-bid');
    expect(v.notCalculableKeys).toEqual(NO_BIDS);
    expect(v.row(DIRECT_PURCHASE)).toBeUndefined();
    expect(v.row('68097919982#7/2568')?.reason).toMatch(/no winning bid/);
  });

  it('follows the tolerance of the rule file', async () => {
    const v = await evaluateRule(t, 'contract-above-winning-bid', { tolerance: 0.02 });
    expect(v.flaggedKeys).toEqual([]);
  });
});

describe('identical-bids', () => {
  it('flags exactly the tender where two different bidders offered the same price', async () => {
    const v = await evaluateRule(t, 'identical-bids');
    expect(v.flaggedKeys).toEqual(['68019417733#3/2568']);
    const row = v.row('68019417733#3/2568');
    expect(row).toMatchObject({ agency_code: '01501', amount: '11498000.00', evidence: { identicalPrices: [{ amount: '11785000.00' }] } });
    expect(row?.vendor_tins).toHaveLength(2);
  });

  it('does not match bids 0.50 baht apart, nor the same price in different tenders', async () => {
    const v = await evaluateRule(t, 'identical-bids');
    expect(v.row('67087165872#9/2567')?.outcome).toBe('clear');
    expect(v.row('68019179959#7/2568')?.outcome).toBe('clear');
  });

  it('reports tendered contracts without bids as not calculable, and skips direct purchases', async () => {
    const v = await evaluateRule(t, 'identical-bids');
    expect(v.notCalculableKeys).toEqual(NO_BIDS);
    expect(v.row(DIRECT_PURCHASE)).toBeUndefined();
    expect(v.row('68037947502#3/2568')?.reason).toMatch(/no bids/);
  });

  it('limits a run to its fiscal year', async () => {
    const v = await evaluateRule(t, 'identical-bids', {}, { fiscalYear: 2567 });
    expect(v.flaggedKeys).toEqual([]);
    expect(v.rows.every((r) => r.fiscal_year === 2567)).toBe(true);
  });
});

describe('close-runner-up', () => {
  it('flags exactly the two tenders whose runner-up is within 1 % of the winner, the boundary included', async () => {
    const v = await evaluateRule(t, 'close-runner-up');
    expect(v.flaggedKeys).toEqual(['67021626756#3/2567', '68028120620#1/2568']);
    expect(v.row('68028120620#1/2568')).toMatchObject({
      agency_code: '00702',
      amount: '1250400.00',
      evidence: { winningBid: '1250400.00', runnerUp: '1262904.00', gap: '0.010000' },
    });
  });

  it('leaves a 1.5 % gap clear and skips a disqualified bid for the second-lowest valid one', async () => {
    const v = await evaluateRule(t, 'close-runner-up');
    expect(v.row('68019179959#7/2568')).toMatchObject({ outcome: 'clear', evidence: { gap: '0.015000' } });
    expect(v.row('67032819389#8/2567')).toMatchObject({ outcome: 'clear', evidence: { runnerUp: '1021700.00' } });
  });

  it('reports tenders with fewer than 2 valid bids, and contracts without bids, as not calculable', async () => {
    const v = await evaluateRule(t, 'close-runner-up');
    const fewerThanTwoValid = v.notCalculable.filter((r) => /fewer than 2 valid bids/.test(r.reason ?? '')).map((r) => r.entity_key).sort();
    expect(fewerThanTwoValid).toEqual([
      '67017969056#8/2567', // background e-market: 3 bids, 2 of them disqualified
      '67054631877#4/2567', // specific-method buys with their single quotation
      '67061131652#6/2567',
      '68044486774#ใบสั่งซื้อ/จ้าง 2/2568',
      '68061561733#4/2568',
      '68065417947#4/2568',
      '68070268408#ใบสั่งซื้อ/จ้าง 5/2568',
    ]);
    expect(v.notCalculableKeys).toEqual([...NO_BIDS, ...fewerThanTwoValid].sort());
    expect(v.row('68097919982#7/2568')?.reason).toMatch(/no bids/);
  });

  it('follows the threshold of the rule file', async () => {
    const v = await evaluateRule(t, 'close-runner-up', { threshold: 0.015 });
    expect(v.flaggedKeys).toEqual(['67021626756#3/2567', '68019179959#7/2568', '68028120620#1/2568']);
  });

  it('without a threshold, compares each gap with the lower fence of its fiscal year', async () => {
    const v = await evaluateRule(t, 'close-runner-up', { threshold: null });
    // The gaps of both years spread from 0 to about 10 %: the lower fence is below 0, so no gap is below it.
    expect(v.flaggedKeys).toEqual([]);
    const fence = v.row('67021626756#3/2567')?.evidence?.fence as { group: string; tenders: number; lower: number };
    expect(fence).toMatchObject({ group: 'fiscal year 2567', tenders: 54 });
    expect(fence.lower).toBeLessThan(0);
  });

  it('without a threshold, reports a fiscal year with too few gaps or no spread as not calculable', async () => {
    const db = t.app.get(SqlDatabase);
    // FY2570: 4 tenders with the same 2 % gap (IQR 0). FY2571: 3 tenders (too few for quartiles).
    const tenders = [
      ...[1, 2, 3, 4].map((n) => ({ project: `7000000000${n}`, year: 2570, winning: 100000, runnerUp: 102000 })),
      ...[1, 2, 3].map((n) => ({ project: `7100000000${n}`, year: 2571, winning: 100000, runnerUp: 100000 + 1000 * n })),
    ];
    try {
      for (const x of tenders) {
        await db.query(
          `insert into egp_contracts (project_id, contract_no, agency_code, fiscal_year, method, price_agree, winner_tin)
           values ($1, '1/' || $2::text, '01501', $2::int, 'e_bidding', $3, 'W' || $1)`,
          [x.project, x.year, x.winning],
        );
        await db.query(
          `insert into egp_bids (project_id, bidder_key, bidder_tin, bid_amount, status)
           values ($1, 'W' || $1, 'W' || $1, $2, 'winner'), ($1, 'R' || $1, 'R' || $1, $3, 'valid')`,
          [x.project, x.winning, x.runnerUp],
        );
      }
      const v = await evaluateRule(t, 'close-runner-up', { threshold: null });
      expect(v.row('70000000001#1/2570')).toMatchObject({ outcome: 'not_calculable', reason: expect.stringMatching(/IQR 0/) });
      expect(v.row('71000000001#1/2571')).toMatchObject({ outcome: 'not_calculable', reason: expect.stringMatching(/fewer than 4 tenders/) });
      // With the fixed threshold the same tenders are judged one by one.
      const fixed = await evaluateRule(t, 'close-runner-up', { threshold: 0.01 }, { fiscalYear: 2571 });
      expect(fixed.flaggedKeys).toEqual(['71000000001#1/2571']);
    } finally {
      const projects = tenders.map((x) => x.project);
      await db.query(`delete from egp_bids where project_id = any($1)`, [projects]);
      await db.query(`delete from egp_contracts where project_id = any($1)`, [projects]);
    }
  });
});

describe('abnormally-low-bid', () => {
  it('flags exactly the two winning bids at or below 70 % of the reference price, the boundary included', async () => {
    const v = await evaluateRule(t, 'abnormally-low-bid');
    expect(v.flaggedKeys).toEqual(['67049484862#8/2567', '68090234494#5/2568']);
    expect(v.row('68090234494#5/2568')).toMatchObject({
      agency_code: '00301',
      amount: '1848600.00',
      evidence: { winningBid: '1848600.00', referencePrice: '2800000.00', ratio: '0.6602' },
    });
    expect(v.row('67049484862#8/2567')?.evidence).toMatchObject({ ratio: '0.7000' });
  });

  it('leaves 72 % of the reference price clear', async () => {
    const v = await evaluateRule(t, 'abnormally-low-bid');
    expect(v.row('67067015662#4/2567')).toMatchObject({ outcome: 'clear', evidence: { ratio: '0.7202' } });
  });

  it('reports contracts without a winning bid or a reference price as not calculable', async () => {
    const v = await evaluateRule(t, 'abnormally-low-bid');
    expect(v.notCalculableKeys).toEqual([...NO_BIDS, '68078242648#4/2568'].sort());
    expect(v.row(DIRECT_PURCHASE)).toBeUndefined();
    expect(v.row('68078242648#4/2568')).toMatchObject({ outcome: 'not_calculable', reason: expect.stringMatching(/reference price/) });
    expect(v.row('68097919982#7/2568')).toMatchObject({ outcome: 'not_calculable', reason: expect.stringMatching(/no winning bid/) });
  });

  it('follows the ratio of the rule file', async () => {
    const v = await evaluateRule(t, 'abnormally-low-bid', { ratio: 0.75 });
    expect(v.flaggedKeys).toEqual(['67049484862#8/2567', '67067015662#4/2567', '68090234494#5/2568']);
  });
});
