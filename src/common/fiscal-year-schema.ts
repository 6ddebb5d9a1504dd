import { z } from 'zod';
import { FISCAL_YEAR_BE_RANGE } from './fiscal-year';

/** A BE fiscal year in a query string or a body (`2568`); a CE year (2025) is refused with the reason. */
export function fiscalYearBe() {
  const { min, max } = FISCAL_YEAR_BE_RANGE;
  return z.coerce
    .number({ error: 'must be a fiscal year in the Buddhist Era, e.g. 2568' })
    .int('must be a fiscal year in the Buddhist Era, e.g. 2568')
    .min(min, `must be a fiscal year in the Buddhist Era (${min}–${max}), e.g. 2568`)
    .max(max, `must be a fiscal year in the Buddhist Era (${min}–${max}), e.g. 2568`);
}
