import { startFixtureApp } from '../../../../test/support/fixture-database';
import { evaluateRule } from '../../../../test/support/rule-harness';
import type { TestApp } from '../../../../test/support/test-app';
import { SqlDatabase } from '../../../database/sql-database';

/**
 * The budget, plans, findings and complaints rules over the Rayong fixtures: each rule's planted positives,
 * decoys and not-calculable cases (fixtures/README.md). The harness judges overdue at 2025-09-30 unless a
 * test names another reference date.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startFixtureApp();
});
afterAll(() => t.close());

describe('disbursement-behind-target', () => {
  it('flags exactly the three agency–budget types more than 5 points behind the target of their latest report', async () => {
    const v = await evaluateRule(t, 'disbursement-behind-target');
    expect(v.flaggedKeys).toEqual(['01501|investment|2567', '01601|investment|2568', '02201|current|2568']);
    expect(v.row('01601|investment|2568')).toMatchObject({
      agency_code: '01601',
      fiscal_year: 2568,
      amount: '9885800.00', // 75 % of 71,636,000 less 43,841,200 disbursed
      evidence: { asOf: '2025-09-30', quarter: 4, ratePercent: '61.20', targetPercent: '75', pointsBelowTarget: '13.80', sourceUnit: 'ล้านบาท' },
    });
    expect(v.row('02201|current|2568')?.evidence).toMatchObject({ ratePercent: '91.80', targetPercent: '98' });
    expect(v.row('01501|investment|2567')?.evidence).toMatchObject({ ratePercent: '58.00', targetPercent: '75' });
  });

  it('does not flag exactly 5 points below, nor an early lag caught up by the latest report', async () => {
    const v = await evaluateRule(t, 'disbursement-behind-target');
    expect(v.row('02801|investment|2568')).toMatchObject({ outcome: 'clear', amount: null, evidence: { ratePercent: '70.00', pointsBelowTarget: '5.00' } });
    expect(v.row('00302|current|2568')).toMatchObject({ outcome: 'clear', evidence: { asOf: '2025-09-30' } });
    expect(v.row('00302|investment|2568')?.outcome).toBe('clear');
  });

  it('judges a latest report of 30 Jun against the Q3 targets, not the year-end ones', async () => {
    const v = await evaluateRule(t, 'disbursement-behind-target');
    expect(v.row('02402|current|2568')).toMatchObject({ outcome: 'clear', evidence: { asOf: '2025-06-30', quarter: 3, targetPercent: '79' } });
    expect(v.row('02402|investment|2568')).toMatchObject({ outcome: 'clear', evidence: { quarter: 3, targetPercent: '65' } });
  });

  it('reports a latest report with no allocation as not calculable, with the reason', async () => {
    const v = await evaluateRule(t, 'disbursement-behind-target');
    expect(v.notCalculableKeys).toEqual(['01001|investment|2568']);
    expect(v.row('01001|investment|2568')?.reason).toMatch(/allocated .* missing/);
    // 32 agencies × 2 types × 2 years: every one examined once.
    expect(v.rows).toHaveLength(128);
  });

  it('moves with the tolerated points', async () => {
    const tighter = await evaluateRule(t, 'disbursement-behind-target', { points: 4.99 });
    expect(tighter.flaggedKeys).toEqual(['01501|investment|2567', '01601|investment|2568', '02201|current|2568', '02801|investment|2568']);
    const looser = await evaluateRule(t, 'disbursement-behind-target', { points: 10 });
    expect(looser.flaggedKeys).toEqual(['01501|investment|2567', '01601|investment|2568']);
  });

  it('limits a run to its fiscal year', async () => {
    const v = await evaluateRule(t, 'disbursement-behind-target', {}, { fiscalYear: 2567 });
    expect(v.flaggedKeys).toEqual(['01501|investment|2567']);
    expect(v.rows.every((r) => r.fiscal_year === 2567)).toBe(true);
  });
});

describe('overdue-control-improvement', () => {
  it('flags exactly the three agencies with an activity past due and not done', async () => {
    const v = await evaluateRule(t, 'overdue-control-improvement');
    expect(v.flaggedKeys).toEqual(['00703|2568', '01401|2568', '02002|2567']);
    expect(v.notCalculableKeys).toEqual([]);
    expect(v.row('02002|2567')).toMatchObject({
      agency_code: '02002',
      evidence: { overdueActivities: [{ activity: '2567:02002:internal_control:3:3', dueDate: '2024-08-30', status: 'in_progress' }] },
    });
    expect(v.row('01401|2568')?.evidence).toMatchObject({
      overdueActivities: [{ activity: '2568:01401:anti_corruption:2:1', dueDate: '2025-03-31', status: 'not_started' }],
    });
  });

  it('does not flag an activity done late, nor one due on the reference date', async () => {
    const v = await evaluateRule(t, 'overdue-control-improvement');
    expect(v.row('01505|2568')?.outcome).toBe('clear');
    expect(v.row('02101|2568')?.outcome).toBe('clear');
  });

  it('examines the province plan as its own entity, with no agency code', async () => {
    const v = await evaluateRule(t, 'overdue-control-improvement');
    expect(v.row('province|2568')).toMatchObject({ outcome: 'clear', agency_code: null });
  });

  it('gives the grace days before an activity counts as overdue', async () => {
    // FY2567 judged at its end, 2024-09-30: 02002's activity due 2024-08-30 is 31 days past due.
    const run = (graceDays: number) =>
      evaluateRule(t, 'overdue-control-improvement', { graceDays }, { fiscalYear: 2567, referenceDate: '2024-09-30' });
    expect((await run(30)).flaggedKeys).toEqual(['02002|2567']);
    expect((await run(31)).flaggedKeys).toEqual([]);
  });

  it('judges at the reference date: results reported later do not count, and a missing report is not calculable', async () => {
    const v = await evaluateRule(t, 'overdue-control-improvement', {}, { fiscalYear: 2568, referenceDate: '2025-07-10' });
    expect(v.flaggedKeys).toEqual(['01401|2568']);
    // 00703 and 01505 first reported on their 30 Jun activities in mid-July: on 10 Jul nothing says whether they were done.
    expect(v.notCalculableKeys).toEqual(['00703|2568', '01505|2568']);
    expect(v.row('00703|2568')?.reason).toMatch(/2568:00703:internal_control:3:3 no result reported/);
  });
});

describe('overdue-finding-response', () => {
  it('reports "no findings recorded" as not calculable while the findings table is empty', async () => {
    const all = await evaluateRule(t, 'overdue-finding-response');
    expect(all.rows).toEqual([expect.objectContaining({ outcome: 'not_calculable', entity_key: 'no-findings', fiscal_year: null, reason: 'no findings recorded' })]);
    const year = await evaluateRule(t, 'overdue-finding-response', {}, { fiscalYear: 2568 });
    expect(year.notCalculableKeys).toEqual(['no-findings|2568']);
    expect(year.row('no-findings|2568')?.fiscal_year).toBe(2568);
  });

  describe('with findings recorded', () => {
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      const db = t.app.get(SqlDatabase);
      const findings: [name: string, fiscalYear: number, dueDate: string | null, firstAnsweredAt: string | null][] = [
        ['unanswered', 2568, '2025-06-30', null],
        ['answered late', 2568, '2025-06-30', '2025-07-05T10:00:00+07:00'],
        ['answered on the due day, Bangkok evening', 2568, '2025-06-30', '2025-06-30T20:00:00+07:00'],
        ['answered after midnight Bangkok time', 2568, '2025-06-30', '2025-06-30T18:00:00Z'],
        ['due on the reference date', 2568, '2025-09-30', null],
        ['no due date', 2568, null, null],
        ['last year, unanswered', 2567, '2024-09-01', null],
      ];
      for (const [title, fiscalYear, dueDate, answeredAt] of findings) {
        const [row] = await db.query<{ id: string }>(
          `insert into findings (agency_code, fiscal_year, title, due_date, first_answered_at) values ('02101', $1, $2, $3, $4) returning id::text`,
          [fiscalYear, title, dueDate, answeredAt],
        );
        ids[title] = row.id;
      }
    });
    afterAll(() => t.app.get(SqlDatabase).query(`delete from findings`));

    it('flags findings past due with no answer, or first answered after the due day', async () => {
      const v = await evaluateRule(t, 'overdue-finding-response');
      const expected = ['unanswered', 'answered late', 'answered after midnight Bangkok time', 'last year, unanswered'].map((k) => ids[k]);
      expect(v.flaggedKeys).toEqual([...expected].sort());
      expect(v.row(ids['answered late'])).toMatchObject({
        agency_code: '02101',
        fiscal_year: 2568,
        evidence: { dueDate: '2025-06-30', firstAnsweredOn: '2025-07-05', daysLate: 5 },
      });
      expect(v.row(ids['unanswered'])?.evidence).toMatchObject({ firstAnsweredOn: null, daysLate: 92 });
      expect(v.row('no-findings')).toBeUndefined();
    });

    it('clears an answer on the due day and a finding not yet past due; no due date is not calculable', async () => {
      const v = await evaluateRule(t, 'overdue-finding-response');
      expect(v.row(ids['answered on the due day, Bangkok evening'])?.outcome).toBe('clear');
      expect(v.row(ids['due on the reference date'])?.outcome).toBe('clear');
      expect(v.notCalculableKeys).toEqual([ids['no due date']]);
      expect(v.row(ids['no due date'])?.reason).toMatch(/no due date/);
    });

    it('judges at the reference date and limits a run to its fiscal year', async () => {
      const early = await evaluateRule(t, 'overdue-finding-response', {}, { fiscalYear: 2568, referenceDate: '2025-06-30' });
      expect(early.flaggedKeys).toEqual([]);
      const later = await evaluateRule(t, 'overdue-finding-response', {}, { fiscalYear: 2568, referenceDate: '2025-10-01' });
      expect(later.flaggedKeys).toEqual(
        ['unanswered', 'answered late', 'answered after midnight Bangkok time', 'due on the reference date'].map((k) => ids[k]).sort(),
      );
      expect(later.row(ids['last year, unanswered'])).toBeUndefined();
    });
  });
});

describe('complaint-trend', () => {
  it('flags exactly the three agency–categories that rose by 50 % or more to 3 or more', async () => {
    const v = await evaluateRule(t, 'complaint-trend');
    expect(v.flaggedKeys).toEqual(['01505|bribery|2568', '01601|procurement|2568', '02101|delay|2568']);
    expect(v.notCalculableKeys).toEqual([]);
    expect(v.row('02101|delay|2568')).toMatchObject({ agency_code: '02101', evidence: { thisYear: 4, lastYear: 2, increase: '1.0000' } });
    expect(v.row('01505|bribery|2568')?.evidence).toMatchObject({ thisYear: 3, lastYear: 0, increase: null });
    expect(v.row('01601|procurement|2568')?.evidence).toMatchObject({ thisYear: 3, lastYear: 2, increase: '0.5000' });
  });

  it('does not flag a rise to fewer than 3, nor 3 complaints spread over categories', async () => {
    const v = await evaluateRule(t, 'complaint-trend');
    for (const key of ['02002|impolite_service|2568', '01802|rule_violation|2568', '00101|delay|2568', '00101|fraud|2568', '00101|favouritism|2568']) {
      expect(v.row(key)?.outcome).toBe('clear');
    }
  });

  it('moves with minCount and increase', async () => {
    const lower = await evaluateRule(t, 'complaint-trend', { minCount: 2 }, { fiscalYear: 2568 });
    expect(lower.flaggedKeys).toEqual(expect.arrayContaining(['01802|rule_violation|2568', '02002|impolite_service|2568']));
    expect(lower.flaggedKeys).toHaveLength(16); // the background's pairs of 2 that rose from 0 or 1
    const steeper = await evaluateRule(t, 'complaint-trend', { increase: 0.6 });
    expect(steeper.flaggedKeys).toEqual(['01505|bribery|2568', '02101|delay|2568']);
  });

  it('cannot compare the first year on record: FY2566 was never loaded', async () => {
    const v = await evaluateRule(t, 'complaint-trend', {}, { fiscalYear: 2567 });
    expect(v.flaggedKeys).toEqual([]);
    expect(v.notCalculableKeys).toEqual([]); // no FY2567 category reaches 3
    const lower = await evaluateRule(t, 'complaint-trend', { minCount: 2 }, { fiscalYear: 2567 });
    expect(lower.flaggedKeys).toEqual([]);
    expect(lower.notCalculableKeys).toContain('02101|delay|2567');
    expect(lower.row('02101|delay|2567')?.reason).toMatch(/no complaints recorded for fiscal year 2566/);
  });
});
