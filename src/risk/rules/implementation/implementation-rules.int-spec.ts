import { startFixtureApp } from '../../../../test/support/fixture-database';
import { evaluateRule } from '../../../../test/support/rule-harness';
import type { TestApp } from '../../../../test/support/test-app';

/**
 * The contract implementation and control rules over the Rayong fixtures: each rule's planted positives,
 * decoys and not-calculable cases (fixtures/README.md, "Contract implementation and control").
 */
let t: TestApp;
beforeAll(async () => {
  t = await startFixtureApp();
});
afterAll(() => t.close());

describe('missing-inspection-committee', () => {
  it('flags exactly the three delivered and paid contracts without the inspectors their value needs', async () => {
    const v = await evaluateRule(t, 'missing-inspection-committee');
    expect(v.flaggedKeys).toEqual(['67075853700#11/2567', '67083035036#4/2567', '68057628026#ใบสั่งซื้อ/จ้าง 6/2568']);
    expect(v.row('67083035036#4/2567')).toMatchObject({ agency_code: '02201', fiscal_year: 2567, amount: '246300.00', evidence: { inspectors: 2, required: 3 } });
    expect(v.row('68057628026#ใบสั่งซื้อ/จ้าง 6/2568')?.evidence).toMatchObject({ inspectors: 0, required: 1, paid: true });
    expect(v.notCalculableKeys).toEqual([]);
  });

  it('accepts one inspector at exactly the small value, counts a secretary, and skips undelivered contracts', async () => {
    const v = await evaluateRule(t, 'missing-inspection-committee');
    expect(v.row('68010091676#ใบสั่งซื้อ/จ้าง 1/2568')?.outcome).toBe('clear');
    expect(v.row('67012691286#11/2567')).toMatchObject({ outcome: 'clear', evidence: { inspectors: 3 } });
    expect(v.row('68032819761#4/2568')).toBeUndefined();
  });

  it('asks for a full committee above a lower small value', async () => {
    const v = await evaluateRule(t, 'missing-inspection-committee', { smallValue: 99_999.99 });
    expect(v.row('68010091676#ใบสั่งซื้อ/จ้าง 1/2568')).toMatchObject({ outcome: 'flagged', evidence: { inspectors: 1, required: 3 } });
  });

  it('limits a run to its fiscal year', async () => {
    const v = await evaluateRule(t, 'missing-inspection-committee', {}, { fiscalYear: 2568 });
    expect(v.flaggedKeys).toEqual(['68057628026#ใบสั่งซื้อ/จ้าง 6/2568']);
  });
});

describe('committee-overlap', () => {
  it('flags exactly the three purchases where an inspector also evaluated, selected or procured', async () => {
    const v = await evaluateRule(t, 'committee-overlap');
    expect(v.flaggedKeys).toEqual(['67011024638#3/2567', '68025007728#11/2568', '68032794747#4/2568']);
    expect(v.row('68032794747#4/2568')).toMatchObject({ agency_code: '01505', evidence: { committees: ['evaluation'] } });
    expect(v.row('67011024638#3/2567')?.evidence).toMatchObject({ committees: ['procurement_officer'] });
    expect(v.row('68025007728#11/2568')?.evidence).toMatchObject({ committees: ['selection'] });
  });

  it('does not count TOR, reference-price or supervisor seats, nor the same person on another purchase', async () => {
    const v = await evaluateRule(t, 'committee-overlap');
    for (const key of ['68044009963#6/2568', '68030922667#3/2568', '68039880976#ใบสั่งซื้อ/จ้าง 4/2568', '68073773869#6/2568']) {
      expect(v.row(key)?.outcome).toBe('clear');
    }
  });

  it('reports purchases with no inspection committee on record as not calculable', async () => {
    const v = await evaluateRule(t, 'committee-overlap');
    expect(v.notCalculableKeys).toEqual(['67075853700#11/2567', '68032819761#4/2568', '68057628026#ใบสั่งซื้อ/จ้าง 6/2568']);
    expect(v.row('68032819761#4/2568')?.reason).toMatch(/no inspection committee/);
  });

  it('limits a run to its fiscal year', async () => {
    const v = await evaluateRule(t, 'committee-overlap', {}, { fiscalYear: 2567 });
    expect(v.flaggedKeys).toEqual(['67011024638#3/2567']);
  });
});

describe('inspector-vendor-recurrence', () => {
  it('flags exactly the inspector who accepted all five contracts of one vendor in FY2568', async () => {
    const v = await evaluateRule(t, 'inspector-vendor-recurrence');
    expect(v.flaggedKeys).toEqual(['3944541442449|0213558876138|2568']);
    expect(v.row('3944541442449|0213558876138|2568')).toMatchObject({
      agency_code: '00704',
      fiscal_year: 2568,
      vendor_tins: ['0213558876138'],
      evidence: { contracts: 5, personName: 'นายพงศกร คงเจริญ', agencies: ['00704'] },
    });
    const projectIds = v.row('3944541442449|0213558876138|2568')?.project_ids ?? [];
    expect(projectIds).toHaveLength(5);
    expect(projectIds).toEqual([...projectIds].sort());
    expect(v.notCalculableKeys).toEqual([]);
  });

  it('counts within one fiscal year: 4 + 1 across two years is not 5', async () => {
    const v = await evaluateRule(t, 'inspector-vendor-recurrence');
    expect(v.row('3081131402418|0213548836826|2567')).toMatchObject({ outcome: 'clear', evidence: { contracts: 4 } });
    expect(v.row('3081131402418|0213548836826|2568')).toMatchObject({ outcome: 'clear', evidence: { contracts: 1 } });
  });

  it('flags the four-contract pair once minContracts is 4', async () => {
    const v = await evaluateRule(t, 'inspector-vendor-recurrence', { minContracts: 4 });
    expect(v.flaggedKeys).toEqual(['3081131402418|0213548836826|2567', '3944541442449|0213558876138|2568']);
  });
});

describe('late-delivery-penalty', () => {
  it('flags exactly the two undercharged penalties and the penalty above 10 % of the contract', async () => {
    const v = await evaluateRule(t, 'late-delivery-penalty');
    expect(v.flaggedKeys).toEqual(['67067053381#3/2567', '68061710932#4/2568', '68073483004#ใบสั่งซื้อ/จ้าง 8/2568']);
  });

  it('charges goods on the installment value per day late', async () => {
    const v = await evaluateRule(t, 'late-delivery-penalty');
    expect(v.row('68061710932#4/2568')).toMatchObject({
      agency_code: '00101',
      amount: '1447.80',
      evidence: {
        rateBasis: 'goods',
        lateInstallments: [{ installment: 2, daysLate: 6, value: '241300.00', penaltyDue: '2895.60', penaltyCharged: '1447.80' }],
      },
    });
  });

  it('charges hire at the daily minimum when the rate gives less', async () => {
    const v = await evaluateRule(t, 'late-delivery-penalty');
    expect(v.row('68073483004#ใบสั่งซื้อ/จ้าง 8/2568')?.evidence).toMatchObject({
      rateBasis: 'hire',
      lateInstallments: [{ installment: 1, daysLate: 10, penaltyDue: '1000.00', penaltyCharged: '450.00' }],
    });
  });

  it('flags a penalty due above the termination share even when charged in full, but not one exactly at it', async () => {
    const v = await evaluateRule(t, 'late-delivery-penalty');
    expect(v.row('67067053381#3/2567')).toMatchObject({
      score: '1',
      evidence: { penaltyDue: '191782.50', terminateLimit: '182650.00', aboveTerminateLimit: true },
    });
    expect(v.row('68059958736#1/2568')).toMatchObject({ outcome: 'clear', evidence: { penaltyDue: '120430.00', aboveTerminateLimit: false } });
  });

  it('clears penalties charged exactly as due', async () => {
    const v = await evaluateRule(t, 'late-delivery-penalty');
    expect(v.row('67092509213#3/2567')).toMatchObject({ outcome: 'clear', evidence: { penaltyDue: '1568.00' } });
    expect(v.row('67034887071#ใบสั่งซื้อ/จ้าง 7/2567')).toMatchObject({ outcome: 'clear', evidence: { penaltyDue: '300.00' } });
  });

  it('reports a late installment with an empty penalty as not calculable', async () => {
    const v = await evaluateRule(t, 'late-delivery-penalty');
    expect(v.notCalculableKeys).toEqual(['68095040630#ใบสั่งซื้อ/จ้าง 7/2568']);
    expect(v.row('68095040630#ใบสั่งซื้อ/จ้าง 7/2568')?.reason).toMatch(/installment 1 penalty empty/);
  });

  it('follows the rates in the rule file', async () => {
    const higherGoodsRate = await evaluateRule(t, 'late-delivery-penalty', { goodsRate: 0.0021 });
    expect(higherGoodsRate.row('67092509213#3/2567')?.outcome).toBe('flagged');
    const lowerLimit = await evaluateRule(t, 'late-delivery-penalty', { terminate: 0.09 });
    expect(lowerLimit.row('68059958736#1/2568')?.outcome).toBe('flagged');
    const noMinimum = await evaluateRule(t, 'late-delivery-penalty', { hireMinPerDay: 0 });
    expect(noMinimum.row('68073483004#ใบสั่งซื้อ/จ้าง 8/2568')?.outcome).toBe('clear');
  });
});

describe('payment-before-inspection', () => {
  it('flags exactly the payment posted before its installment was accepted', async () => {
    const v = await evaluateRule(t, 'payment-before-inspection');
    expect(v.flaggedKeys).toEqual(['3100000376']);
    expect(v.row('3100000376')).toMatchObject({
      agency_code: '01502',
      fiscal_year: 2568,
      amount: '124300.00',
      project_ids: ['68095189106'],
      payment_docs: ['3100000376'],
      evidence: { postingDate: '2025-02-07', acceptedDate: '2025-02-10', installment: 1 },
    });
  });

  it('clears a payment on the acceptance date and ties each installment payment to its own acceptance', async () => {
    const v = await evaluateRule(t, 'payment-before-inspection');
    expect(v.row('3100000465')).toMatchObject({ outcome: 'clear', evidence: { acceptedDate: '2025-04-25' } });
    expect(['3100000143', '3100000183', '3100000222'].map((doc) => v.row(doc)?.evidence?.installment)).toEqual([1, 2, 3]);
    for (const doc of ['3100000143', '3100000183', '3100000222']) expect(v.row(doc)?.outcome).toBe('clear');
  });

  it('reports a paid contract with no deliveries on record as not calculable', async () => {
    const v = await evaluateRule(t, 'payment-before-inspection');
    expect(v.notCalculableKeys).toEqual(['3100000603']);
    expect(v.row('3100000603')?.reason).toMatch(/no inspection on record/);
  });

  it('examines only payments for e-GP projects, within the run year', async () => {
    const v = await evaluateRule(t, 'payment-before-inspection', {}, { fiscalYear: 2567 });
    expect(v.flaggedKeys).toEqual([]);
    expect(v.notCalculableKeys).toEqual([]);
    expect(v.row('3100000143')?.outcome).toBe('clear');
    expect(v.rows.some((r) => r.entity_key.startsWith('32'))).toBe(false);
  });
});

describe('duplicate-payment', () => {
  it('flags exactly the same-amount pair and the invoice paid twice', async () => {
    const v = await evaluateRule(t, 'duplicate-payment');
    expect(v.flaggedKeys).toEqual(['3100000414+3200000308', '3100000475+3200000404']);
    expect(v.row('3100000414+3200000308')).toMatchObject({
      agency_code: '02501',
      amount: '86420.00',
      vendor_tins: ['0215561412190'],
      payment_docs: ['3100000414', '3200000308'],
      evidence: { basis: ['sameAmount'], daysApart: 12 },
    });
    expect(v.row('3100000475+3200000404')?.evidence).toMatchObject({ basis: ['sameInvoice'], daysApart: 40 });
    expect(v.notCalculableKeys).toEqual([]);
  });

  it('does not group the monthly rent (over 30 days apart) nor equal bills of different vendors', async () => {
    const v = await evaluateRule(t, 'duplicate-payment');
    expect(v.rows.some((r) => r.payment_docs?.some((doc) => ['3100000316', '3200000409', '3200000410'].includes(doc)))).toBe(false);
  });

  it('groups the rent payments once the window reaches their gaps', async () => {
    const v = await evaluateRule(t, 'duplicate-payment', { windowDays: 33 });
    expect(v.flaggedKeys).toEqual(['3100000316+3100000328', '3100000357+3100000398', '3100000414+3200000308', '3100000475+3200000404']);
    const narrow = await evaluateRule(t, 'duplicate-payment', { windowDays: 11 });
    expect(narrow.flaggedKeys).toEqual(['3100000475+3200000404']);
  });
});

describe('benford-deviation', () => {
  it('flags exactly the prison whose FY2568 payments lean on 4 and 9', async () => {
    const v = await evaluateRule(t, 'benford-deviation');
    expect(v.flaggedKeys).toEqual(['02002|2568']);
    expect(v.row('02002|2568')).toMatchObject({
      agency_code: '02002',
      fiscal_year: 2568,
      evidence: { mad: '0.08438', sets: { payments: { tested: true, firstDigitCounts: { 4: 40, 9: 30 } } } },
    });
  });

  it('clears the health office whose payments follow Benford', async () => {
    const v = await evaluateRule(t, 'benford-deviation');
    expect(v.row('02101|2568')).toMatchObject({ outcome: 'clear', evidence: { mad: '0.00496' } });
  });

  it('reports every other agency and year as not calculable: fewer than 100 amounts', async () => {
    const v = await evaluateRule(t, 'benford-deviation');
    expect(v.notCalculable).toHaveLength(v.rows.length - 2);
    expect(v.row('00101|2568')?.reason).toMatch(/fewer than 100/);
  });

  it('follows minRecords and mad from the rule file', async () => {
    const fewer = await evaluateRule(t, 'benford-deviation', { minRecords: 150 });
    expect(fewer.flaggedKeys).toEqual([]);
    expect(fewer.row('02002|2568')?.outcome).toBe('not_calculable');
    const stricter = await evaluateRule(t, 'benford-deviation', { mad: 0.004 });
    expect(stricter.flaggedKeys).toEqual(['02002|2568', '02101|2568']);
  });
});

describe('round-amounts', () => {
  it('flags exactly the excise office, in both fiscal years', async () => {
    const v = await evaluateRule(t, 'round-amounts');
    expect(v.flaggedKeys).toEqual(['00302|2567', '00302|2568']);
    expect(v.row('00302|2568')).toMatchObject({ agency_code: '00302', evidence: { share: '0.7647', fence: '0.2300', agenciesCompared: 32 } });
    expect(v.row('00302|2567')?.evidence).toMatchObject({ share: '0.7500', fence: '0.2500' });
    expect(v.notCalculableKeys).toEqual([]);
  });

  it('clears the runner-up agency below the fence', async () => {
    const v = await evaluateRule(t, 'round-amounts');
    expect(v.row('00702|2567')).toMatchObject({ outcome: 'clear', evidence: { share: '0.1111' } });
    expect(v.row('00702|2568')).toMatchObject({ outcome: 'clear', evidence: { share: '0.1333' } });
  });

  it('is not calculable when the fence degenerates', async () => {
    const v = await evaluateRule(t, 'round-amounts', { multiple: 100_000 });
    expect(v.flaggedKeys).toEqual([]);
    expect(v.notCalculable).toHaveLength(64);
    expect(v.row('00302|2568')?.reason).toMatch(/IQR 0/);
  });

  it('limits a run to its fiscal year', async () => {
    const v = await evaluateRule(t, 'round-amounts', {}, { fiscalYear: 2568 });
    expect(v.flaggedKeys).toEqual(['00302|2568']);
    expect(v.rows).toHaveLength(32);
  });
});
