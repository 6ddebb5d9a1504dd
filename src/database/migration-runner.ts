import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { AppConfig } from '../config/app-config';

/** Brings the schema up to date before anything else touches it (`MIGRATE_ON_START`, default true). */
@Injectable()
export class MigrationRunner implements OnModuleInit {
  private readonly logger = new Logger('Migrations');

  constructor(
    private readonly orm: MikroORM,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.migrateOnStart) return;
    const applied = await migrate(this.orm);
    if (applied.length) this.logger.log(`applied ${applied.length} migration(s): ${applied.join(', ')}`);
  }
}

/** Runs pending migrations; returns their names. Used at start-up and by `cli db migrate`. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const done = await orm.getMigrator().up();
  return done.map((m) => m.name);
}
