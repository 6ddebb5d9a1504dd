import type { RuleDefinition } from '../../engine/rule-definition';
import { coBiddingPairs } from './co-bidding-pairs.rule';
import { contractBeforeStandstill } from './contract-before-standstill.rule';
import { coverBidder } from './cover-bidder.rule';
import { sharedDirectorOrAddress } from './shared-director-or-address.rule';
import { shortSubmissionPeriod } from './short-submission-period.rule';
import { timelineInconsistency } from './timeline-inconsistency.rule';

/** Tender rules about bidders' relations and the tender's timeline: co-bidding-pairs … timeline-inconsistency. */
export const BIDDER_AND_TIMELINE_RULES: RuleDefinition[] = [
  coBiddingPairs,
  coverBidder,
  sharedDirectorOrAddress,
  shortSubmissionPeriod,
  contractBeforeStandstill,
  timelineInconsistency,
];
