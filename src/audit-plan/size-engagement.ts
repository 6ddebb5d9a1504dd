import type { AuditType, PlanningSettings } from './planning-settings.schema';

export interface Sizing {
  workingDays: number;
  baseDays: number;
  addDays: number;
  /** The size step reached (THB), null when none. */
  step: number | null;
}

/** Working days of an engagement: the base days of its audit type and risk band, plus the largest size step its money reaches. */
export function sizeEngagement(auditType: AuditType, band: string, amountAtStake: number, sizing: PlanningSettings['sizing']): Sizing {
  const baseDays = sizing.baseDays[auditType]?.[band];
  if (baseDays === undefined) throw new Error(`planning.yaml has no working days for ${auditType} audits of band ${band}`);
  const step = [...sizing.sizeSteps].reverse().find((s) => amountAtStake >= s.from) ?? null;
  return { workingDays: baseDays + (step?.addDays ?? 0), baseDays, addDays: step?.addDays ?? 0, step: step?.from ?? null };
}
