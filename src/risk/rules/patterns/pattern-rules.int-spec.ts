import { startFixtureApp } from '../../../../test/support/fixture-database';
import { evaluateRule } from '../../../../test/support/rule-harness';
import type { TestApp } from '../../../../test/support/test-app';
import { SqlDatabase } from '../../../database/sql-database';

/**
 * The agency-and-vendor pattern rules over the Rayong fixtures: each rule's planted positives, decoys and
 * not-calculable cases (fixtures/README.md, "Procurement: agency and vendor patterns").
 */
let t: TestApp;
beforeAll(async () => {
  t = await startFixtureApp();
});
afterAll(() => t.close());

/** Expects every key to be absent or clear: a decoy the rule must not flag. */
function expectNotFlagged(v: Awaited<ReturnType<typeof evaluateRule>>, keys: string[]) {
  for (const key of keys) expect([undefined, 'clear']).toContain(v.row(key)?.outcome);
}

describe('split-purchase', () => {
  const group02101 = '02101|0215551657211|68030573869+68037897511+68076218367';
  const group00101 = '00101|0215560345120|67073639880+67098199667';
  const decoy31Days = '01505|0213556320990|68032824802+68046986598';
  const decoyUnderLimit = '02501|0215553251344|67012647107+67024404014+67077733840';

  it('flags exactly the two groups of specific buys from one vendor that together pass the limit', async () => {
    const v = await evaluateRule(t, 'split-purchase');
    expect(v.flaggedKeys).toEqual([group00101, group02101]);
    expect(v.row(group02101)).toMatchObject({
      agency_code: '02101',
      fiscal_year: 2568,
      amount: '543450.00',
      project_ids: ['68030573869', '68037897511', '68076218367'],
      vendor_tins: ['0215551657211'],
      evidence: { contracts: 3, total: '543450.00', spanDays: 21, firstDate: '2025-01-13', lastDate: '2025-02-03' },
    });
    expect(v.row(group00101)?.amount).toBe('560500.00');
  });

  it('keeps a group under the limit clear and does not group buys 31 days apart', async () => {
    const v = await evaluateRule(t, 'split-purchase');
    expect(v.row(decoyUnderLimit)).toMatchObject({ outcome: 'clear', evidence: { total: '478300.00' } });
    expect(v.row(decoy31Days)).toBeUndefined();
    expect(v.notCalculableKeys).toEqual([]);
  });

  it('counts both ends of the window: 31 days apart falls inside a 31-day window', async () => {
    const v = await evaluateRule(t, 'split-purchase', { windowDays: 31 });
    expect(v.flaggedKeys).toEqual([group00101, decoy31Days, group02101]);
  });

  it('needs minCount contracts in the group', async () => {
    const v = await evaluateRule(t, 'split-purchase', { minCount: 3 });
    expect(v.flaggedKeys).toEqual([group02101]);
  });

  it('limits a run to the groups of its fiscal year', async () => {
    const v = await evaluateRule(t, 'split-purchase', {}, { fiscalYear: 2567 });
    expect(v.flaggedKeys).toEqual([group00101]);
  });
});

describe('threshold-bunching', () => {
  const positives = [
    '67026610207#4/2567',
    '67039868840#ใบสั่งซื้อ/จ้าง 3/2567',
    '67051186273#5/2567',
    '68010091676#ใบสั่งซื้อ/จ้าง 1/2568',
    '68028236279#8/2568',
  ];
  const justOutside = ['68024800135#4/2568', '68084616466#ใบสั่งซื้อ/จ้าง 3/2568'];

  it('flags exactly the five specific-method prices within 5 % below a limit, both edges included', async () => {
    const v = await evaluateRule(t, 'threshold-bunching');
    expect(v.flaggedKeys).toEqual(positives);
    expect(v.row('67026610207#4/2567')).toMatchObject({ amount: '475000.00', evidence: { limit: '500000', bandFloor: '475000.00' } });
    expect(v.row('68010091676#ใบสั่งซื้อ/จ้าง 1/2568')).toMatchObject({ agency_code: '01001', evidence: { limit: '100000' } });
  });

  it('leaves prices just outside the band clear and does not examine a selection contract', async () => {
    const v = await evaluateRule(t, 'threshold-bunching');
    for (const key of justOutside) expect(v.row(key)?.outcome).toBe('clear');
    expect(v.row('67095712387#7/2567')).toBeUndefined();
    expect(v.notCalculableKeys).toEqual([]);
  });

  it('widens with the band and follows the listed limits', async () => {
    const wider = await evaluateRule(t, 'threshold-bunching', { band: 0.06 });
    expect(wider.flaggedKeys).toEqual([...positives, ...justOutside].sort());
    const onlyLow = await evaluateRule(t, 'threshold-bunching', { limits: [100_000] });
    expect(onlyLow.flaggedKeys).toEqual(['67039868840#ใบสั่งซื้อ/จ้าง 3/2567', '68010091676#ใบสั่งซื้อ/จ้าง 1/2568']);
  });
});

describe('method-above-threshold', () => {
  it('flags exactly the two specific buys above 500,000 with no legal exception stated', async () => {
    const v = await evaluateRule(t, 'method-above-threshold');
    expect(v.flaggedKeys).toEqual(['68015281948#8/2568', '68075059510#3/2568']);
    expect(v.row('68075059510#3/2568')).toMatchObject({ agency_code: '02002', amount: '684250.00', evidence: { tenderEventsRow: false } });
    expect(v.row('68015281948#8/2568')).toMatchObject({ amount: '1248600.00', evidence: { tenderEventsRow: true, legalException: null } });
  });

  it('accepts a stated exception and does not flag exactly the limit', async () => {
    const v = await evaluateRule(t, 'method-above-threshold');
    expect(v.row('67095247441#4/2567')).toMatchObject({ outcome: 'clear', evidence: { legalException: '56(2)(ค)' } });
    expect(v.row('67051186273#5/2567')?.outcome).toBe('clear');
  });

  it('follows the limit of the rule file', async () => {
    const v = await evaluateRule(t, 'method-above-threshold', { limit: 1_000_000 });
    expect(v.flaggedKeys).toEqual(['68015281948#8/2568']);
  });
});

describe('repeat-vendor', () => {
  const byCount = '00704|0213558876138|2568';
  const byShare = '02301|0105552941666|2567';
  const fourContracts = '00705|0213548836826|2567';
  const smallAgency = '02402|0215562295669|2567';

  it('flags exactly the pair with five contracts and the pair with 40 % of the agency specific value', async () => {
    const v = await evaluateRule(t, 'repeat-vendor');
    expect(v.flaggedKeys).toEqual([byCount, byShare]);
    expect(v.row(byCount)).toMatchObject({ agency_code: '00704', fiscal_year: 2568, evidence: { contracts: 5, share: 0.3022 } });
    expect(v.row(byShare)).toMatchObject({ evidence: { contracts: 2, share: 0.4578, specificValue: '458200.00', agencyContracts: 9 } });
  });

  it("lists a flagged pair's projects in contract-date order", async () => {
    const v = await evaluateRule(t, 'repeat-vendor');
    const expected = await t.app.get(SqlDatabase).query<{ project_id: string }>(
      `select project_id from egp_contracts where agency_code = '00704' and winner_tin = '0213558876138' and fiscal_year = 2568
        order by contract_date, project_id`,
    );
    expect(expected).toHaveLength(5);
    expect(v.row(byCount)?.project_ids).toEqual(expected.map((r) => r.project_id));
  });

  it('leaves four contracts clear, and does not apply the share test to an agency with four contracts', async () => {
    const v = await evaluateRule(t, 'repeat-vendor');
    expect(v.row(fourContracts)?.outcome).toBe('clear');
    expect(v.row(smallAgency)).toMatchObject({ outcome: 'clear', evidence: { share: 0.5478, shareApplies: false, agencyContracts: 4 } });
  });

  it('still judges a pair when another vendor’s value is missing, and only a pair whose own value is missing is not calculable', async () => {
    const db = t.app.get(SqlDatabase);
    // A specific-method buy of 02301 (FY2567) from a new vendor, with no price on record.
    await db.query(
      `insert into egp_contracts (project_id, contract_no, agency_code, method, fiscal_year, contract_date, winner_tin, winner_tin_valid)
       values ('67999999999', '99/2567', '02301', 'specific', 2567, '2024-03-01', '0105599999991', true)`,
    );
    try {
      const v = await evaluateRule(t, 'repeat-vendor');
      expect(v.row('02301|0105599999991|2567')).toMatchObject({ outcome: 'not_calculable', reason: expect.stringMatching(/of the vendor's specific-method/) });
      // byShare's known share (0.4578) reaches 0.4, but the missing value could lower it: not calculable, not flagged.
      expect(v.row(byShare)).toMatchObject({ outcome: 'not_calculable', reason: expect.stringMatching(/could lower it/) });
      // Every other pair of 02301 in FY2567 has a known share below 0.4, which the missing value can only lower.
      const others = v.rows.filter((r) => r.entity_key.startsWith('02301|') && r.fiscal_year === 2567 && ![byShare, '02301|0105599999991|2567'].includes(r.entity_key));
      expect(others.length).toBeGreaterThan(0);
      expect(others.every((r) => r.outcome === 'clear')).toBe(true);
    } finally {
      await db.query(`delete from egp_contracts where project_id = '67999999999'`);
    }
  });

  it('follows minContracts and share', async () => {
    expect((await evaluateRule(t, 'repeat-vendor', { minContracts: 4 })).flaggedKeys).toEqual([byCount, fourContracts, byShare]);
    expect((await evaluateRule(t, 'repeat-vendor', { share: 0.5 })).flaggedKeys).toEqual([byCount]);
  });
});

describe('supplier-dependence', () => {
  it('flags exactly the two vendors with at least 90 % of their yearly value from one agency', async () => {
    const v = await evaluateRule(t, 'supplier-dependence');
    expect(v.flaggedKeys).toEqual(['0103551863937|2568', '0105562811846|2567']);
    expect(v.row('0103551863937|2568')).toMatchObject({
      agency_code: '01601',
      amount: '936000.00',
      evidence: { share: 0.9189, total: '1018600.00', topBuyer: '01601', contracts: 4 },
    });
    expect(Number(v.row('0105562811846|2567')?.score)).toBe(1);
  });

  it("lists the flagged vendor's buyers from the largest value down, adding up to its total", async () => {
    const v = await evaluateRule(t, 'supplier-dependence');
    const buyers = v.row('0103551863937|2568')?.evidence?.buyers as { buyer: string; contracts: number; value: string }[];
    expect(buyers[0]).toEqual({ buyer: '01601', contracts: 3, value: '936000.00' });
    const values = buyers.map((b) => Number(b.value));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(values.reduce((sum, x) => sum + x, 0)).toBeCloseTo(1018600, 2);
    expect(buyers.reduce((sum, b) => sum + b.contracts, 0)).toBe(4);
    const expected = await t.app.get(SqlDatabase).query<{ project_id: string }>(
      `select project_id from egp_contracts where winner_tin = '0103551863937' and fiscal_year = 2568 order by contract_date, project_id`,
    );
    expect(expected).toHaveLength(4);
    expect(v.row('0103551863937|2568')?.project_ids).toEqual(expected.map((r) => r.project_id));
  });

  it('leaves the 0.8998 boundary and the repeat vendor clear, and does not examine a vendor with two contracts', async () => {
    const v = await evaluateRule(t, 'supplier-dependence');
    expect(v.row('0215559672449|2568')).toMatchObject({ outcome: 'clear', evidence: { share: 0.8998 } });
    expect(v.row('0213558876138|2568')).toMatchObject({ outcome: 'clear', evidence: { share: 0.8552 } });
    expect(v.row('0215553591200|2567')).toBeUndefined();
  });

  it('follows the share of the rule file', async () => {
    const v = await evaluateRule(t, 'supplier-dependence', { share: 0.89 });
    expect(v.flaggedKeys).toEqual(['0103551863937|2568', '0105562811846|2567', '0215559672449|2568']);
  });
});

describe('year-end-specific-method', () => {
  const positives = [
    '67018210304#8/2567',
    '67064295424#ใบสั่งซื้อ/จ้าง 14/2567',
    '68038779634#8/2568',
    '68060072241#ใบสั่งซื้อ/จ้าง 10/2568',
  ];
  const thirtyTwoDaysBefore = '68023417566#ใบสั่งซื้อ/จ้าง 10/2568';

  it('flags exactly the four specific buys signed in the last 30 days of a fiscal year', async () => {
    const v = await evaluateRule(t, 'year-end-specific-method');
    expect(v.flaggedKeys).toEqual(positives);
    expect(v.row('68060072241#ใบสั่งซื้อ/จ้าง 10/2568')).toMatchObject({
      agency_code: '01802',
      evidence: { contractDate: '2025-09-02', fiscalYearEnd: '2025-09-30', daysBeforeEnd: 28 },
    });
  });

  it('leaves 29 August clear and does not examine an e-market contract', async () => {
    const v = await evaluateRule(t, 'year-end-specific-method');
    expect(v.row(thirtyTwoDaysBefore)).toMatchObject({ outcome: 'clear', evidence: { daysBeforeEnd: 32 } });
    expect(v.row('68050874735#12/2568')).toBeUndefined();
  });

  it('counts the last `days` days with both ends: 33 days reach back to 29 August', async () => {
    const v = await evaluateRule(t, 'year-end-specific-method', { days: 33 });
    expect(v.flaggedKeys).toEqual([...positives, thirtyTwoDaysBefore].sort());
    const v32 = await evaluateRule(t, 'year-end-specific-method', { days: 32 });
    expect(v32.flaggedKeys).toEqual(positives);
  });
});

describe('new-vendor', () => {
  it('flags exactly the two large contracts won by firms registered fewer than 365 days before', async () => {
    const v = await evaluateRule(t, 'new-vendor');
    expect(v.flaggedKeys).toEqual(['67024637999#5/2567', '68085783920#3/2568']);
    expect(v.row('68085783920#3/2568')).toMatchObject({ amount: '1846300.00', evidence: { daysRegistered: 128, registeredDate: '2024-11-04' } });
    expect(v.row('67024637999#5/2567')?.evidence).toMatchObject({ daysRegistered: 364 });
  });

  it('leaves exactly 365 and 400 days clear and does not examine a contract below 500,000', async () => {
    const v = await evaluateRule(t, 'new-vendor');
    expect(v.row('68059787266#8/2568')).toMatchObject({ outcome: 'clear', evidence: { daysRegistered: 365 } });
    expect(v.row('68099945772#6/2568')).toMatchObject({ outcome: 'clear', evidence: { daysRegistered: 400 } });
    expect(v.row('68020744896#8/2568')).toBeUndefined();
  });

  it('reports a winner missing from the registry as not calculable', async () => {
    const v = await evaluateRule(t, 'new-vendor');
    expect(v.notCalculableKeys).toEqual(['67093175650#7/2567']);
    expect(v.row('67093175650#7/2567')?.reason).toMatch(/not in the vendor registry/);
  });

  it('follows days and minValue', async () => {
    expect((await evaluateRule(t, 'new-vendor', { days: 366 })).flaggedKeys).toEqual([
      '67024637999#5/2567',
      '68059787266#8/2568',
      '68085783920#3/2568',
    ]);
    expect((await evaluateRule(t, 'new-vendor', { minValue: 450_000 })).flaggedKeys).toEqual([
      '67024637999#5/2567',
      '68020744896#8/2568',
      '68085783920#3/2568',
    ]);
  });
});

describe('blacklisted-vendor', () => {
  it('flags exactly the contract of a listed winner and the one of a firm sharing a director with a listed firm', async () => {
    const v = await evaluateRule(t, 'blacklisted-vendor');
    expect(v.flaggedKeys).toEqual(['67066933543#ใบสั่งซื้อ/จ้าง 5/2567', '68042574314#5/2568']);
    expect(v.row('67066933543#ใบสั่งซื้อ/จ้าง 5/2567')?.evidence).toMatchObject({
      listedItself: true,
      listings: [{ tin: '0215555626426', listedDate: '2023-08-15', liftedDate: null }],
    });
    expect(v.row('68042574314#5/2568')?.evidence).toMatchObject({
      winnerTin: '0215559727499',
      listedItself: false,
      listings: [{ tin: '0215553445467', listedDate: '2024-05-31', sharedDirector: 'นางสาวลัดดาวัลย์ บุญประเสริฐ' }],
    });
  });

  it('leaves a lifted listing, a listing after the contract and a disqualified listed bidder clear', async () => {
    const v = await evaluateRule(t, 'blacklisted-vendor');
    for (const key of ['67031852358#ใบสั่งซื้อ/จ้าง 5/2567', '67081223942#3/2567', '68090234494#5/2568']) {
      expect(v.row(key)?.outcome).toBe('clear');
    }
  });

  it('reports winners whose tax id is missing or fails its check digit as not calculable', async () => {
    const v = await evaluateRule(t, 'blacklisted-vendor');
    expect(v.notCalculableKeys).toEqual([
      '67032432431#ใบสั่งซื้อ/จ้าง 4/2567',
      '67043516231#ใบสั่งซื้อ/จ้าง 1/2567',
      '68079857701#ใบสั่งซื้อ/จ้าง 1/2568',
    ]);
    expect(v.row('68079857701#ใบสั่งซื้อ/จ้าง 1/2568')?.reason).toMatch(/check digit/);
  });

  it('limits a run to its fiscal year', async () => {
    const v = await evaluateRule(t, 'blacklisted-vendor', {}, { fiscalYear: 2568 });
    expect(v.flaggedKeys).toEqual(['68042574314#5/2568']);
    expect(v.rows.every((r) => r.fiscal_year === 2568)).toBe(true);
  });
});

describe('non-competitive-share', () => {
  it('flags exactly 01001 in FY2568, above the fence across the agencies of the year', async () => {
    const v = await evaluateRule(t, 'non-competitive-share');
    expect(v.flaggedKeys).toEqual(['01001|2568']);
    expect(v.row('01001|2568')).toMatchObject({
      agency_code: '01001',
      evidence: { share: 1, q1: 0.1529, q3: 0.3176, fence: 0.5646, agencies: 32 },
    });
    expect(v.notCalculableKeys).toEqual([]);
  });

  it('leaves the highest shares below the fence clear in both years', async () => {
    const v = await evaluateRule(t, 'non-competitive-share');
    expect(v.row('00101|2568')).toMatchObject({ outcome: 'clear', evidence: { share: 0.4068 } });
    expect(v.row('01401|2567')).toMatchObject({ outcome: 'clear', evidence: { share: 0.4064, fence: 0.508 } });
  });

  it('computes the fence over the agencies of the run year only', async () => {
    const v = await evaluateRule(t, 'non-competitive-share', {}, { fiscalYear: 2567 });
    expect(v.flaggedKeys).toEqual([]);
    expect(v.clear).toHaveLength(32);
  });
});
