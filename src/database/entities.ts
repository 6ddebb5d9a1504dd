import { ApiUser } from '../auth/api-user.entity';
import { ImportBatch } from '../imports/import-batch.entity';
import { Agency } from '../universe/agency.entity';
import { BudgetProject } from '../universe/budget-project.entity';
import { HolidayDay } from '../universe/holiday.entity';

/** Every entity, listed explicitly so discovery behaves the same under ts-node, ts-jest and `node dist`. */
export const ENTITIES = [Agency, BudgetProject, HolidayDay, ApiUser, ImportBatch];
