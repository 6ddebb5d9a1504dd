import { mapHeaderByAliases } from './header-mapping';
import { ImportInputError } from './import-errors';
import type { ImportSource, RawRow } from './source-definition';

/** Where a decoder reports what it found wrong with a row, or fixed in it. */
export interface RowProblems {
  error(column: string, message: string): void;
  repair(column: string, message: string): void;
}

/**
 * Turns the fields of one CSV record into the target table's values. Made once per file from its
 * header (and a sample of rows, for sources whose layout the header alone cannot tell).
 */
export interface RowDecoder {
  /** The file's own header text for a column key: what error messages name. */
  columnName(key: string | undefined): string;
  /** The CSV keys the file carries: target columns made only from absent keys are not written. */
  presentKeys: Set<string>;
  unknownColumns: string[];
  /** The recognised layout, for sources that have several (e-GP). */
  layout: string | null;
  decode(fields: string[], row: number, problems: RowProblems): Record<string, unknown> | undefined;
}

/**
 * The usual decoder: columns found by their English key or Thai alias in any order, each row
 * repaired (when the source says how) and validated by the source's zod row schema.
 */
export function aliasRowDecoder(source: ImportSource, header: string[]): RowDecoder {
  const schema = source.rowSchema;
  if (!schema) throw new Error(`source ${source.name} declares neither a row schema nor a decoder`);
  const mapping = mapHeaderByAliases(header, source.columns);
  if (mapping.headerOf.size === 0) {
    const expected = source.columns
      .filter((c) => c.required)
      .map((c) => `${c.aliases[0] ?? c.key} / ${c.key}`)
      .join(', ');
    throw new ImportInputError(`the first row is not a header of ${source.name}: expected columns such as ${expected}`);
  }
  if (mapping.missingRequired.length > 0) {
    const missing = mapping.missingRequired.map((c) => `${c.key} (${c.aliases[0] ?? c.key})`).join(', ');
    throw new ImportInputError(`the header lacks required column(s): ${missing}`);
  }
  if (mapping.duplicated.length > 0) {
    throw new ImportInputError(`the header names a column twice: ${mapping.duplicated.join(', ')}`);
  }
  const { keys } = mapping;
  const columnName = (key: string | undefined) => (key ? mapping.headerOf.get(key) ?? key : '');

  return {
    columnName,
    presentKeys: new Set(mapping.headerOf.keys()),
    unknownColumns: mapping.unknownColumns,
    layout: null,
    decode(fields, row, problems) {
      const lengthProblem = rowLengthProblem(fields, keys.length);
      if (lengthProblem) {
        problems.error('', lengthProblem);
        return undefined;
      }
      let raw: RawRow = {};
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (key !== undefined) raw[key] = fields[i] ?? '';
      }
      if (source.repairRow) raw = source.repairRow(raw, { row, repair: (column, message) => problems.repair(column, message) });
      const parsed = schema.safeParse(raw);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) {
        problems.error(typeof issue.path[0] === 'string' ? issue.path[0] : '', issue.message);
      }
      return undefined;
    },
  };
}

/** A record shorter than the header, or longer with non-empty extra cells, has its values misplaced. */
export function rowLengthProblem(fields: string[], expected: number): string | undefined {
  const message = `row has ${fields.length} values but the header names ${expected} columns`;
  if (fields.length < expected) return message;
  for (let i = expected; i < fields.length; i++) if (fields[i].trim() !== '') return message;
  return undefined;
}
