import type { AuditPlanView } from '../audit-plan.views';
import { teamNames } from './plan-labels';

/*
 * The plan as a plain-text table for a terminal (`cli plan generate` without --format). Thai vowel and tone
 * marks sit on the consonant before them and take no column of their own, so widths are counted without
 * them; otherwise Thai names would push the columns after them out of line.
 */

const COMBINING_MARK = /\p{M}/gu;

export function displayWidth(text: string): number {
  return [...text.replace(COMBINING_MARK, '')].length;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Cuts text to a display width, ending with … when cut; marks stay with their consonant. */
function fit(text: string, width: number): string {
  if (displayWidth(text) <= width) return pad(text, width);
  let out = '';
  for (const char of text) {
    if (!/\p{M}/u.test(char) && displayWidth(out) >= width - 1) break;
    out += char;
  }
  return pad(`${out}…`, width);
}

export function planToTextTable(plan: AuditPlanView): string {
  const lines = [
    `plan ${plan.id}: fiscal year ${plan.fiscalYear}, revision ${plan.revision} (${plan.status}); ` +
      `${plan.engagements.length} engagement(s) placed, ${plan.unplaced.length} not placed`,
    `${'rank'.padStart(4)}  ${pad('auditee', 44)} ${pad('type', 11)} ${pad('start – end', 23)} ${'days'.padStart(4)}  ${'score'.padStart(5)}  team (leader first)`,
  ];
  for (const e of [...plan.engagements].sort((a, b) => a.rank - b.rank)) {
    lines.push(
      `${String(e.rank).padStart(4)}  ${fit(`${e.auditeeKey} ${e.auditeeName}`, 44)} ${pad(e.auditType, 11)} ${e.start} – ${e.end} ` +
        `${String(e.workingDays).padStart(4)}  ${String(e.riskScore).padStart(5)}  ${teamNames(e).join(', ')}`,
    );
  }
  if (plan.unplaced.length) {
    lines.push('', `not placed (${plan.unplaced.length}):`);
    for (const u of plan.unplaced) {
      lines.push(`  ${u.auditeeKey} ${u.auditeeName} (${u.auditType}, ${u.workingDays} days, score ${u.riskScore}): ${u.reason}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
