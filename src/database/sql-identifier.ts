/**
 * Quotes an SQL identifier. Identifiers come from code (source and rule declarations), never from a
 * request, but quoting keeps a Thai or reserved name from breaking a statement.
 */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
