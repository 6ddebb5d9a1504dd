import type { ColumnType, TargetColumn } from './source-definition';

/**
 * One staged row as a line of PostgreSQL's COPY text format: the row number, then the value of each of
 * `columns` in order. Tab-separated, `\N` for null, backslash escapes for the characters that would
 * break a line. Arrays use the array literal syntax with every element quoted.
 */
export function copyRow(row: number, values: Record<string, unknown>, columns: readonly TargetColumn[]): string {
  let line = String(row);
  for (let i = 0; i < columns.length; i++) line += '\t' + copyField(values[columns[i].name], columns[i].type);
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
