import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DemoDataLoader } from '../../src/demo/demo-data.loader';
import { templateDatabase, withServer } from './test-database';
import { startTestApp, TestApp } from './test-app';

/**
 * A test app over a database holding the whole Rayong demo set of `fixtures/`. The set is imported once
 * per test run through the real pipeline into a second template database; each test file then gets
 * its own copy of it, as with the empty template.
 */
export async function startFixtureApp(env: Record<string, string> = {}): Promise<TestApp> {
  const template = await ensureFixtureTemplate();
  return startTestApp(env, { template });
}

/** A fixture app reading its own copy of `rules/`, for tests that edit rule files; `close()` removes the copy. */
export async function startFixtureAppWithOwnRules(): Promise<TestApp & { rulesDir: string }> {
  const rulesDir = mkdtempSync(join(tmpdir(), 'audit-radar-rules-'));
  cpSync(join(__dirname, '..', '..', 'rules'), rulesDir, { recursive: true });
  const app = await startFixtureApp({ RULES_DIR: rulesDir });
  return {
    ...app,
    rulesDir,
    async close() {
      await app.close();
      rmSync(rulesDir, { recursive: true, force: true });
    },
  };
}

async function ensureFixtureTemplate(): Promise<string> {
  const name = `${templateDatabase()}_fixtures`;
  const exists = () => withServer(async (c) => (await c.query(`select 1 from pg_database where datname = $1`, [name])).rowCount === 1);
  if (await exists()) return name;
  const building = await startTestApp();
  try {
    await building.app.get(DemoDataLoader).loadAll();
  } finally {
    await building.app.close();
  }
  // A template must have no connections; the app is closed, so renaming its database finishes it.
  await withServer(async (c) => {
    if ((await c.query(`select 1 from pg_database where datname = $1`, [name])).rowCount === 1) {
      await c.query(`drop database ${building.database.name} with (force)`);
    } else {
      await c.query(`alter database ${building.database.name} rename to ${name}`);
    }
  });
  return name;
}

