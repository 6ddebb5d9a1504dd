import { Candidate, chooseAuditees, ChoiceRequest, yearsBefore } from './choose-auditees';

/** The shipped bands of scoring.yaml. */
const bandOf = (score: number) => (score >= 15 ? 'very_high' : score >= 10 ? 'high' : score >= 5 ? 'medium' : 'low');

const agency = (key: string, score: number, lastAudited: string | null = '2024-01-15', amountAtStake = 1_000_000): Candidate => ({
  auditeeType: 'agency',
  key,
  score,
  combined: score / 25,
  band: bandOf(score),
  amountAtStake,
  lastAudited,
});
const project = (key: string, score: number): Candidate => ({
  auditeeType: 'budget_project',
  key,
  score,
  combined: score / 25,
  band: bandOf(score),
  amountAtStake: 5_000_000,
});
const ask = (over: Partial<ChoiceRequest> = {}): ChoiceRequest => ({
  financialAudits: 2,
  performanceAudits: 1,
  mustInclude: [],
  exclude: [],
  riskBandsFirst: [],
  coverageCycleYears: 3,
  asOf: '2024-10-01',
  ...over,
});

describe('chooseAuditees', () => {
  const universe = [agency('A', 20), agency('B', 15), agency('C', 10), agency('D', 5), project('P1', 12), project('P2', 16)];

  it('takes the riskiest agencies for financial audits and the riskiest projects for performance audits', () => {
    expect(chooseAuditees(universe, ask()).map((c) => [c.candidate.key, c.auditType, c.basis, c.riskRank])).toEqual([
      ['A', 'financial', 'risk', 1],
      ['B', 'financial', 'risk', 2],
      ['P2', 'performance', 'risk', 1],
    ]);
  });

  it('puts must-include first, then agencies beyond the coverage cycle, and never an excluded one', () => {
    const withOld = [...universe, agency('OLD', 3, '2021-09-30'), agency('NEVER', 4, null)];
    const chosen = chooseAuditees(withOld, ask({ financialAudits: 4, mustInclude: ['D'], exclude: ['NEVER'] }));
    expect(chosen.filter((c) => c.auditType === 'financial').map((c) => [c.candidate.key, c.basis])).toEqual([
      ['D', 'must_include'],
      ['OLD', 'coverage'],
      ['A', 'risk'],
      ['B', 'risk'],
    ]);
  });

  it('chooses the highest risk bands before the coverage cycle when planning.yaml says so', () => {
    const withOld = [agency('HIGH', 12), agency('MID', 8), agency('OLD', 3, '2021-09-30'), agency('NEVER', 4, null)];
    const chosen = chooseAuditees(withOld, ask({ financialAudits: 3, riskBandsFirst: ['very_high', 'high'] }));
    expect(chosen.map((c) => [c.candidate.key, c.basis])).toEqual([
      ['HIGH', 'high_risk'],
      ['NEVER', 'coverage'],
      ['OLD', 'coverage'],
    ]);
  });

  it('counts the coverage cycle back from the plan’s first day: audited on that day three years before is inside it', () => {
    const chosen = chooseAuditees([agency('EDGE', 1, '2021-10-01'), agency('OUT', 1, '2021-09-30'), agency('TOP', 25)], ask({ financialAudits: 1 }));
    expect(chosen.map((c) => c.candidate.key)).toEqual(['OUT']);
  });

  it('breaks ties by the money at stake, then by key', () => {
    const tied = [agency('X', 10, '2024-01-01', 1), agency('Y', 10, '2024-01-01', 9), agency('W', 10, '2024-01-01', 9)];
    expect(chooseAuditees(tied, ask({ financialAudits: 3 })).map((c) => c.candidate.key)).toEqual(['W', 'Y', 'X']);
  });

  it('goes back whole years, 29 February to the 28th', () => {
    expect(yearsBefore('2024-10-01', 3)).toBe('2021-10-01');
    expect(yearsBefore('2024-02-29', 1)).toBe('2023-02-28');
  });
});
