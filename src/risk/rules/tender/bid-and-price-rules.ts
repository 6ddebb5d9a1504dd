import type { RuleDefinition } from '../../engine/rule-definition';
import { abnormallyLowBid } from './abnormally-low-bid.rule';
import { closeRunnerUp } from './close-runner-up.rule';
import { contractAboveWinningBid } from './contract-above-winning-bid.rule';
import { fewBidders } from './few-bidders.rule';
import { identicalBids } from './identical-bids.rule';
import { priceAboveReference } from './price-above-reference.rule';
import { priceNearReference } from './price-near-reference.rule';
import { referenceAboveBudget } from './reference-above-budget.rule';
import { singleBidder } from './single-bidder.rule';

/** Tender rules about bids and prices: single-bidder … abnormally-low-bid. */
export const BID_AND_PRICE_RULES: RuleDefinition[] = [
  singleBidder,
  fewBidders,
  priceNearReference,
  priceAboveReference,
  referenceAboveBudget,
  contractAboveWinningBid,
  identicalBids,
  closeRunnerUp,
  abnormallyLowBid,
];
