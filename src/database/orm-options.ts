import { defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from './entities';
import { APPLICATION_NAME } from './instance-name';
import { MIGRATIONS } from './migrations';

/** MikroORM options for one database URL; shared by the app, the CLI and the tests. */
export function ormOptions(clientUrl: string) {
  return defineConfig({
    clientUrl,
    // The ORM's sessions carry the process's name too (see instance-name.ts).
    driverOptions: { connection: { application_name: APPLICATION_NAME } },
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
