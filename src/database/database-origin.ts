/** Where the database came from: only an embedded one may receive demo data by itself. */
export const DATABASE_ORIGIN = Symbol('DATABASE_ORIGIN');

export interface DatabaseOrigin {
  kind: 'embedded' | 'external';
}
