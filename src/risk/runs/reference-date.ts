import { fiscalYearRange } from '../../common/fiscal-year';

/**
 * The date at which a run judges "overdue" (rules-catalogue.md): the end of the fiscal year when that is
 * past, otherwise today. A run over every year is judged today.
 */
export function referenceDateOf(fiscalYear: number | null, today: string): string {
  if (fiscalYear === null) return today;
  const { end } = fiscalYearRange(fiscalYear);
  return end < today ? end : today;
}
