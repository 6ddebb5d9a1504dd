import type { ImportSource } from '../source-definition';
import { agenciesSource } from './agencies.source';
import { budgetProjectsSource } from './budget-projects.source';
import { holidaysSource } from './holidays.source';

/** Every source, in the order a full load must run (referenced tables first). */
export const ALL_SOURCES: ImportSource[] = [agenciesSource, budgetProjectsSource, holidaysSource];
