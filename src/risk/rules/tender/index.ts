import type { RuleDefinition } from '../../engine/rule-definition';
import { BID_AND_PRICE_RULES } from './bid-and-price-rules';
import { BIDDER_AND_TIMELINE_RULES } from './bidder-and-timeline-rules';

/** The tender-and-award rules (rules-catalogue.md "Procurement: tender and award"). */
export const TENDER_AND_AWARD_RULES: RuleDefinition[] = [...BID_AND_PRICE_RULES, ...BIDDER_AND_TIMELINE_RULES];
