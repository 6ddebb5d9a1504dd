/**
 * Raised by every parser in src/common when a value from an imported file cannot be read.
 *
 * The message is written for a person fixing the source file (it is shown next to the row number and
 * column in import reports), so it names the offending text and the reason in plain English, e.g.
 * "31 ก.พ. 68 is not a real date (February 2025 has 28 days)".
 */
export class ValueParseError extends Error {
  /** The text that could not be parsed, when there was one; kept so reports can echo it verbatim. */
  readonly raw?: string;

  constructor(message: string, raw?: string) {
    super(message);
    this.name = 'ValueParseError';
    this.raw = raw;
  }
}
