import { Body, Controller, Get, Inject, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { agencyScope } from '../auth/agency-scope';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ANY_ROLE, Roles } from '../auth/roles.decorator';
import { UniverseService } from './universe.service';
import { HOLIDAY_KINDS } from './holiday.entity';
import { todayInBangkok } from '../common/bangkok-date';
import { isIsoDate } from '../common/iso-date';
import { fiscalYearBe } from '../common/fiscal-year-schema';

const budgetProjectsQuery = z.object({
  fiscalYear: fiscalYearBe().optional(),
  agency: z.string().optional(),
});
class BudgetProjectsQueryDto extends createZodDto(budgetProjectsQuery) {}

const holidaysQuery = z.object({
  /** A calendar year, CE (2025) or BE (2568). */
  year: z.coerce.number().int().min(1900).max(2700).optional(),
});
class HolidaysQueryDto extends createZodDto(holidaysQuery) {}

const newHoliday = z.object({
  date: z.string().refine(isIsoDate, 'must be a date as YYYY-MM-DD'),
  name: z.string().trim().min(1).max(300),
  kind: z.enum(HOLIDAY_KINDS).default('cabinet'),
});
class NewHolidayDto extends createZodDto(newHoliday) {}

/** Reference data: agencies, provincial-budget projects and the holiday calendar. */
@ApiTags('reference data')
@ApiBearerAuth()
@Controller('api')
export class UniverseController {
  constructor(@Inject(UniverseService) private readonly universe: UniverseService) {}

  @Get('agencies')
  @Roles(...ANY_ROLE)
  agencies(@CurrentPrincipal() principal: Principal) {
    return this.universe.agencies(agencyScope(principal));
  }

  @Get('agencies/:code')
  @Roles(...ANY_ROLE)
  async agency(@Param('code') code: string, @CurrentPrincipal() principal: Principal) {
    agencyScope(principal, code); // refuses another agency's code to an agency user
    const agency = await this.universe.agency(code);
    if (!agency) throw new NotFoundException(`no agency ${code}`);
    return agency;
  }

  @Get('budget-projects')
  @Roles(...ANY_ROLE)
  budgetProjects(@Query() query: BudgetProjectsQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.universe.budgetProjects(query.fiscalYear, agencyScope(principal, query.agency));
  }

  @Get('auditors')
  @Roles('admin', 'auditor')
  auditors() {
    return this.universe.auditors();
  }

  @Get('holidays')
  @Roles(...ANY_ROLE)
  holidays(@Query() query: HolidaysQueryDto) {
    const year = query.year ?? Number(todayInBangkok().slice(0, 4));
    return this.universe.holidays(year >= 2400 ? year - 543 : year);
  }

  @Post('holidays')
  @Roles('admin')
  addHoliday(@Body() body: NewHolidayDto) {
    return this.universe.addHoliday(body);
  }
}
