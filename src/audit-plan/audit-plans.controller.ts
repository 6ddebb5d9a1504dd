import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { agencyScope } from '../auth/agency-scope';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { engagementChangeSchema, planRequestSchema } from './audit-plan.views';
import { AuditPlansQueries } from './audit-plans.queries';
import { AuditPlansService } from './audit-plans.service';
import { exportPlan } from './export/export-plan';
import { Int8IdPipe } from '../http/id-param';

class PlanRequestDto extends createZodDto(planRequestSchema) {}
class EngagementChangeDto extends createZodDto(engagementChangeSchema) {}
const exportQuery = z.object({ format: z.enum(['csv', 'ics', 'json', 'xlsx']).default('json') });
class ExportQueryDto extends createZodDto(exportQuery) {}

/** The annual audit plan (api-contract.md "Audit plan"): generate, read, move or re-staff, approve, export. */
@ApiTags('audit plans')
@ApiBearerAuth()
@Controller('api/audit-plans')
export class AuditPlansController {
  constructor(
    @Inject(AuditPlansService) private readonly plans: AuditPlansService,
    @Inject(AuditPlansQueries) private readonly queries: AuditPlansQueries,
  ) {}

  @Post()
  @Roles('admin', 'auditor')
  @ApiCreatedResponse({ description: '{ id, fiscalYear, engagements: [{ id, auditeeType, auditeeKey, auditType, start, end, workingDays, auditors, riskScore, rationale, … }], unplaced: [{ …, reason }] }' })
  generate(@Body() body: PlanRequestDto, @CurrentPrincipal() principal: Principal) {
    return this.plans.generate(body, principal.name);
  }

  @Get()
  @Roles('admin', 'auditor', 'viewer', 'agency')
  list(@CurrentPrincipal() principal: Principal) {
    return this.queries.list(agencyScope(principal));
  }

  /** An agency user sees only its own engagements. */
  @Get(':id')
  @Roles('admin', 'auditor', 'viewer', 'agency')
  one(@Param('id', Int8IdPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.plans.plan(id, agencyScope(principal));
  }

  @Get(':id/export')
  @Roles('admin', 'auditor', 'viewer', 'agency')
  async export(@Param('id', Int8IdPipe) id: string, @Query() query: ExportQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    const plan = await this.plans.plan(id, agencyScope(principal));
    const file = await exportPlan(plan, query.format);
    res.set({ 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.fileName}"` });
    return typeof file.body === 'string' ? file.body : new StreamableFile(file.body);
  }

  /** Move (a new start) or re-staff an engagement; checked against every constraint; 422 lists what it breaks, 409 when approved. */
  @Patch(':id/engagements/:eid')
  @Roles('admin', 'auditor')
  @ApiUnprocessableEntityResponse({ description: '{ message, problems: [reason, …] }: the change breaks a constraint and nothing changed' })
  edit(@Param('id', Int8IdPipe) id: string, @Param('eid', Int8IdPipe) eid: string, @Body() body: EngagementChangeDto, @CurrentPrincipal() principal: Principal) {
    return this.plans.editEngagement(id, eid, body, principal.name);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('admin', 'auditor')
  approve(@Param('id', Int8IdPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.plans.approve(id, principal.name);
  }
}
