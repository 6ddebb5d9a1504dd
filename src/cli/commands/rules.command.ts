import { parseArgs } from 'node:util';
import { z } from 'zod';
import { fiscalYearBe } from '../../common/fiscal-year-schema';
import { RuleRegistry } from '../../risk/rule-registry.service';
import { isRuleId, type RuleId } from '../../risk/rule-file.schema';
import { RiskRunsService, UnknownRulesError } from '../../risk/runs/risk-runs.service';
import { cliCommand, EXIT, noArguments, UsageError } from '../cli-command';
import { parseOptions } from '../parse-options';
import { progressLine } from '../progress-line';

export const rulesListCommand = cliCommand({
  words: ['rules', 'list'],
  usage: 'rules list',
  summary: 'list the rules in force: id, enabled, weight, severity, parameters, file',
  parse: noArguments('rules list'),
  async run(app, _options, io) {
    const set = app.get(RuleRegistry).ruleSet;
    io.out(`rules in force: ${set.rules.length} (hash ${set.hash.slice(0, 12)})`);
    for (const r of set.rules) {
      io.out(`${r.enabled ? 'on ' : 'off'}  ${r.id.padEnd(30)} w${r.weight} ${r.severity.padEnd(8)} ${JSON.stringify(r.parameters)}  ${r.title.th}`);
    }
    return EXIT.ok;
  },
});

const runOptions = z.object({
  'fiscal-year': fiscalYearBe().optional(),
  rule: z.array(z.string()).optional(),
  format: z.enum(['text', 'json']).default('text'),
});

export const rulesRunCommand = cliCommand({
  words: ['rules', 'run'],
  usage: 'rules run [--fiscal-year N] [--rule ID ...] [--format text|json]',
  summary: 'run the enabled rules (or those named) over the loaded data and store their flags',
  parse(args) {
    const { values, positionals } = parseArgs({
      args,
      options: { 'fiscal-year': { type: 'string' }, rule: { type: 'string', multiple: true }, format: { type: 'string' } },
      allowPositionals: true,
    });
    if (positionals.length) throw new UsageError(`rules run takes no positional arguments (got ${positionals.join(' ')})`);
    const options = parseOptions(runOptions, values);
    const unknown = (options.rule ?? []).filter((id) => !isRuleId(id));
    if (unknown.length) throw new UsageError(`unknown rule ${unknown.join(', ')}; see \`rules list\``);
    return { fiscalYear: options['fiscal-year'], rules: options.rule as RuleId[] | undefined, format: options.format };
  },
  async run(app, options, io) {
    const progress = progressLine(io);
    try {
      const report = await app.get(RiskRunsService).run({
        fiscalYear: options.fiscalYear,
        rules: options.rules,
        startedBy: `cli (${process.env.USER ?? 'unknown user'})`,
        onProgress: (done, total, ruleId) => progress.update(`${done}/${total} rules (${ruleId})`, true),
      });
      progress.done();
      if (options.format === 'json') {
        io.out(JSON.stringify(report, null, 2));
        return EXIT.ok;
      }
      io.out(`run ${report.runId}: ${report.status} in ${report.durationMs} ms; fiscal year ${report.fiscalYear ?? 'all'}, judged at ${report.referenceDate}`);
      io.out(`${'rule'.padEnd(30)} ${'flagged'.padStart(8)} ${'clear'.padStart(8)} ${'n/c'.padStart(8)} ${'ms'.padStart(7)}`);
      for (const [id, r] of Object.entries(report.results)) {
        io.out(`${id.padEnd(30)} ${String(r.flagged).padStart(8)} ${String(r.clear).padStart(8)} ${String(r.notCalculable).padStart(8)} ${String(r.durationMs).padStart(7)}`);
      }
      if (report.skipped.length) io.out(`switched off in their files, not run: ${report.skipped.join(', ')}`);
      return EXIT.ok;
    } catch (error) {
      progress.done();
      if (error instanceof UnknownRulesError) {
        io.err(error.message);
        return EXIT.invalidInput;
      }
      throw error;
    }
  },
});
