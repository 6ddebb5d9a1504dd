import { Body, Controller, Get, Inject, Param, Patch, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { agencyScope } from '../../auth/agency-scope';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { Roles } from '../../auth/roles.decorator';
import { FLAG_STATUSES, type FlagStatus } from '../flag.entity';
import { RuleRegistry } from '../rule-registry.service';
import { flagFilterSchema, flagPageSchema } from './flag-filter';
import { primed, writeFlagsCsv, writeFlagsJson, writeFlagsXlsx } from './flag-export';
import { FlagsService, type FlagReader } from './flags.service';
import { Int8IdPipe } from '../../http/id-param';

class FlagPageDto extends createZodDto(flagPageSchema) {}

const exportQuery = flagFilterSchema.extend({ format: z.enum(['csv', 'json', 'xlsx']).default('csv') });
class FlagExportDto extends createZodDto(exportQuery) {}

const triageBody = z.strictObject({
  status: z.enum(FLAG_STATUSES as [FlagStatus, ...FlagStatus[]], { error: 'must be open, confirmed or dismissed' }),
  note: z.string().trim().max(4000).nullable().optional(),
});
class TriageDto extends createZodDto(triageBody) {}

/** Red flags: list with filters and paging, one with its triage history, triage, and exports. Agency users see their own. */
@ApiTags('flags')
@ApiBearerAuth()
@Controller('api/flags')
export class FlagsController {
  constructor(
    @Inject(FlagsService) private readonly flags: FlagsService,
    @Inject(RuleRegistry) private readonly registry: RuleRegistry,
  ) {}

  @Get()
  @Roles('admin', 'auditor', 'viewer', 'agency')
  @ApiOkResponse({
    description:
      '{ total, totalExact, items: [{ id, ruleId, entityType, entityKey, agencyCode, fiscalYear, score, severity, projectIds, vendorTins, paymentDocs, evidence, status, … }], after }. ' +
      '`total` is exact up to 10,000 matches, an estimate above (totalExact false); `after` is the token of the next page (null on the last).',
  })
  list(@Query() query: FlagPageDto, @CurrentPrincipal() principal: Principal) {
    return this.flags.list({ ...query, agency: agencyScope(principal, query.agency) }, readerOf(principal));
  }

  /**
   * `format=csv` (the API's fields), `json`, or `xlsx` (Thai headers and BE dates, for the audit unit's reports),
   * streamed from a cursor as it is written; a client that goes away stops the query.
   */
  @Get('export')
  @Roles('admin', 'auditor', 'viewer', 'agency')
  async export(@Query() query: FlagExportDto, @CurrentPrincipal() principal: Principal, @Res() res: Response) {
    const { format, ...filter } = query;
    const scoped = { ...filter, agency: agencyScope(principal, filter.agency) };
    const stem = `flags${filter.fiscalYear ? `-${filter.fiscalYear}` : ''}`;
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    let total = 0;
    const batches = await primed(
      this.flags.stream(scoped, readerOf(principal), {
        signal: gone.signal,
        onTotal: format === 'json' ? (n) => void (total = n) : undefined,
      }),
    );
    res.status(200);
    try {
      if (format === 'xlsx') {
        const titles = new Map(this.registry.ruleSet.rules.map((r) => [r.id as string, r.title]));
        res.set({ 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': `attachment; filename="${stem}.xlsx"` });
        await writeFlagsXlsx(batches, titles, res);
        return;
      }
      if (format === 'json') {
        res.set({ 'Content-Type': 'application/json; charset=utf-8' });
        await writeFlagsJson(batches, () => total, res);
      } else {
        res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${stem}.csv"` });
        await writeFlagsCsv(batches, res);
      }
      res.end();
    } catch (error) {
      // Before the first byte the error is answered as usual; after it, the only honest signal is a cut transfer.
      if (!res.headersSent) throw error;
      res.destroy(error as Error);
    }
  }

  @Get(':id')
  @Roles('admin', 'auditor', 'viewer', 'agency')
  one(@Param('id', Int8IdPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.flags.one(id, agencyScope(principal), readerOf(principal));
  }

  /** Triage: confirmed, dismissed or back to open, with a note; kept in the flag's history and across runs. */
  @Patch(':id')
  @Roles('admin', 'auditor')
  triage(@Param('id', Int8IdPipe) id: string, @Body() body: TriageDto, @CurrentPrincipal() principal: Principal) {
    return this.flags.triage(id, { status: body.status, note: body.note }, principal.name);
  }
}

/** An agency caller reads evidence narrowed to its own rows (evidence-scope/); the other roles read it whole. */
function readerOf(principal: Principal): FlagReader {
  return principal.role === 'agency' ? (principal.agencyCode ?? '\u0000no-agency') : null;
}
