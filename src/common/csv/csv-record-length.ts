import type { Parser } from 'csv-parse';

/**
 * Tells csv-parse that records of `length` fields are the usual ones from now on.
 *
 * Why: with `relax_column_count`, csv-parse still builds a complete CsvError (message, stack trace, a JSON
 * deep copy of the record) for every record whose length differs from the FIRST record's, then drops it.
 * A header with another count than its rows is normal in our sources (the FY2568 e-GP layout has 31 names
 * over 28 values), and that error made up over half of the reading time. csv-parse has no option for it,
 * so this moves its internal `state.expectedRecordLength`. Only speed depends on it: should a csv-parse
 * version lack the field, nothing is changed (csv-record-length.spec.ts notices the loss).
 */
export function expectRecordLength(parser: Parser, length: number): void {
  const state = (parser as unknown as { state?: { expectedRecordLength?: unknown } }).state;
  if (state && typeof state.expectedRecordLength === 'number') state.expectedRecordLength = length;
}
