import type { ImportSource } from '../source-definition';
import { agenciesSource } from './agencies.source';
import { auditorsSource } from './auditors.source';
import { blacklistSource } from './blacklist.source';
import { budgetProjectsSource } from './budget-projects.source';
import { committeesSource } from './committees.source';
import { complaintsSource } from './complaints.source';
import { controlPlansSource } from './control-plans.source';
import { deliveriesSource } from './deliveries.source';
import { egpBiddersSource } from './egp-bidders.source';
import { egpContractsSource } from './egp-contracts.source';
import { gfmisDisbursementsSource } from './gfmis-disbursements.source';
import { gfmisPaymentsSource } from './gfmis-payments.source';
import { holidaysSource } from './holidays.source';
import { planResultsSource } from './plan-results.source';
import { tenderEventsSource } from './tender-events.source';
import { vendorsSource } from './vendors.source';

/** Every source of the contract, in the order a full load must run (referenced tables first). */
export const ALL_SOURCES: ImportSource[] = [
  agenciesSource,
  budgetProjectsSource,
  holidaysSource,
  auditorsSource,
  vendorsSource,
  blacklistSource,
  egpContractsSource,
  egpBiddersSource,
  tenderEventsSource,
  committeesSource,
  deliveriesSource,
  gfmisDisbursementsSource,
  gfmisPaymentsSource,
  controlPlansSource,
  planResultsSource,
  complaintsSource,
];
