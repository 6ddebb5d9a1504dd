import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { RuleRegistry } from '../../risk/rule-registry.service';
import { flagFilterSchema } from '../../risk/flags/flag-filter';
import { flagsToCsv, flagsToXlsx } from '../../risk/flags/flag-export';
import { FlagsService, type FlagView } from '../../risk/flags/flags.service';
import { cliCommand, EXIT, UsageError } from '../cli-command';
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
  async run(app, { filter, format, out }, io) {
    const flags = await app.get(FlagsService).all(filter);
    if (format === 'xlsx') {
      const titles = new Map(app.get(RuleRegistry).ruleSet.rules.map((r) => [r.id as string, r.title]));
      writeFileSync(out!, await flagsToXlsx(flags, titles));
      io.out(`${flags.length} flag(s) written to ${out}`);
      return EXIT.ok;
    }
    const text = format === 'csv' ? flagsToCsv(flags) : format === 'json' ? `${JSON.stringify({ total: flags.length, items: flags }, null, 2)}\n` : table(flags);
    if (out) {
      writeFileSync(out, text);
      io.out(`${flags.length} flag(s) written to ${out}`);
    } else {
      io.out(text.replace(/\n$/, ''));
    }
    return EXIT.ok;
  },
});

function table(flags: readonly FlagView[]): string {
  const lines = [`${'id'.padStart(6)}  ${'rule'.padEnd(28)} ${'entity'.padEnd(36)} ${'agency'.padEnd(6)} ${'FY'.padEnd(4)} ${'severity'.padEnd(8)} ${'score'.padStart(5)} status`];
  for (const f of flags) {
    lines.push(
      `${f.id.padStart(6)}  ${f.ruleId.padEnd(28)} ${f.entityKey.padEnd(36)} ${(f.agencyCode ?? '-').padEnd(6)} ${String(f.fiscalYear ?? '-').padEnd(4)} ${f.severity.padEnd(8)} ${f.score.toFixed(2).padStart(5)} ${f.status}`,
    );
  }
  lines.push(`${flags.length} flag(s)`);
  return `${lines.join('\n')}\n`;
}
