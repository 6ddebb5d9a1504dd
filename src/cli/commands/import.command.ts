import { createReadStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ImportService } from '../../imports/import.service';
import { ALL_SOURCES } from '../../imports/sources';
import { cliCommand, CliIo, EXIT, UsageError } from '../cli-command';
import { parseOptions } from '../parse-options';
import { progressLine } from '../progress-line';

const optionsSchema = z.object({
  mode: z.enum(['strict', 'skip-invalid']).default('strict'),
  'dry-run': z.boolean().default(false),
  format: z.enum(['text', 'json']).default('text'),
});

export const importCommand = cliCommand({
  words: ['import'],
  usage: 'import <source> <file> [--mode strict|skip-invalid] [--dry-run] [--format text|json]',
  summary: 'import one CSV file as one batch',
  parse(args) {
    const { values, positionals } = parseArgs({
      args,
      options: { mode: { type: 'string' }, 'dry-run': { type: 'boolean' }, format: { type: 'string' } },
      allowPositionals: true,
    });
    const options = parseOptions(optionsSchema, values);
    if (positionals.length !== 2) throw new UsageError('import needs a source and a file');
    const [sourceName, file] = positionals;
    const known = ALL_SOURCES.map((s) => s.name);
    if (!known.includes(sourceName)) throw new UsageError(`unknown source "${sourceName}"; known: ${known.join(', ')}`);
    if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
    return { ...options, sourceName, file };
  },
  async run(app, { sourceName, file, ...options }, io) {
    const progress = progressLine(io);
    const started = Date.now();
    const outcome = await app.get(ImportService).import({
      source: sourceName,
      input: createReadStream(file),
      fileName: basename(file),
      mode: options.mode,
      dryRun: options['dry-run'],
      by: `cli (${process.env.USER ?? 'unknown user'})`,
      onProgress: (rows) => {
        const rate = Math.round(rows / Math.max((Date.now() - started) / 1000, 0.001));
        progress.update(`${rows.toLocaleString('en-US')} rows read (${rate.toLocaleString('en-US')} rows/s)`);
      },
    });
    progress.done();

    if (options.format === 'json') io.out(JSON.stringify(outcome, null, 2));
    else {
      io.out(
        `${outcome.source} batch ${outcome.batchId}: ${outcome.status}; ${outcome.rows} rows, ` +
          `${outcome.inserted} inserted, ${outcome.updated} updated, ${outcome.unchanged} unchanged, ${outcome.rejected} rejected`,
      );
      for (const e of outcome.errors) io.err(`  error  row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
      for (const r of outcome.repairs) io.err(`  repair row ${r.row}${r.column ? `, ${r.column}` : ''}: ${r.message}`);
      if (outcome.errorsTruncated) io.err('  … more errors not listed');
    }
    return outcome.status === 'rejected' ? EXIT.invalidInput : EXIT.ok;
  },
});
