import { BadRequestException, Body, Controller, Get, Inject, InternalServerErrorException, NotFoundException, Param, Post, Query, ServiceUnavailableException } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { agencyScope } from '../../auth/agency-scope';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { Roles } from '../../auth/roles.decorator';
import { fiscalYearBe } from '../../common/fiscal-year-schema';
import { RiskRunsQueries } from './risk-runs.queries';
import { RiskRunFailedError } from './risk-run-failed.error';
import { RiskRunsService, UnknownRulesError } from './risk-runs.service';
import type { RuleId } from '../rule-file.schema';
import { Int8IdPipe } from '../../http/id-param';

const runRequest = z.strictObject({
  fiscalYear: fiscalYearBe().nullable().optional(),
  rules: z.array(z.string().min(1)).min(1, 'name at least one rule, or leave rules out to run every enabled rule').optional(),
});
class RunRequestDto extends createZodDto(runRequest) {}

const notCalculableQuery = z.object({
  rule: z.string().optional(),
  agency: z.string().optional(),
  fiscalYear: fiscalYearBe().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
class NotCalculableQueryDto extends createZodDto(notCalculableQuery) {}

/** Rule runs (api-contract.md "Rules and flags"): start one, list them, and what the rules could not judge. */
@ApiTags('risk')
@ApiBearerAuth()
@Controller('api/risk')
export class RiskRunsController {
  constructor(
    @Inject(RiskRunsService) private readonly runs: RiskRunsService,
    @Inject(RiskRunsQueries) private readonly queries: RiskRunsQueries,
  ) {}

  @Post('runs')
  @Roles('admin', 'auditor')
  @ApiCreatedResponse({ description: '{ runId, status, results: { <ruleId>: { flagged, clear, notCalculable, durationMs } }, … }' })
  @ApiServiceUnavailableResponse({ description: '{ message }: the run lost its database connection; it is recorded failed and nothing of it was kept' })
  async start(@Body() body: RunRequestDto, @CurrentPrincipal() principal: Principal) {
    try {
      return await this.runs.run({ fiscalYear: body.fiscalYear, rules: body.rules as RuleId[] | undefined, startedBy: `api: ${principal.name}` });
    } catch (error) {
      if (error instanceof UnknownRulesError) throw new BadRequestException(error.message);
      // The run is recorded failed and nothing of it was kept: say why. A lost connection is worth retrying (503).
      if (error instanceof RiskRunFailedError && error.connectionLost) throw new ServiceUnavailableException(error.message);
      if (error instanceof RiskRunFailedError) throw new InternalServerErrorException(error.message);
      throw error;
    }
  }

  @Get('runs')
  @Roles('admin', 'auditor', 'viewer')
  list() {
    return this.queries.list();
  }

  @Get('runs/:id')
  @Roles('admin', 'auditor', 'viewer')
  async one(@Param('id', Int8IdPipe) id: string) {
    const run = /^\d+$/.test(id) ? await this.queries.one(id) : undefined;
    if (!run) throw new NotFoundException(`no rule run ${id}`);
    return run;
  }

  /** Entities the latest run of each rule examined but could not judge, with the reason. */
  @Get('not-calculable')
  @Roles('admin', 'auditor', 'agency')
  notCalculable(@Query() query: NotCalculableQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.queries.notCalculable({ ...query, agency: agencyScope(principal, query.agency) });
  }
}
