const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** RFC 4180 quoting: only when needed, with inner quotes doubled. */
export function quoteCsv(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One CSV line of cells for a file people open in Excel: null is empty, and text that Excel would run as
 * a formula (`=`, `+`, `@` first) is prefixed with an apostrophe, so an exported name cannot execute.
 */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells
    .map((cell) => {
      if (cell === null || cell === undefined) return '';
      const text = typeof cell === 'number' ? String(cell) : /^[=+@]/.test(cell) ? `'${cell}` : cell;
      return quoteCsv(text);
    })
    .join(',');
}
