import type { INestApplicationContext } from '@nestjs/common';

/** Exit statuses of the contract: 0 success, 1 invalid input (errors printed), 2 usage error. */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2 } as const;

export class UsageError extends Error {}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal: progress lines are drawn only then. */
  interactive: boolean;
}

/**
 * One command of `npm run cli -- <command>`: its words, its usage line and what it does. `parse` reads
 * the arguments before any database is opened, so a usage error answers at once.
 */
export interface CliCommand<Options = unknown> {
  /** e.g. ['import'] or ['users', 'create']. */
  words: string[];
  usage: string;
  summary: string;
  /** Set for `db migrate`: the app must not apply migrations itself before the command reports them. */
  skipStartupMigrations?: boolean;
  /** Validates the arguments; throws UsageError. */
  parse(args: string[]): Options;
  /** Runs with the app's services (no HTTP); returns the exit status. */
  run(app: INestApplicationContext, options: Options, io: CliIo): Promise<number>;
}

/** Declares a command with its options' type inferred from `parse`. */
export function cliCommand<Options>(command: CliCommand<Options>): CliCommand<Options> {
  return command;
}

export function noArguments(name: string) {
  return (args: string[]): void => {
    if (args.length) throw new UsageError(`${name} takes no arguments (got ${args.join(' ')})`);
  };
}
