import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../../src/database/orm-options';
import { TEMPLATE_DATABASE, urlForDatabase, withServer } from './test-database';

/** Builds the migrated template database once per test run, and sweeps copies left by killed runs. */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'Asia/Bangkok';
  await withServer(async (c) => {
    const leftovers = await c.query<{ datname: string }>(
      `select datname from pg_database where datname like 'audit_radar_test_%'`,
    );
    for (const { datname } of leftovers.rows) await c.query(`drop database if exists ${datname} with (force)`);
    await c.query(`create database ${TEMPLATE_DATABASE}`);
  });
  const orm = await MikroORM.init(ormOptions(urlForDatabase(TEMPLATE_DATABASE)));
  try {
    await orm.getMigrator().up();
  } finally {
    await orm.close();
  }
}
