import { referenceDateOf } from './reference-date';

describe('referenceDateOf', () => {
  it('is the last day of a fiscal year that is over', () => {
    expect(referenceDateOf(2568, '2026-11-26')).toBe('2025-09-30');
  });
  it('is today within the fiscal year, and on its last day', () => {
    expect(referenceDateOf(2569, '2025-12-01')).toBe('2025-12-01');
    expect(referenceDateOf(2568, '2025-09-30')).toBe('2025-09-30');
  });
  it('is today for a run over every year', () => {
    expect(referenceDateOf(null, '2026-11-26')).toBe('2026-11-26');
  });
});
