import type { ImportSource } from '../source-definition';
import { agenciesSource } from './agencies.source';
import { blacklistSource } from './blacklist.source';
import { budgetProjectsSource } from './budget-projects.source';
import { committeesSource } from './committees.source';
import { deliveriesSource } from './deliveries.source';
import { egpBiddersSource } from './egp-bidders.source';
import { egpContractsSource } from './egp-contracts.source';
import { holidaysSource } from './holidays.source';
import { tenderEventsSource } from './tender-events.source';
import { vendorsSource } from './vendors.source';

/** Every source, in the order a full load must run (referenced tables first). */
export const ALL_SOURCES: ImportSource[] = [
  agenciesSource,
  budgetProjectsSource,
  holidaysSource,
  vendorsSource,
  blacklistSource,
  egpContractsSource,
  egpBiddersSource,
  tenderEventsSource,
  committeesSource,
  deliveriesSource,
];
