import type { RuleDefinition } from '../../engine/rule-definition';

/** Tender rules about bidders' relations and the tender's timeline: co-bidding-pairs … timeline-inconsistency. */
export const BIDDER_AND_TIMELINE_RULES: RuleDefinition[] = [];
