import type { RuleDefinition } from '../../engine/rule-definition';
import { singleBidder } from './single-bidder.rule';

/** Tender rules about bids and prices: single-bidder … abnormally-low-bid. */
export const BID_AND_PRICE_RULES: RuleDefinition[] = [singleBidder];
