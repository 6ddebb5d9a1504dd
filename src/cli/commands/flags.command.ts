import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { RuleRegistry } from '../../risk/rule-registry.service';
import { flagFilterSchema } from '../../risk/flags/flag-filter';
import { writeFlagsCsv, writeFlagsJson, writeFlagsXlsx } from '../../risk/flags/flag-export';
import { FlagsService, type FlagView } from '../../risk/flags/flags.service';
import { cliCommand, EXIT, UsageError, type CliIo } from '../cli-command';
import { parseOptions } from '../parse-options';

const listOptions = z.object({
  rule: z.string().optional(),
  agency: z.string().optional(),
  'fiscal-year': z.string().optional(),
  status: z.string().optional(),
  format: z.enum(['table', 'csv', 'json', 'xlsx']).default('table'),
  out: z.string().optional(),
});

export const flagsListCommand = cliCommand({
  words: ['flags', 'list'],
  usage: 'flags list [--rule R] [--agency CODE] [--fiscal-year N] [--status open|confirmed|dismissed] [--format table|csv|json|xlsx] [--out FILE]',
  summary: 'list the red flags, most serious first; xlsx (Thai headers, BE dates) needs --out',
  parse(args) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        rule: { type: 'string' },
        agency: { type: 'string' },
        'fiscal-year': { type: 'string' },
        status: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
      },
      allowPositionals: true,
    });
    if (positionals.length) throw new UsageError(`flags list takes no positional arguments (got ${positionals.join(' ')})`);
    const options = parseOptions(listOptions, values);
    const filter = parseOptions(flagFilterSchema, {
      rule: options.rule,
      agency: options.agency,
      fiscalYear: options['fiscal-year'],
      status: options.status,
    });
    if (options.format === 'xlsx' && !options.out) throw new UsageError('--format xlsx writes a file: give --out FILE');
    return { filter, format: options.format, out: options.out };
  },
  /** Streams from the same cursor and writers as GET /api/flags/export: memory stays one batch whatever the count. */
  async run(app, { filter, format, out }, io) {
    let total = 0;
    const batches = app.get(FlagsService).stream(filter, null, { onTotal: format === 'json' ? (n) => void (total = n) : undefined });
    if (format === 'table') {
      io.out(TABLE_HEADER);
      let count = 0;
      for await (const flags of batches) {
        io.out(flags.map(tableLine).join('\n'));
        count += flags.length;
      }
      io.out(`${count} flag(s)`);
      return EXIT.ok;
    }
    const target = out ? createWriteStream(out) : linesTo(io);
    let count: number;
    if (format === 'xlsx') {
      const titles = new Map(app.get(RuleRegistry).ruleSet.rules.map((r) => [r.id as string, r.title]));
      count = await writeFlagsXlsx(batches, titles, target);
    } else {
      count = format === 'csv' ? await writeFlagsCsv(batches, target) : await writeFlagsJson(batches, () => total, target);
      target.end();
    }
    await finished(target);
    if (out) io.out(`${count} flag(s) written to ${out}`);
    return EXIT.ok;
  },
});

const TABLE_HEADER = `${'id'.padStart(6)}  ${'rule'.padEnd(28)} ${'entity'.padEnd(36)} ${'agency'.padEnd(6)} ${'FY'.padEnd(4)} ${'severity'.padEnd(8)} ${'score'.padStart(5)} status`;

function tableLine(f: FlagView): string {
  return `${f.id.padStart(6)}  ${f.ruleId.padEnd(28)} ${f.entityKey.padEnd(36)} ${(f.agencyCode ?? '-').padEnd(6)} ${String(f.fiscalYear ?? '-').padEnd(4)} ${f.severity.padEnd(8)} ${f.score.toFixed(2).padStart(5)} ${f.status}`;
}

/** A stream that prints whole lines through the CLI's output (stdout, or the tests' capture). */
function linesTo(io: CliIo): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      const text = pending + chunk.toString('utf8');
      const end = text.lastIndexOf('\n');
      if (end >= 0) io.out(text.slice(0, end));
      pending = text.slice(end + 1);
      done();
    },
    final(done) {
      if (pending) io.out(pending);
      done();
    },
  });
}
