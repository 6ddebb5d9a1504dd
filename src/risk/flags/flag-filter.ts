import { z } from 'zod';
import { fiscalYearBe } from '../../common/fiscal-year-schema';
import { FLAG_STATUSES } from '../flag.entity';
import { RULE_SEVERITIES } from '../rule-file.schema';

/** The filters of GET /api/flags, its export and `cli flags list` (one schema for all three). */
export const flagFilterSchema = z.object({
  rule: z.string().trim().min(1).optional(),
  agency: z.string().trim().min(1).optional(),
  fiscalYear: fiscalYearBe().optional(),
  status: z.enum(FLAG_STATUSES as [string, ...string[]]).optional(),
  severity: z.enum(RULE_SEVERITIES).optional(),
  projectId: z.string().trim().min(1).optional(),
  vendorTin: z.string().trim().min(1).optional(),
  entityType: z.string().trim().min(1).optional(),
});
export type FlagFilter = z.output<typeof flagFilterSchema>;

export const flagPageSchema = flagFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  /** The `after` of the previous answer: the next page by keyset (cheap at any depth), instead of `offset`. */
  after: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, { error: 'must be the "after" token of a previous answer' })
    .optional(),
});
export type FlagPage = z.output<typeof flagPageSchema>;
