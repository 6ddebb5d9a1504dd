import type { RuleDefinition } from '../../engine/rule-definition';

/** The budget, plans, findings and complaints rules (rules-catalogue.md) of the catalogue, by id. */
export const BUDGET_PLAN_AND_COMPLAINT_RULES: RuleDefinition[] = [];
