import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125223940_foundation } from '../../migrations/Migration20261125223940_foundation';
import { Migration20261125232334_sources } from '../../migrations/Migration20261125232334_sources';
import { Migration20261126011325_risk } from '../../migrations/Migration20261126011325_risk';
import { Migration20261126013207_audit_plans } from '../../migrations/Migration20261126013207_audit_plans';
import { Migration20261126015212_payment_fiscal_year } from '../../migrations/Migration20261126015212_payment_fiscal_year';
import { Migration20261126120000_flags_fillfactor } from '../../migrations/Migration20261126120000_flags_fillfactor';
import { Migration20261208020001_work_runner } from '../../migrations/Migration20261208020001_work_runner';
import { Migration20261208030001_one_approved_plan_per_year } from '../../migrations/Migration20261208030001_one_approved_plan_per_year';
import { Migration20261208040001_flags_order_indexes } from '../../migrations/Migration20261208040001_flags_order_indexes';
import { Migration20261208050001_risk_score_sets } from '../../migrations/Migration20261208050001_risk_score_sets';

/**
 * Every migration, in order. Listed by import (not found by a folder glob) so the same list runs
 * under ts-jest, ts-node and the compiled `node dist`. `npm run migration:create` writes new files
 * into `migrations/`; add each one here.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261125223940_foundation', class: Migration20261125223940_foundation },
  { name: 'Migration20261125232334_sources', class: Migration20261125232334_sources },
  { name: 'Migration20261126011325_risk', class: Migration20261126011325_risk },
  { name: 'Migration20261126013207_audit_plans', class: Migration20261126013207_audit_plans },
  { name: 'Migration20261126015212_payment_fiscal_year', class: Migration20261126015212_payment_fiscal_year },
  { name: 'Migration20261126120000_flags_fillfactor', class: Migration20261126120000_flags_fillfactor },
  { name: 'Migration20261208020001_work_runner', class: Migration20261208020001_work_runner },
  { name: 'Migration20261208030001_one_approved_plan_per_year', class: Migration20261208030001_one_approved_plan_per_year },
  { name: 'Migration20261208040001_flags_order_indexes', class: Migration20261208040001_flags_order_indexes },
  { name: 'Migration20261208050001_risk_score_sets', class: Migration20261208050001_risk_score_sets },
];
