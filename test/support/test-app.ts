import type { INestApplication, Type } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../src/app.module';
import { ApiUsersService } from '../../src/auth/api-users.service';
import type { Role } from '../../src/auth/api-user.entity';
import { loadConfig } from '../../src/config/app-config';
import { configureHttp } from '../../src/http/configure-http';
import { createHttpAdapter } from '../../src/http/http-adapter';
import { createTestDatabase, TestDatabase } from './test-database';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestApp {
  app: INestApplication;
  database: TestDatabase;
  /** Issues a real token for a role, as `cli users create` would. */
  tokenFor(role: Role, agencyCode?: string): Promise<string>;
  close(): Promise<void>;
}

/** The real app module over a fresh database of its own, served in-process for supertest. */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { template?: string; /** extra controllers, e.g. probes of the guard */ controllers?: Type[] } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(options.template);
  const config = loadConfig({
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '100000',
    // Tests drive jobs themselves; a timer firing mid-test would make results depend on the clock.
    IMPORT_INBOX_CRON: 'off',
    RULES_RUN_CRON: 'off',
    RISK_SCORES_WARM_SECONDS: '0',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'audit-radar-test-data-')),
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ config, databaseUrl: database.url, databaseKind: 'external' })],
    controllers: options.controllers ?? [],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>(createHttpAdapter(config), { logger: false });
  configureHttp(app);
  await app.init();
  return {
    app,
    database,
    async tokenFor(role, agencyCode) {
      const { token } = await app.get(ApiUsersService).create({ name: `test ${role}`, role, agencyCode });
      return token;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
