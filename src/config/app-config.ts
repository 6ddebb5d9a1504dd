import { resolve } from 'node:path';
import { z } from 'zod';
import { envSchema } from './env.schema';
import type { TrustProxy } from './trust-proxy';

/** The typed configuration object, read once at boot and injected everywhere as `AppConfig`. */
export class AppConfig {
  readonly databaseUrl?: string;
  readonly dataDir!: string;
  readonly port!: number;
  readonly host!: string;
  readonly adminToken?: string;
  readonly rulesDir!: string;
  readonly fixturesDir!: string;
  readonly migrateOnStart!: boolean;
  readonly loadDemoData!: boolean;
  readonly logLevel!: string;
  readonly embeddedPgPort!: number;
  readonly rateLimitPerMinute!: number;
  readonly trustProxy!: TrustProxy;
  readonly importMaxBytes!: number;
  readonly importInboxCron!: string;
  readonly rulesRunCron!: string;
  readonly riskScoresWarmSeconds!: number;
  readonly rulesRunConcurrency!: number;

  constructor(values: Omit<AppConfig, never>) {
    Object.assign(this, values);
  }
}

export class ConfigError extends Error {}

/**
 * Validates the environment and builds the config. A bad value stops start-up with one line per
 * problem naming the variable, so an operator can fix them all at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Unset and empty are the same thing for an operator (`FOO= npm start`).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return new AppConfig({
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    adminToken: e.ADMIN_TOKEN,
    rulesDir: resolve(e.RULES_DIR),
    fixturesDir: resolve(e.FIXTURES_DIR),
    migrateOnStart: e.MIGRATE_ON_START,
    loadDemoData: e.LOAD_DEMO_DATA,
    logLevel: e.LOG_LEVEL,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    importMaxBytes: e.IMPORT_MAX_MB * 1024 * 1024,
    importInboxCron: e.IMPORT_INBOX_CRON,
    rulesRunCron: e.RULES_RUN_CRON,
    riskScoresWarmSeconds: e.RISK_SCORES_WARM_SECONDS,
    rulesRunConcurrency: e.RULES_RUN_CONCURRENCY,
  });
}

export type ConfigOverrides = Partial<z.input<typeof envSchema>>;
