import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { DatabaseUnavailableFilter } from '../http/database-unavailable.filter';
import { ormOptions } from './orm-options';
import { SqlDatabase } from './sql-database';

@Injectable()
class SqlDatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(SqlDatabase) private readonly sql: SqlDatabase) {}
  async onApplicationShutdown(): Promise<void> {
    await this.sql.close();
  }
}

/** MikroORM and the plain-SQL pool over one database URL, chosen before the app is built. */
@Global()
@Module({})
export class DatabaseModule {
  static forUrl(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [MikroOrmModule.forRoot({ ...ormOptions(url), registerRequestContext: true })],
      providers: [
        { provide: SqlDatabase, useFactory: () => new SqlDatabase(url) },
        SqlDatabaseCloser,
        // Registered with the pool whose errors it maps: a lost connection answers 503.
        { provide: APP_FILTER, useClass: DatabaseUnavailableFilter },
      ],
      exports: [SqlDatabase],
    };
  }
}
