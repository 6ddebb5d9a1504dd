import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
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
      ],
      exports: [SqlDatabase],
    };
  }
}
