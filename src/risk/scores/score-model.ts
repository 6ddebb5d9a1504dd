import type { ScorePart, ScoringSettings } from '../rule-file.schema';
import { SCORE_PARTS } from '../rule-file.schema';

/** The raw value of each part for one auditee, before scoring.yaml turns them into a score. */
export type RawParts = Record<ScorePart, number>;

export interface ScorePartView {
  source: ScorePart;
  /** The raw value (flag points, percentage points behind, a count, years). */
  value: number;
  weight: number;
  cap: number;
  /** 0–1: min(1, value / cap). */
  level: number;
  /** Its share of the combined likelihood value: weight × level / Σ weights. */
  contribution: number;
}

export interface Score {
  /** likelihood × impact, 1–25. */
  score: number;
  likelihood: number;
  impact: number;
  band: { key: string; label: { th: string; en: string } };
  /** The combined likelihood value, 0–1, before the cut points. */
  combined: number;
  parts: ScorePartView[];
}

/**
 * Turns an auditee's raw parts and its money at stake into likelihood (1–5), impact (1–5), a score
 * (their product) and a band of the 5 × 5 table, as `rules/scoring.yaml` says. Pure: the service
 * gathers the raw values in SQL.
 */
export function scoreOf(raw: RawParts, amountAtStake: number, settings: ScoringSettings): Score {
  const totalWeight = SCORE_PARTS.reduce((sum, p) => sum + settings.parts[p].weight, 0);
  const parts = SCORE_PARTS.map((source): ScorePartView => {
    const { weight, cap } = settings.parts[source];
    const value = raw[source];
    const level = Math.min(1, Math.max(0, value) / cap);
    return { source, value: round(value, 4), weight, cap, level: round(level, 4), contribution: round((weight * level) / totalWeight, 4) };
  });
  const combined = round(parts.reduce((sum, p) => sum + (p.weight * p.level) / totalWeight, 0), 4);
  const likelihood = levelOf(combined, settings.likelihood.cuts);
  const impact = levelOf(amountAtStake, settings.impact.amountCuts);
  const score = likelihood * impact;
  const band = bandOf(score, settings.bands);
  return { score, likelihood, impact, band: { key: band.key, label: band.label }, combined, parts };
}

/** The band of the 5 × 5 table a score (1–25) falls in; scoring.yaml's bands cover 1–25 without gaps. */
export function bandOf(score: number, bands: ScoringSettings['bands']): ScoringSettings['bands'][number] {
  return bands.find((b) => score >= b.min && score <= b.max)!;
}

/** Level 1–5 from four ascending cut points: below the first is 1, from the last is 5. */
export function levelOf(value: number, cuts: readonly number[]): number {
  return 1 + cuts.filter((cut) => value >= cut).length;
}

/** Flag points of one flag: rule weight × flag score × amount factor, the factor min(max, 1 + amount / unit). */
export function flagPoints(ruleWeight: number, flagScore: number, amount: number | null, settings: ScoringSettings['parts']['flags']): number {
  const factor = Math.min(settings.maxAmountFactor, 1 + (amount ?? 0) / settings.amountUnit);
  return ruleWeight * flagScore * factor;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
