import { join } from 'node:path';
import { loadRuleFiles } from '../risk/rule-loader';
import { sizeEngagement } from './size-engagement';

const { sizing } = loadRuleFiles(join(__dirname, '..', '..', 'rules')).planning;

describe('sizeEngagement (rules/planning.yaml)', () => {
  it('takes the base days of the audit type and band', () => {
    expect(sizeEngagement('financial', 'high', 3_000_000, sizing)).toEqual({ workingDays: 15, baseDays: 15, addDays: 0, step: null });
    expect(sizeEngagement('performance', 'low', 0, sizing).workingDays).toBe(12);
  });

  it('adds the days of the largest size step the money reaches', () => {
    expect(sizeEngagement('financial', 'medium', 20_000_000, sizing)).toEqual({ workingDays: 15, baseDays: 12, addDays: 3, step: 20_000_000 });
    expect(sizeEngagement('financial', 'very_high', 250_000_000, sizing)).toMatchObject({ workingDays: 23, addDays: 5 });
  });

  it('refuses a band planning.yaml does not size', () => {
    expect(() => sizeEngagement('financial', 'extreme', 1, sizing)).toThrow(/no working days for financial audits of band extreme/);
  });
});
