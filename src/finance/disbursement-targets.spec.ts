import {
  cumulativeDisbursementTarget,
  DEFAULT_DISBURSEMENT_TARGETS,
  disbursementTargetAt,
  quarterTargetSchedule,
  type DisbursementTargetConfig,
} from './disbursement-targets';

describe('cumulativeDisbursementTarget', () => {
  it.each([
    ['current', 1, 35],
    ['current', 4, 98],
    ['investment', 2, 45],
    ['investment', 4, 75],
    ['overall', 3, 77],
  ] as const)('defaults: %s Q%i → %i %%', (type, quarter, target) => {
    expect(cumulativeDisbursementTarget(2568, type, quarter)).toBe(target);
  });

  it('takes a year the Cabinet set differently from its own row, and the defaults for the types it left out', () => {
    const config: DisbursementTargetConfig = {
      defaults: DEFAULT_DISBURSEMENT_TARGETS,
      byFiscalYear: { 2570: { investment: [20, 46, 66, 80] } },
    };
    expect(cumulativeDisbursementTarget(2570, 'investment', 4, config)).toBe(80);
    expect(cumulativeDisbursementTarget(2570, 'current', 4, config)).toBe(98);
    expect(cumulativeDisbursementTarget(2569, 'investment', 4, config)).toBe(75);
  });
});

describe('disbursementTargetAt', () => {
  it('judges a report against the quarter its as-of date falls in', () => {
    expect(disbursementTargetAt('2025-06-30', 'investment')).toEqual({ fiscalYear: 2568, quarter: 3, targetPercent: 65 });
    expect(disbursementTargetAt('2025-07-01', 'investment')).toEqual({ fiscalYear: 2568, quarter: 4, targetPercent: 75 });
    expect(disbursementTargetAt('2024-12-27', 'current')).toEqual({ fiscalYear: 2568, quarter: 1, targetPercent: 35 });
  });
});

describe('quarterTargetSchedule', () => {
  it('gives every quarter of a year with its dates, for each budget type', () => {
    const schedule = quarterTargetSchedule([2568]);
    expect(schedule).toHaveLength(12);
    expect(schedule.filter((q) => q.budgetType === 'current').map(({ quarter, start, end, targetPercent }) => ({ quarter, start, end, targetPercent }))).toEqual([
      { quarter: 1, start: '2024-10-01', end: '2024-12-31', targetPercent: 35 },
      { quarter: 2, start: '2025-01-01', end: '2025-03-31', targetPercent: 56 },
      { quarter: 3, start: '2025-04-01', end: '2025-06-30', targetPercent: 79 },
      { quarter: 4, start: '2025-07-01', end: '2025-09-30', targetPercent: 98 },
    ]);
  });

  it('covers every fiscal year the service accepts when no year is named', () => {
    const schedule = quarterTargetSchedule(null);
    expect(schedule.some((q) => q.fiscalYear === 2500 && q.quarter === 1)).toBe(true);
    expect(schedule.some((q) => q.fiscalYear === 2700 && q.quarter === 4)).toBe(true);
  });
});
