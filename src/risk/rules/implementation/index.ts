import type { RuleDefinition } from '../../engine/rule-definition';
import { benfordDeviation } from './benford-deviation.rule';
import { committeeOverlap } from './committee-overlap.rule';
import { duplicatePayment } from './duplicate-payment.rule';
import { inspectorVendorRecurrence } from './inspector-vendor-recurrence.rule';
import { lateDeliveryPenalty } from './late-delivery-penalty.rule';
import { missingInspectionCommittee } from './missing-inspection-committee.rule';
import { paymentBeforeInspection } from './payment-before-inspection.rule';
import { roundAmounts } from './round-amounts.rule';

/** The contract implementation and control rules (rules-catalogue.md), in catalogue order. */
export const IMPLEMENTATION_AND_CONTROL_RULES: RuleDefinition[] = [
  missingInspectionCommittee,
  committeeOverlap,
  inspectorVendorRecurrence,
  lateDeliveryPenalty,
  paymentBeforeInspection,
  duplicatePayment,
  benfordDeviation,
  roundAmounts,
];
