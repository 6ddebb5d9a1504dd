import type { QueryResultRow } from 'pg';

/** A pool or a client: where a read runs (a client keeps it in the caller's snapshot). */
export interface Queryable {
  query<R extends QueryResultRow>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}
