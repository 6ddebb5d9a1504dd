import { MikroORM } from '@mikro-orm/core';
import { migrate } from '../../database/migration-runner';
import { CliCommand, EXIT, UsageError } from '../cli-command';

export const dbMigrateCommand: CliCommand = {
  words: ['db', 'migrate'],
  usage: 'db migrate',
  summary: 'apply pending database migrations',
  skipStartupMigrations: true,
  async run(app, args, io) {
    if (args.length) throw new UsageError(`db migrate takes no arguments (got ${args.join(' ')})`);
    const applied = await migrate(app.get(MikroORM));
    io.out(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
    return EXIT.ok;
  },
};
