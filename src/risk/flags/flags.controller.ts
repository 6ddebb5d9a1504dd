import { Body, Controller, Get, Inject, Param, Patch, Query, Res, StreamableFile } from '@nestjs/common';
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
import { flagsToCsv, flagsToXlsx } from './flag-export';
import { FlagsService } from './flags.service';
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
  @ApiOkResponse({ description: '{ total, items: [{ id, ruleId, entityType, entityKey, agencyCode, fiscalYear, score, severity, projectIds, vendorTins, paymentDocs, evidence, status, … }] }' })
  list(@Query() query: FlagPageDto, @CurrentPrincipal() principal: Principal) {
    return this.flags.list({ ...query, agency: agencyScope(principal, query.agency) });
  }

  /** `format=csv` (the API's fields), `json`, or `xlsx` (Thai headers and BE dates, for the audit unit's reports). */
  @Get('export')
  @Roles('admin', 'auditor', 'viewer', 'agency')
  async export(@Query() query: FlagExportDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    const { format, ...filter } = query;
    const flags = await this.flags.all({ ...filter, agency: agencyScope(principal, filter.agency) });
    const stem = `flags${filter.fiscalYear ? `-${filter.fiscalYear}` : ''}`;
    if (format === 'json') return { total: flags.length, items: flags };
    if (format === 'csv') {
      res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${stem}.csv"` });
      return flagsToCsv(flags);
    }
    const titles = new Map(this.registry.ruleSet.rules.map((r) => [r.id as string, r.title]));
    res.set({
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${stem}.xlsx"`,
    });
    return new StreamableFile(await flagsToXlsx(flags, titles));
  }

  @Get(':id')
  @Roles('admin', 'auditor', 'viewer', 'agency')
  one(@Param('id', Int8IdPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.flags.one(id, agencyScope(principal));
  }

  /** Triage: confirmed, dismissed or back to open, with a note; kept in the flag's history and across runs. */
  @Patch(':id')
  @Roles('admin', 'auditor')
  triage(@Param('id', Int8IdPipe) id: string, @Body() body: TriageDto, @CurrentPrincipal() principal: Principal) {
    return this.flags.triage(id, { status: body.status, note: body.note }, principal.name);
  }
}
