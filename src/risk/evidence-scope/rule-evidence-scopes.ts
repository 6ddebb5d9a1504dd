import { sumDecimals } from '../../common/decimal';
import type { RuleId } from '../rule-file.schema';
import { OWN_ROWS_ONLY, ownProjects, UNKNOWN_RULE, type EvidenceScope } from './evidence-scope';

/** A vendor's buyer in supplier-dependence's evidence: an agency code, or `unmatched: <name>` for one outside the universe. */
interface Buyer {
  buyer: string;
  contracts: number;
  value: string;
}

/**
 * supplier-dependence: the vendor's buyers are every agency (and outside buyer) it sold to in the year, and its
 * project ids all its contracts. An agency sees its own line, and the others folded into one line with no name
 * (their number, contracts and value together), so the share stays explained; the project ids are its own.
 */
const supplierDependence: EvidenceScope = {
  needsProjects: true,
  narrow(flag, own) {
    const buyers = Array.isArray(flag.evidence.buyers) ? (flag.evidence.buyers as Buyer[]) : [];
    const others = buyers.filter((b) => b.buyer !== own.agencyCode);
    const folded = others.length === 0 ? [] : [{ buyer: 'other buyers', buyers: others.length, contracts: others.reduce((n, b) => n + b.contracts, 0), value: sumDecimals(others.map((b) => b.value)) }];
    const topBuyer = flag.evidence.topBuyer === own.agencyCode ? own.agencyCode : 'another buyer';
    return {
      ...flag,
      projectIds: ownProjects(flag.projectIds, own),
      evidence: { ...flag.evidence, topBuyer, buyers: [...buyers.filter((b) => b.buyer === own.agencyCode), ...folded] },
    };
  },
};

/**
 * inspector-vendor-recurrence: a flag has an agency only when all its contracts are that agency's, but
 * contracts of buyers outside the universe (no agency) are counted with them: their projects and the list of
 * agencies are narrowed to the agency's own.
 */
const inspectorVendorRecurrence: EvidenceScope = {
  needsProjects: true,
  narrow: (flag, own) => ({
    ...flag,
    projectIds: ownProjects(flag.projectIds, own),
    evidence: { ...flag.evidence, agencies: [own.agencyCode] },
  }),
};

interface Payment {
  docNo: string;
  agencyCode: string | null;
}

/**
 * duplicate-payment: a group has an agency when its payments with an agency are all that agency's; payments
 * without one may sit beside them. An agency sees its own payments, documents and projects.
 */
const duplicatePayment: EvidenceScope = {
  needsProjects: true,
  narrow(flag, own) {
    const payments = Array.isArray(flag.evidence.payments) ? (flag.evidence.payments as Payment[]) : [];
    const kept = payments.filter((p) => p.agencyCode === own.agencyCode);
    const docs = new Set(kept.map((p) => p.docNo));
    return {
      ...flag,
      projectIds: ownProjects(flag.projectIds, own),
      paymentDocs: flag.paymentDocs.filter((d) => docs.has(d)),
      evidence: { ...flag.evidence, payments: kept },
    };
  },
};

/**
 * Vendor-level rules across the province (the flag has no agency, so an agency token never lists it; narrowed
 * all the same, should one ever carry an agency): the tenders' project ids are reduced to the agency's own.
 */
const vendorAcrossAgencies: EvidenceScope = {
  needsProjects: true,
  narrow: (flag, own) => {
    const projectIds = ownProjects(flag.projectIds, own);
    return { ...flag, projectIds, evidence: { ...flag.evidence, projectIds } };
  },
};

/**
 * Every rule of the catalogue, with how its evidence is narrowed for an agency caller. Typed by the catalogue's
 * ids, so a new rule does not compile until its author says whether its evidence can name other agencies.
 */
export const RULE_EVIDENCE_SCOPES: Record<RuleId, EvidenceScope> = {
  // one contract (or one tender) of the flag's agency, and its bids, committee, deliveries, payments
  'single-bidder': OWN_ROWS_ONLY,
  'few-bidders': OWN_ROWS_ONLY,
  'identical-bids': OWN_ROWS_ONLY,
  'price-above-reference': OWN_ROWS_ONLY,
  'price-near-reference': OWN_ROWS_ONLY,
  'reference-above-budget': OWN_ROWS_ONLY,
  'abnormally-low-bid': OWN_ROWS_ONLY,
  'contract-above-winning-bid': OWN_ROWS_ONLY,
  'contract-before-standstill': OWN_ROWS_ONLY,
  'short-submission-period': OWN_ROWS_ONLY,
  'timeline-inconsistency': OWN_ROWS_ONLY,
  'shared-director-or-address': OWN_ROWS_ONLY,
  // one contract; the fence is a province-wide figure that names no one
  'close-runner-up': OWN_ROWS_ONLY,
  'method-above-threshold': OWN_ROWS_ONLY,
  'threshold-bunching': OWN_ROWS_ONLY,
  'year-end-specific-method': OWN_ROWS_ONLY,
  'new-vendor': OWN_ROWS_ONLY,
  'blacklisted-vendor': OWN_ROWS_ONLY,
  'committee-overlap': OWN_ROWS_ONLY,
  'late-delivery-penalty': OWN_ROWS_ONLY,
  'missing-inspection-committee': OWN_ROWS_ONLY,
  'payment-before-inspection': OWN_ROWS_ONLY,
  // one agency's contracts with one vendor, grouped within the agency
  'split-purchase': OWN_ROWS_ONLY,
  'repeat-vendor': OWN_ROWS_ONLY,
  // one agency's year; province-wide fences and counts are figures that name no one
  'non-competitive-share': OWN_ROWS_ONLY,
  'round-amounts': OWN_ROWS_ONLY,
  'benford-deviation': OWN_ROWS_ONLY,
  'disbursement-behind-target': OWN_ROWS_ONLY,
  'overdue-control-improvement': OWN_ROWS_ONLY,
  'overdue-finding-response': OWN_ROWS_ONLY,
  'complaint-trend': OWN_ROWS_ONLY,
  // a vendor or a person across agencies
  'supplier-dependence': supplierDependence,
  'inspector-vendor-recurrence': inspectorVendorRecurrence,
  'duplicate-payment': duplicatePayment,
  'co-bidding-pairs': vendorAcrossAgencies,
  'cover-bidder': vendorAcrossAgencies,
};

export function evidenceScopeOf(ruleId: string): EvidenceScope {
  return (RULE_EVIDENCE_SCOPES as Record<string, EvidenceScope>)[ruleId] ?? UNKNOWN_RULE;
}
