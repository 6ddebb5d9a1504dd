/**
 * The file cannot be read as CSV text at all: it is binary, in an encoding we do not read, breaks CSV syntax
 * or has no header. The import API answers 400 for it (api-contract.md); a bad value in a readable file is a
 * row error instead, reported with its row and column.
 */
export class CsvFormatError extends Error {
  /** 1-based physical line of the file where the problem was found, when known. */
  readonly line?: number;
  /** 0-based byte offset in the original file, when known (for encoding problems). */
  readonly byteOffset?: number;

  constructor(message: string, details: { line?: number; byteOffset?: number; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'CsvFormatError';
    this.line = details.line;
    this.byteOffset = details.byteOffset;
  }
}
