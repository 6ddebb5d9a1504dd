import { ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';

/**
 * Row ids in paths, one schema per column type. An id outside its column's range can name no row, and
 * sent to PostgreSQL it fails the query ("out of range for type bigint"): it is refused here, 400.
 */
function wholeNumberUpTo(max: bigint, column: string) {
  return z
    .string()
    .regex(/^\d{1,19}$/, { error: 'must be a whole number' })
    .refine((v) => BigInt(v) <= max, { error: `must be at most ${max} (an ${column} id)` });
}

/** `serial` / `integer` ids (api_users), as a number. */
export const int4IdSchema = wholeNumberUpTo(2_147_483_647n, 'integer').transform(Number);

/** `bigserial` / `bigint` ids (flags, risk runs, audit plans and engagements), kept as a string: past 2^53 a number loses digits. */
export const int8IdSchema = wholeNumberUpTo(9_223_372_036_854_775_807n, 'bigint');

/** `@Param('id', Int4IdPipe)` */
export const Int4IdPipe = new ZodValidationPipe(int4IdSchema);
/** `@Param('id', Int8IdPipe)` */
export const Int8IdPipe = new ZodValidationPipe(int8IdSchema);
