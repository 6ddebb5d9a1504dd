import type { ImportSource, RawRow } from '../../src/imports/source-definition';

/**
 * What the source specs ask of a source, without a database: its row schema's answer for one row,
 * and its repairs. Shared by the specs beside each source.
 */
export function rowParser(source: ImportSource) {
  return (raw: RawRow) => {
    const result = source.rowSchema!.safeParse(raw);
    return result.success
      ? { data: result.data }
      : { errors: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
  };
}

export function rowRepairer(source: ImportSource) {
  return (raw: RawRow) => {
    const repairs: { column: string; message: string }[] = [];
    const repaired = source.repairRow!({ ...raw }, { row: 2, repair: (column, message) => repairs.push({ column, message }) });
    return { repaired, repairs };
  };
}
