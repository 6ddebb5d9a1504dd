import type { RuleDefinition } from '../../engine/rule-definition';

/** The agency-and-vendor pattern rules (rules-catalogue.md "Procurement: agency and vendor patterns") of the catalogue, by id. */
export const AGENCY_AND_VENDOR_PATTERN_RULES: RuleDefinition[] = [];
