import { defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** MikroORM options for one database URL; shared by the app, the CLI and the tests. */
export function ormOptions(clientUrl: string) {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    // Dates are calendar dates in this domain: keep `date` columns as 'YYYY-MM-DD' strings.
    forceUtcTimezone: true,
    debug: false,
    allowGlobalContext: false,
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: './migrations',
      pathTs: './migrations',
      migrationsList: MIGRATIONS,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? '_' + name : ''}`,
    },
  });
}
