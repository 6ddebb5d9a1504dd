import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { agencyScope } from '../../auth/agency-scope';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { Roles } from '../../auth/roles.decorator';
import { fiscalYearBe } from '../../common/fiscal-year-schema';
import { RiskScoresService } from './risk-scores.service';

const scoresQuery = z.object({
  fiscalYear: fiscalYearBe().optional(),
  agency: z.string().trim().min(1).optional(),
  entityType: z.enum(['agency', 'budget_project']).optional(),
});
class ScoresQueryDto extends createZodDto(scoresQuery) {}

/** Risk scores per agency and budget project, highest first, each with the parts that make it up. */
@ApiTags('risk')
@ApiBearerAuth()
@Controller('api/risk/scores')
export class RiskScoresController {
  constructor(@Inject(RiskScoresService) private readonly scores: RiskScoresService) {}

  @Get()
  @Roles('admin', 'auditor', 'viewer', 'agency')
  @ApiOkResponse({
    description:
      '{ fiscalYear, referenceDate, computedAt, total, items: [{ entityType, key, name, score, likelihood, impact, band, parts: [{ source, value, weight, … }], topFlags }] }. ' +
      'Scores are computed once per state of what they depend on (rules, runs, triage, imports, the reference date) and stored; `computedAt` says when.',
  })
  async list(@Query() query: ScoresQueryDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res() res: Response): Promise<void> {
    const fiscalYear = query.fiscalYear ?? (await this.scores.defaultFiscalYear());
    // Serialised once per stored set and filter (RiskScoresService.answer), so sent as bytes, not re-serialised.
    const answer = await this.scores.answer(fiscalYear, { agency: agencyScope(principal, query.agency), entityType: query.entityType });
    const sent = req.acceptsEncodings('gzip', 'identity') === 'gzip' ? answer.gzipped() : answer;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('ETag', sent.etag);
    if (sent !== answer) res.setHeader('Content-Encoding', 'gzip');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.status(200).end(sent.body);
  }
}
