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

/** One command of `npm run cli -- <command>`: its words, its usage line and what it does. */
export interface CliCommand {
  /** e.g. ['import'] or ['users', 'create']. */
  words: string[];
  usage: string;
  summary: string;
  /** Set for `db migrate`: the app must not apply migrations itself before the command reports them. */
  skipStartupMigrations?: boolean;
  /** Runs with the app's services (no HTTP); returns the exit status. */
  run(app: INestApplicationContext, args: string[], io: CliIo): Promise<number>;
}
