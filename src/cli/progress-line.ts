import type { CliIo } from './cli-command';

/**
 * A self-overwriting progress line on a terminal (stderr), at most four redraws a second; silent when
 * output is piped, so scripts read clean output.
 */
export function progressLine(io: CliIo) {
  let lastDrawn = 0;
  return {
    update(text: string, force = false): void {
      if (!io.interactive || (!force && Date.now() - lastDrawn < 250)) return;
      lastDrawn = Date.now();
      process.stderr.write(`\r  ${text}   `);
    },
    done(): void {
      if (io.interactive && lastDrawn) process.stderr.write('\n');
    },
  };
}
