import type { ColumnType } from './source-definition';

/**
 * Encodes values for PostgreSQL's COPY text format: tab-separated, `\N` for null, backslash escapes
 * for the characters that would break a line. Arrays use the array literal syntax with every
 * element quoted.
 */
export function copyLine(values: unknown[], types: ColumnType[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += '\t';
    line += copyField(values[i], types[i]);
  }
  return line + '\n';
}

function copyField(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return '\\N';
  if (type === 'text[]') return escapeText(arrayLiteral(value as string[]));
  if (type === 'jsonb') return escapeText(JSON.stringify(value));
  return escapeText(String(value));
}

function arrayLiteral(items: string[]): string {
  return `{${items.map((item) => `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

const SPECIAL = /[\\\t\n\r]/;

function escapeText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
