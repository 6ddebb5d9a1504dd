import { z } from 'zod';
import { trustProxySchema } from './trust-proxy';

/** Environment variables read as booleans accept the spellings operators actually type. */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const cronExpression = z
  .string()
  .trim()
  .regex(/^(\S+\s+){4,5}\S+$/, 'must be a cron expression with 5 or 6 fields, or "off"')
  .or(z.literal('off'));

/**
 * The one schema for the process environment (api-contract.md "Start-up").
 * Everything the service reads from `process.env` is declared here and nowhere else.
 */
export const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATA_DIR: z.string().trim().min(1).default('./.data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  ADMIN_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters (it is a password)')
    .optional(),
  RULES_DIR: z.string().trim().min(1).default('./rules'),
  FIXTURES_DIR: z.string().trim().min(1).default('./fixtures'),
  MIGRATE_ON_START: booleanFlag.default(true),
  /** Demo data is loaded only on embedded PostgreSQL with an empty database; this switches even that off. */
  LOAD_DEMO_DATA: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Fixed port for the embedded server; 0 picks a free one at every start. */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Proxies whose X-Forwarded-For names the client (Express `trust proxy`); by default no one's. */
  TRUST_PROXY: trustProxySchema.default(false),
  /** Largest request body accepted by the import endpoint, in megabytes. */
  IMPORT_MAX_MB: z.coerce.number().int().positive().default(512),
  IMPORT_INBOX_CRON: cronExpression.default('*/5 * * * *'),
  /** How often the scheduled job looks for new imports and, when there are any, runs the rules. */
  RULES_RUN_CRON: cronExpression.default('*/15 * * * *'),
  /** How often, in seconds, the scores job looks for a newly succeeded risk run to compute its scores (0 disables). */
  RISK_SCORES_WARM_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  /** Rules run this many at a time, each on its own database connection (PostgreSQL runs a query on one core). */
  RULES_RUN_CONCURRENCY: z.coerce.number().int().min(1).max(6).default(2),
});

export type Env = z.infer<typeof envSchema>;
