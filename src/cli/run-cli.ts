import { INestApplicationContext, NotFoundException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig } from '../config/app-config';
import { CsvFormatError } from '../common/csv/csv-format-error';
import { openDatabase, OpenedDatabase } from '../database/open-database';
import { ImportInputError } from '../imports/import-errors';
import { CliCommand, CliIo, EXIT, UsageError } from './cli-command';
import { agencyNamesMapCommand, agencyNamesUnmatchedCommand } from './commands/agency-names.command';
import { dbMigrateCommand } from './commands/db-migrate.command';
import { inboxScanCommand } from './commands/inbox-scan.command';
import { importCommand } from './commands/import.command';
import { flagsListCommand } from './commands/flags.command';
import { planGenerateCommand } from './commands/plan.command';
import { rulesListCommand, rulesRunCommand } from './commands/rules.command';
import { usersCreateCommand } from './commands/users-create.command';

// Each command has its own options type; the list only needs words, parse and run to line up.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const COMMANDS: CliCommand<any>[] = [
  dbMigrateCommand,
  importCommand,
  usersCreateCommand,
  agencyNamesUnmatchedCommand,
  agencyNamesMapCommand,
  inboxScanCommand,
  rulesListCommand,
  rulesRunCommand,
  flagsListCommand,
  planGenerateCommand,
];

const consoleIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  interactive: Boolean(process.stderr.isTTY),
};

/** `npm run cli -- <command>`: finds the command, builds the app without HTTP, runs it, returns the exit status. */
export async function runCli(argv: string[], io: CliIo = consoleIo): Promise<number> {
  const command = COMMANDS.find((c) => c.words.every((w, i) => argv[i] === w));
  if (!command) {
    io.err(argv.length && argv[0] !== 'help' && argv[0] !== '--help' ? `unknown command: ${argv.join(' ')}\n` : '');
    io.err(helpText());
    return argv.length && argv[0] !== 'help' && argv[0] !== '--help' ? EXIT.usage : EXIT.ok;
  }
  let options: unknown;
  try {
    options = command.parse(argv.slice(command.words.length));
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\nusage: ${command.usage}`);
      return EXIT.usage;
    }
    throw error;
  }
  let database: OpenedDatabase | undefined;
  let app: INestApplicationContext | undefined;
  try {
    const config = loadConfig(command.skipStartupMigrations ? { ...process.env, MIGRATE_ON_START: 'false' } : process.env);
    database = await openDatabase(config, () => undefined);
    app = await NestFactory.createApplicationContext(
      AppModule.forRoot({ config, databaseUrl: database.url, databaseKind: database.kind, http: false }),
      { logger: ['error', 'warn'] },
    );
    return await command.run(app, options, io);
  } catch (error) {
    if (error instanceof NotFoundException) {
      io.err(error.message);
      return EXIT.invalidInput;
    }
    if (error instanceof ConfigError || error instanceof ImportInputError || error instanceof CsvFormatError) {
      io.err((error as Error).message);
      return EXIT.invalidInput;
    }
    io.err(`failed: ${(error as Error).stack ?? String(error)}`);
    return EXIT.invalidInput;
  } finally {
    await app?.close();
    await database?.embedded?.stop();
  }
}

function helpText(): string {
  const lines = COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `usage: npm run cli -- <command>\n\ncommands:\n${lines.join('\n')}`;
}
