import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Agency } from './agency.entity';
import { Auditor } from './auditor.entity';
import { BudgetProject } from './budget-project.entity';
import { HolidayDay, HolidayKind } from './holiday.entity';
import { WorkingCalendarService } from './working-calendar.service';

@Injectable()
export class UniverseService {
  constructor(
    private readonly em: EntityManager,
    @Inject(WorkingCalendarService) private readonly calendar: WorkingCalendarService,
  ) {}

  /** `scope` is the agency an agency user is pinned to (undefined: all agencies). */
  async agencies(scope?: string) {
    const items = await this.em.fork().find(Agency, scope ? { code: scope } : {}, { orderBy: { code: 'asc' } });
    return { total: items.length, items };
  }

  async agency(code: string) {
    return this.em.fork().findOne(Agency, { code });
  }

  async budgetProjects(fiscalYear?: number, scope?: string) {
    const where: Record<string, unknown> = {};
    if (fiscalYear) where.fiscalYear = fiscalYear;
    if (scope) where.agencyCode = scope;
    const items = await this.em.fork().find(BudgetProject, where, { orderBy: { code: 'asc' } });
    return { total: items.length, items };
  }

  async auditors() {
    const items = await this.em.fork().find(Auditor, {}, { orderBy: { auditorId: 'asc' } });
    return { total: items.length, items };
  }

  async holidays(yearCe: number) {
    const items = await this.calendar.daysOff(yearCe);
    return { total: items.length, year: yearCe, yearBe: yearCe + 543, items };
  }

  /** Adds or corrects one day off; the working-day calendar picks it up at once. */
  async addHoliday(input: { date: string; name: string; kind: HolidayKind }) {
    const em = this.em.fork();
    const existing = await em.findOne(HolidayDay, { date: input.date });
    const day = existing ?? em.create(HolidayDay, { ...input, createdAt: new Date(), updatedAt: new Date() });
    em.assign(day, { name: input.name, kind: input.kind, updatedAt: new Date() });
    await em.flush();
    this.calendar.invalidate();
    return day;
  }
}
