import type { z } from 'zod';
import { UsageError } from './cli-command';

/** Validates parsed command-line options with the command's zod schema; problems are usage errors. */
export function parseOptions<S extends z.ZodType>(schema: S, values: unknown): z.output<S> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `--${i.path.join('.') || 'options'}: ${i.message}`);
    throw new UsageError(problems.join('; '));
  }
  return parsed.data;
}
