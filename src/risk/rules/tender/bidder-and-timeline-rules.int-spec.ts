import { startFixtureApp } from '../../../../test/support/fixture-database';
import { evaluateRule } from '../../../../test/support/rule-harness';
import type { TestApp } from '../../../../test/support/test-app';

/** The bidder-relation and timeline rules over the Rayong fixtures: each rule's planted positives, decoys and not-calculable cases (fixtures/README.md). */
let t: TestApp;
beforeAll(async () => {
  t = await startFixtureApp();
});
afterAll(() => t.close());

describe('co-bidding-pairs', () => {
  const civilPair = '0213546270132|0215551176825|2568';
  const itPair = '0215551311617|0215554821152|2567';
  const officeSupplyPair = '0103549152247|0213548750506|2567';
  const eventPair = (year: number) => `0105551984370|0215553768720|${year}`;

  it('flags exactly the two pairs that met in 3+ tenders of a year with one of them winning 80 % or more', async () => {
    const v = await evaluateRule(t, 'co-bidding-pairs');
    expect(v.flaggedKeys).toEqual([civilPair, itPair]);
    expect(v.notCalculableKeys).toEqual([]);
    expect(v.row(civilPair)).toMatchObject({
      fiscal_year: 2568,
      agency_code: null,
      vendor_tins: ['0213546270132', '0215551176825'],
      project_ids: ['68022729464', '68023619911', '68054053238', '68091166388'],
      evidence: {
        commonTenders: 4,
        wins: { '0215551176825': 4, '0213546270132': 0 },
        dominantWinner: '0215551176825',
        projectIds: ['68022729464', '68023619911', '68054053238', '68091166388'],
      },
    });
  });

  it('flags the boundary pair at exactly 4 wins out of 5 (0.8)', async () => {
    const v = await evaluateRule(t, 'co-bidding-pairs');
    expect(v.row(itPair)).toMatchObject({
      outcome: 'flagged',
      score: '0.8000',
      evidence: { commonTenders: 5, wins: { '0215554821152': 4, '0215551311617': 1 }, dominantShare: '0.8000' },
    });
  });

  it('does not flag a split 2/1 or pairs that meet only twice within each fiscal year', async () => {
    const v = await evaluateRule(t, 'co-bidding-pairs');
    expect(v.row(officeSupplyPair)).toMatchObject({ outcome: 'clear', evidence: { commonTenders: 3 } });
    expect(v.row(eventPair(2567))).toMatchObject({ outcome: 'clear', evidence: { commonTenders: 2 } });
    expect(v.row(eventPair(2568))).toMatchObject({ outcome: 'clear', evidence: { commonTenders: 2 } });
  });

  it('follows winShare and minTenders from the rule file', async () => {
    const lowerShare = await evaluateRule(t, 'co-bidding-pairs', { winShare: 0.6 });
    expect(lowerShare.flaggedKeys).toEqual([officeSupplyPair, civilPair, itPair]);
    const fewerTenders = await evaluateRule(t, 'co-bidding-pairs', { minTenders: 2 });
    expect(fewerTenders.flaggedKeys).toEqual(expect.arrayContaining([eventPair(2567), eventPair(2568)]));
  });

  it('limits a run to its fiscal year', async () => {
    const v = await evaluateRule(t, 'co-bidding-pairs', {}, { fiscalYear: 2567 });
    expect(v.flaggedKeys).toEqual([itPair]);
    expect(v.rows.every((r) => r.fiscal_year === 2567)).toBe(true);
  });
});

describe('cover-bidder', () => {
  const paisan = '0105559496226|2568';

  it('flags exactly the vendor that lost 6 tenders of FY2568 and won none', async () => {
    const v = await evaluateRule(t, 'cover-bidder');
    expect(v.flaggedKeys).toEqual([paisan]);
    expect(v.notCalculableKeys).toEqual([]);
    expect(v.row(paisan)).toMatchObject({
      vendor_tins: ['0105559496226'],
      evidence: {
        tenders: 6,
        wins: 0,
        projectIds: ['68019403581', '68020229674', '68026531561', '68078001202', '68082462550', '68098858735'],
      },
      project_ids: ['68019403581', '68020229674', '68026531561', '68078001202', '68082462550', '68098858735'],
    });
  });

  it('does not flag a vendor that won one of its tenders, one with 4 tenders, or one with 3 a year', async () => {
    const v = await evaluateRule(t, 'cover-bidder');
    expect(v.row('0215549957696|2568')).toMatchObject({ outcome: 'clear', evidence: { tenders: 6, wins: 1 } });
    expect(v.row('0213558807560|2568')).toMatchObject({ outcome: 'clear', evidence: { tenders: 4, wins: 0 } });
    expect(v.row('0215557009327|2567')).toMatchObject({ outcome: 'clear', evidence: { tenders: 3, wins: 0 } });
    expect(v.row('0215557009327|2568')).toMatchObject({ outcome: 'clear', evidence: { tenders: 3, wins: 0 } });
  });

  it('flags vendors with 4 losing tenders when minTenders is 4, never the vendor with 3 a year', async () => {
    const v = await evaluateRule(t, 'cover-bidder', { minTenders: 4 });
    // 0213546270132 is the co-bidding partner that lost its 4 tenders of FY2568 to ตะวันออกซีวิลเอ็นจิเนียริ่ง.
    expect(v.flaggedKeys).toEqual(['0105559496226|2568', '0213546270132|2568', '0213558807560|2568']);
  });
});

describe('shared-director-or-address', () => {
  it('flags exactly the three tenders with bidders sharing a director or an address', async () => {
    const v = await evaluateRule(t, 'shared-director-or-address');
    expect(v.flaggedKeys).toEqual(['67010592935#5/2567', '68047440676#12/2568', '68060833647#8/2568']);
    expect(v.row('68060833647#8/2568')).toMatchObject({
      agency_code: '01802',
      amount: '1396800.00',
      vendor_tins: ['0215554340014', '0215556482614'],
      evidence: { links: [{ shared: 'director', value: 'นางสาวอรุณี ยิ้มแย้ม', vendors: ['0215554340014', '0215556482614'] }] },
    });
  });

  it('compares addresses once spacing is folded', async () => {
    const v = await evaluateRule(t, 'shared-director-or-address');
    expect(v.row('68047440676#12/2568')?.evidence).toMatchObject({
      links: [{ shared: 'address', value: '9/88 หมู่ 2 ถนนราษฎร์บำรุง ตำบลเนินพระ อำเภอเมืองระยอง จังหวัดระยอง 21000', vendors: ['0103549584945', '0105557328750'] }],
    });
    expect(v.row('67010592935#5/2567')?.vendor_tins).toEqual(['0215546432851', '0215557632989']);
  });

  it('does not flag neighbours on the same road, nor firms sharing a director that never meet in a tender', async () => {
    const v = await evaluateRule(t, 'shared-director-or-address');
    expect(v.row('67070341118#6/2567')?.outcome).toBe('clear');
    // the two firms sharing นางศศิธร บุญมี each won a purchase alone: no tender with two bidders to examine
    expect(v.row('68096778287#ใบสั่งซื้อ/จ้าง 6/2568')).toBeUndefined();
    expect(v.row('68015197546#7/2568')).toBeUndefined();
  });

  it('reports a tender as not calculable when a bidder is missing from the vendor registry', async () => {
    // 67093175650's winner is the firm planted as missing from vendors.csv (new-vendor's not-calculable case)
    const v = await evaluateRule(t, 'shared-director-or-address');
    expect(v.notCalculableKeys).toEqual(['67093175650#7/2567']);
    expect(v.row('67093175650#7/2567')?.reason).toMatch(/0215547739845/);
  });

  it('limits a run to its fiscal year', async () => {
    const v = await evaluateRule(t, 'shared-director-or-address', {}, { fiscalYear: 2568 });
    expect(v.flaggedKeys).toEqual(['68047440676#12/2568', '68060833647#8/2568']);
  });
});

describe('short-submission-period', () => {
  it('flags exactly the three tenders whose submission period is below their band minimum', async () => {
    const v = await evaluateRule(t, 'short-submission-period');
    expect(v.flaggedKeys).toEqual(['67051909636#2/2567', '68019533190#2/2568', '68042156635#9/2568']);
    expect(v.row('68019533190#2/2568')).toMatchObject({ agency_code: '00701', evidence: { workingDays: 3, minWorkingDays: 5 } });
    expect(v.row('67051909636#2/2567')).toMatchObject({ evidence: { workingDays: 8, minWorkingDays: 10, bandMaxValue: '10000000' } });
  });

  it('counts working days: 9 calendar days over Songkran are 4 working days', async () => {
    const v = await evaluateRule(t, 'short-submission-period');
    expect(v.row('68042156635#9/2568')).toMatchObject({
      outcome: 'flagged',
      evidence: { invitationDate: '2025-04-08', bidDeadline: '2025-04-17', workingDays: 4, minWorkingDays: 5 },
      score: '0.2000',
    });
  });

  it('does not flag periods of exactly the band minimum', async () => {
    const v = await evaluateRule(t, 'short-submission-period');
    expect(v.row('68030785466#5/2568')).toMatchObject({ outcome: 'clear', evidence: { workingDays: 5, minWorkingDays: 5 } });
    expect(v.row('68019245871#3/2568')).toMatchObject({ outcome: 'clear', evidence: { workingDays: 12, minWorkingDays: 12 } });
  });

  it('reports a tender with no bid deadline as not calculable', async () => {
    const v = await evaluateRule(t, 'short-submission-period');
    expect(v.notCalculableKeys).toEqual(['67067829086#9/2567']);
    expect(v.row('67067829086#9/2567')?.reason).toMatch(/bid deadline/);
  });

  it('takes the bands from the rule file', async () => {
    const v = await evaluateRule(t, 'short-submission-period', {
      bands: [
        { maxValue: 5_000_000, minWorkingDays: 6 },
        { maxValue: 10_000_000, minWorkingDays: 10 },
        { maxValue: 50_000_000, minWorkingDays: 12 },
        { maxValue: null, minWorkingDays: 20 },
      ],
    });
    expect(v.flaggedKeys).toEqual(['67051909636#2/2567', '68019533190#2/2568', '68030785466#5/2568', '68042156635#9/2568']);
  });
});

describe('contract-before-standstill', () => {
  it('flags exactly the two open-method contracts signed fewer than 7 working days after the award', async () => {
    const v = await evaluateRule(t, 'contract-before-standstill');
    expect(v.flaggedKeys).toEqual(['67083097086#6/2567', '68027197220#5/2568']);
    expect(v.row('68027197220#5/2568')).toMatchObject({
      agency_code: '00102',
      evidence: { method: 'e_bidding', winnerAnnounced: '2025-05-21', contractDate: '2025-05-27', workingDays: 4 },
    });
    expect(v.row('67083097086#6/2567')?.evidence).toMatchObject({ method: 'e_market', workingDays: 6 });
  });

  it('does not flag exactly 7 working days (over the August holidays) nor a specific-method contract', async () => {
    const v = await evaluateRule(t, 'contract-before-standstill');
    expect(v.row('68042848308#7/2568')).toMatchObject({ outcome: 'clear', evidence: { workingDays: 7 } });
    expect(v.row('67095247441#4/2567')).toBeUndefined();
  });

  it('reports a tender with no winner announcement as not calculable', async () => {
    const v = await evaluateRule(t, 'contract-before-standstill');
    expect(v.notCalculableKeys).toEqual(['68090322465#5/2568']);
    expect(v.row('68090322465#5/2568')?.reason).toMatch(/announcement/);
  });

  it('takes the standstill from the rule file', async () => {
    const v = await evaluateRule(t, 'contract-before-standstill', { days: 8 });
    expect(v.flaggedKeys).toEqual(['67083097086#6/2567', '68027197220#5/2568', '68042848308#7/2568']);
  });
});

describe('timeline-inconsistency', () => {
  it('flags exactly the three contracts with dates out of order, naming what is out of order', async () => {
    const v = await evaluateRule(t, 'timeline-inconsistency');
    expect(v.flaggedKeys).toEqual(['67030166396#ใบสั่งซื้อ/จ้าง 6/2567', '67043554823#8/2567', '68033205576#ใบสั่งซื้อ/จ้าง 7/2568']);
    expect(v.row('67043554823#8/2567')?.evidence).toMatchObject({
      issues: ['award before bid deadline'],
      winnerAnnounced: '2024-08-27',
      bidDeadline: '2024-08-29',
    });
    expect(v.row('68033205576#ใบสั่งซื้อ/จ้าง 7/2568')?.evidence).toMatchObject({
      issues: ['contract before announcement'],
      contractDate: '2025-07-03',
      announceDate: '2025-07-10',
    });
    expect(v.row('67030166396#ใบสั่งซื้อ/จ้าง 6/2567')?.evidence).toMatchObject({
      issues: ['delivery 1 before contract'],
      earlyInstallments: [{ installment: 1, deliveredDate: '2024-03-02' }],
    });
  });

  it('treats the same day as in order', async () => {
    const v = await evaluateRule(t, 'timeline-inconsistency');
    for (const key of ['68067173564#ใบสั่งซื้อ/จ้าง 6/2568', '67037186233#ใบสั่งซื้อ/จ้าง 3/2567', '68026602796#10/2568']) {
      expect(v.row(key)?.outcome).toBe('clear');
    }
  });

  it('examines every contract and finds nothing not calculable (every contract has a signing date)', async () => {
    const v = await evaluateRule(t, 'timeline-inconsistency');
    expect(v.rows).toHaveLength(560);
    expect(v.notCalculableKeys).toEqual([]);
  });

  it('limits a run to its fiscal year', async () => {
    const v = await evaluateRule(t, 'timeline-inconsistency', {}, { fiscalYear: 2568 });
    expect(v.flaggedKeys).toEqual(['68033205576#ใบสั่งซื้อ/จ้าง 7/2568']);
  });
});
