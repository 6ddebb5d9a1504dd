import { z } from 'zod';
import { raw, sql, type SqlFragment } from '../../database/sql-template';

/**
 * The flags' one order, most serious first: severity, then score, then the oldest (id). It is written as the
 * descending order of the tuple (severity rank, score, −id) so that one index per filter serves it, a page is
 * an index range, and the next page starts after the last row's tuple (keyset paging) — migration
 * Migration20261208040001_flags_order_indexes builds the indexes on exactly these expressions.
 */
export const SEVERITY_RANK = raw(`(case f.severity when 'critical' then 4 when 'high' then 3 when 'medium' then 2 else 1 end)`);
export const SEVERITY_RANKS: Record<string, number> = { critical: 4, high: 3, medium: 2, low: 1 };
export const severityRank = (severity: string): number => SEVERITY_RANKS[severity] ?? 1;

export const FLAG_ORDER = sql`order by ${SEVERITY_RANK} desc, f.score desc, (- f.id) desc`;

/** Where the next page starts: the last row's place in the order. */
export interface FlagPosition {
  rank: number;
  /** The score as exact decimal text (numeric(5,4)). */
  score: string;
  id: string;
}

const positionSchema = z.strictObject({
  rank: z.number().int().min(1).max(4),
  score: z.string().regex(/^\d(\.\d{1,4})?$/),
  id: z.string().regex(/^\d{1,18}$/),
});

/** The `after` token of the answer: opaque to clients (base64url of the position). */
export function encodePosition(position: FlagPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Reads an `after` token back; null when it is not one this service made (the caller answers 400). */
export function decodePosition(token: string): FlagPosition | null {
  try {
    const parsed = positionSchema.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The rows after `position` in FLAG_ORDER: one row comparison, which the order indexes serve as a range. */
export function afterPosition(position: FlagPosition): SqlFragment {
  return sql`(${SEVERITY_RANK}, f.score, - f.id) < (${position.rank}::int, ${position.score}::numeric, - ${position.id}::bigint)`;
}
