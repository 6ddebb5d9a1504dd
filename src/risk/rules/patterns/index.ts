import type { RuleDefinition } from '../../engine/rule-definition';
import { blacklistedVendor } from './blacklisted-vendor.rule';
import { methodAboveThreshold } from './method-above-threshold.rule';
import { newVendor } from './new-vendor.rule';
import { nonCompetitiveShare } from './non-competitive-share.rule';
import { repeatVendor } from './repeat-vendor.rule';
import { splitPurchase } from './split-purchase.rule';
import { supplierDependence } from './supplier-dependence.rule';
import { thresholdBunching } from './threshold-bunching.rule';
import { yearEndSpecificMethod } from './year-end-specific-method.rule';

/** The agency-and-vendor pattern rules (rules-catalogue.md "Procurement: agency and vendor patterns") of the catalogue, by id. */
export const AGENCY_AND_VENDOR_PATTERN_RULES: RuleDefinition[] = [
  splitPurchase,
  thresholdBunching,
  methodAboveThreshold,
  repeatVendor,
  supplierDependence,
  yearEndSpecificMethod,
  newVendor,
  blacklistedVendor,
  nonCompetitiveShare,
];
