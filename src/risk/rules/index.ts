import type { RuleDefinition } from '../engine/rule-definition';
import type { RuleId } from '../rule-file.schema';
import { BUDGET_PLAN_AND_COMPLAINT_RULES } from './budget';
import { IMPLEMENTATION_AND_CONTROL_RULES } from './implementation';
import { AGENCY_AND_VENDOR_PATTERN_RULES } from './patterns';
import { TENDER_AND_AWARD_RULES } from './tender';

/**
 * Every rule query, one file per rule under its catalogue section. `rules/<id>.yaml` supplies the
 * parameters; the spec beside this file checks that every catalogue rule has exactly one query.
 */
export const RULE_DEFINITIONS: readonly RuleDefinition[] = [
  ...TENDER_AND_AWARD_RULES,
  ...AGENCY_AND_VENDOR_PATTERN_RULES,
  ...IMPLEMENTATION_AND_CONTROL_RULES,
  ...BUDGET_PLAN_AND_COMPLAINT_RULES,
];

const byId = new Map<string, RuleDefinition>(RULE_DEFINITIONS.map((d) => [d.id, d]));

export function ruleDefinition(id: RuleId): RuleDefinition | undefined {
  return byId.get(id);
}
