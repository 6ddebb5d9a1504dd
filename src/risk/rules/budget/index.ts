import type { RuleDefinition } from '../../engine/rule-definition';
import { complaintTrend } from './complaint-trend.rule';
import { disbursementBehindTarget } from './disbursement-behind-target.rule';
import { overdueControlImprovement } from './overdue-control-improvement.rule';
import { overdueFindingResponse } from './overdue-finding-response.rule';

/** The budget, plans, findings and complaints rules (rules-catalogue.md) of the catalogue, by id. */
export const BUDGET_PLAN_AND_COMPLAINT_RULES: RuleDefinition[] = [
  disbursementBehindTarget,
  overdueControlImprovement,
  overdueFindingResponse,
  complaintTrend,
];
