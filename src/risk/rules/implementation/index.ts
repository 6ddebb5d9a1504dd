import type { RuleDefinition } from '../../engine/rule-definition';

/** The contract implementation and control rules (rules-catalogue.md) of the catalogue, by id. */
export const IMPLEMENTATION_AND_CONTROL_RULES: RuleDefinition[] = [];
