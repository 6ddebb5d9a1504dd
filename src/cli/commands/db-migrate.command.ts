import { MikroORM } from '@mikro-orm/core';
import { migrate } from '../../database/migration-runner';
import { cliCommand, EXIT, noArguments } from '../cli-command';

export const dbMigrateCommand = cliCommand({
  words: ['db', 'migrate'],
  usage: 'db migrate',
  summary: 'apply pending database migrations',
  skipStartupMigrations: true,
  parse: noArguments('db migrate'),
  async run(app, _options, io) {
    const applied = await migrate(app.get(MikroORM));
    io.out(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
    return EXIT.ok;
  },
});
