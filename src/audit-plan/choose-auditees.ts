import type { AuditType } from './planning-settings.schema';

/** An auditee as the chooser sees it: its risk and its last audit. */
export interface Candidate {
  auditeeType: 'agency' | 'budget_project';
  key: string;
  /** Risk score 1–25 and the combined likelihood value, for ranking. */
  score: number;
  combined: number;
  amountAtStake: number;
  /** Risk band key of scoring.yaml. */
  band: string;
  /** Agencies only: ISO date of the last audit, null when never audited. */
  lastAudited?: string | null;
}

export interface ChoiceRequest {
  financialAudits: number;
  performanceAudits: number;
  mustInclude: readonly string[];
  exclude: readonly string[];
  /** Risk bands chosen before the coverage cycle applies (the highest risks are audited every year). */
  riskBandsFirst: readonly string[];
  /** Years without an audit after which an agency is chosen before the rest; counted back from `asOf`. */
  coverageCycleYears: number;
  /** ISO date coverage is judged at: the first day of the planned fiscal year. */
  asOf: string;
}

export type SelectionBasis = 'must_include' | 'high_risk' | 'coverage' | 'risk';

export interface Chosen<C extends Candidate = Candidate> {
  candidate: C;
  auditType: AuditType;
  basis: SelectionBasis;
  /** 1 = highest risk among the candidates of its type. */
  riskRank: number;
  candidates: number;
}

/**
 * Chooses the agencies for financial audits and the budget projects for performance audits: first what the
 * request names as must-include, then the auditees in the highest risk bands (planning.yaml), then agencies
 * beyond the coverage cycle (not audited for that many years, or never), then the rest by risk; excluded
 * auditees are never chosen. Ties in risk go to the larger
 * money at stake, then the key, so the same data always gives the same choice.
 */
export function chooseAuditees<C extends Candidate>(candidates: readonly C[], request: ChoiceRequest): Chosen<C>[] {
  const cutoff = yearsBefore(request.asOf, request.coverageCycleYears);
  const pick = (type: Candidate['auditeeType'], auditType: AuditType, count: number): Chosen<C>[] => {
    const ranked = candidates
      .filter((c) => c.auditeeType === type)
      .sort((a, b) => b.score - a.score || b.combined - a.combined || b.amountAtStake - a.amountAtStake || a.key.localeCompare(b.key));
    const rankOf = new Map(ranked.map((c, i) => [c, i + 1]));
    const eligible = ranked.filter((c) => !request.exclude.includes(c.key));
    const basisOf = (c: C): SelectionBasis => {
      if (request.mustInclude.includes(c.key)) return 'must_include';
      if (request.riskBandsFirst.includes(c.band)) return 'high_risk';
      if (type === 'agency' && (c.lastAudited == null || c.lastAudited < cutoff)) return 'coverage';
      return 'risk';
    };
    const order: SelectionBasis[] = ['must_include', 'high_risk', 'coverage', 'risk'];
    return eligible
      .map((c) => ({ candidate: c, basis: basisOf(c) }))
      .sort((a, b) => order.indexOf(a.basis) - order.indexOf(b.basis) || rankOf.get(a.candidate)! - rankOf.get(b.candidate)!)
      .slice(0, count)
      .map(({ candidate, basis }) => ({ candidate, auditType, basis, riskRank: rankOf.get(candidate)!, candidates: ranked.length }));
  };
  return [...pick('agency', 'financial', request.financialAudits), ...pick('budget_project', 'performance', request.performanceAudits)];
}

/** The same calendar day `years` years earlier (29 Feb falls back to 28 Feb). */
export function yearsBefore(iso: string, years: number): string {
  const [y, m, d] = iso.split('-');
  const year = String(Number(y) - years).padStart(4, '0');
  return m === '02' && d === '29' ? `${year}-02-28` : `${year}-${m}-${d}`;
}
