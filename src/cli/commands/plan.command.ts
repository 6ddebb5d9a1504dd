import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { HttpException } from '@nestjs/common';
import { z } from 'zod';
import type { AuditPlanView } from '../../audit-plan/audit-plan.views';
import { AuditPlansService } from '../../audit-plan/audit-plans.service';
import { exportPlan } from '../../audit-plan/export/export-plan';
import { planToTextTable } from '../../audit-plan/export/plan-text-table';
import { fiscalYearBe } from '../../common/fiscal-year-schema';
import { cliCommand, EXIT, UsageError } from '../cli-command';
import { parseOptions } from '../parse-options';

const auditCount = z.coerce.number({ error: 'must be a whole number of audits' }).int('must be a whole number of audits').min(0).max(1000);

const generateOptions = z.object({
  'fiscal-year': fiscalYearBe(),
  financial: auditCount.optional(),
  performance: auditCount.optional(),
  format: z.enum(['table', 'csv', 'ics', 'json', 'xlsx']).default('table'),
  out: z.string().min(1).optional(),
});

export const planGenerateCommand = cliCommand({
  words: ['plan', 'generate'],
  usage: 'plan generate --fiscal-year N [--financial N] [--performance N] [--format table|csv|ics|json|xlsx] [--out FILE]',
  summary: 'generate the annual audit plan from the risk scores and store it as a new draft revision; xlsx needs --out',
  parse(args) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        'fiscal-year': { type: 'string' },
        financial: { type: 'string' },
        performance: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
      },
      allowPositionals: true,
    });
    if (positionals.length) throw new UsageError(`plan generate takes no positional arguments (got ${positionals.join(' ')})`);
    // zod would coerce a missing year to NaN and say it is not a BE year; say what is missing instead.
    if (values['fiscal-year'] === undefined) throw new UsageError('--fiscal-year N is required (Buddhist Era, e.g. 2568)');
    const options = parseOptions(generateOptions, values);
    if (options.format === 'xlsx' && !options.out) throw new UsageError('--format xlsx writes a file: give --out FILE');
    return {
      request: { fiscalYear: options['fiscal-year'], financialAudits: options.financial, performanceAudits: options.performance },
      format: options.format,
      out: options.out,
    };
  },
  async run(app, { request, format, out }, io) {
    let plan: AuditPlanView;
    try {
      plan = await app.get(AuditPlansService).generate(request, `cli (${process.env.USER ?? 'unknown user'})`);
    } catch (error) {
      // The service speaks HTTP (422 with the reasons); on the command line that is invalid input.
      if (error instanceof HttpException) {
        io.err(httpProblemText(error));
        return EXIT.invalidInput;
      }
      throw error;
    }
    const summary = `plan ${plan.id} (fiscal year ${plan.fiscalYear}, revision ${plan.revision}): ${plan.engagements.length} placed, ${plan.unplaced.length} not placed`;
    // The table has its own summary line; the other formats say it on stderr, away from the data.
    const body = format === 'table' ? planToTextTable(plan) : (await exportPlan(plan, format)).body;
    if (out) {
      writeFileSync(out, body);
      io.out(`${summary}; written to ${out}`);
    } else {
      io.out(String(body).replace(/\n$/, ''));
      if (format !== 'table') io.err(summary);
    }
    return EXIT.ok;
  },
});

/** "message" and its problems one a line, from a Nest HTTP exception's body. */
function httpProblemText(error: HttpException): string {
  const body = error.getResponse();
  if (typeof body === 'string') return body;
  const { message, problems } = body as { message?: unknown; problems?: unknown };
  const lines = [Array.isArray(message) ? message.join('; ') : String(message ?? error.message)];
  if (Array.isArray(problems)) lines.push(...problems.map((p) => `  ${String(p)}`));
  return lines.join('\n');
}
