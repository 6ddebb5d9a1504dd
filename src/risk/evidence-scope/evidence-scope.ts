import type { FlagView } from '../flags/flags.service';

/** What an agency caller owns, for the flags of one page or batch. */
export interface AgencyRows {
  readonly agencyCode: string;
  /** True when the e-GP project's contracts are this agency's (looked up once per page or batch). */
  ownsProject(projectId: string): boolean;
}

/**
 * How a rule's flags are narrowed for an agency caller: whatever in the evidence or the lists names another
 * agency's rows (its projects, its payments, its code or name, the amounts it bought for) is removed or
 * folded into a total that names no one. The flag's own agency, key, score and amount stay: they are the
 * agency's. Applied on the read path only (flags list, one flag, exports); the stored flag keeps everything
 * for the auditors.
 */
export interface EvidenceScope {
  /** Whether the scope needs `ownsProject` (a lookup of the flags' project ids). */
  readonly needsProjects: boolean;
  narrow(flag: FlagView, own: AgencyRows): FlagView;
}

/**
 * For rules whose every flag is about rows of the flag's own agency alone (one contract, one agency's year,
 * one agency–vendor pair): nothing to remove. Declared per rule, with the reason, in rule-evidence-scopes.ts.
 */
export const OWN_ROWS_ONLY: EvidenceScope = { needsProjects: false, narrow: (flag) => flag };

/** A list of the flag's project ids reduced to the agency's own projects. */
export function ownProjects(projectIds: readonly string[], own: AgencyRows): string[] {
  return projectIds.filter((id) => own.ownsProject(id));
}

/** For a rule not in the catalogue (a flag left by a removed rule): only what is surely the agency's stays. */
export const UNKNOWN_RULE: EvidenceScope = {
  needsProjects: true,
  narrow: (flag, own) => ({ ...flag, projectIds: ownProjects(flag.projectIds, own), evidence: { withheld: 'evidence of a rule no longer in the catalogue' } }),
};
