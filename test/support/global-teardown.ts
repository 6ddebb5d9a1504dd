import { DATABASE_PREFIX, templateDatabase, withServer } from './test-database';

/** Drops this run's template and any database a test file failed to drop. */
export default async function globalTeardown(): Promise<void> {
  const runPrefix = templateDatabase().replace(/template$/, '');
  await withServer(async (c) => {
    const mine = await c.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`${runPrefix}%`]);
    for (const { datname } of mine.rows) {
      if (datname.startsWith(DATABASE_PREFIX)) await c.query(`drop database if exists ${datname} with (force)`);
    }
  });
}
