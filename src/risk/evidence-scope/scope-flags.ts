import type { Queryable } from './queryable';
import type { FlagView } from '../flags/flags.service';
import { evidenceScopeOf } from './rule-evidence-scopes';

/**
 * Narrows a page or batch of flags for an agency caller (RULE_EVIDENCE_SCOPES): one lookup of the agency's
 * own projects among the flags' project ids, then each rule's scope. Auditors and the other roles (agency
 * null) get the flags as stored.
 */
export async function scopeFlags<F extends FlagView>(db: Queryable, flags: F[], agencyCode: string | null | undefined): Promise<F[]> {
  if (!agencyCode || flags.length === 0) return flags;
  const scopes = flags.map((f) => evidenceScopeOf(f.ruleId));
  const asked = [...new Set(flags.flatMap((f, i) => (scopes[i].needsProjects ? f.projectIds : [])))];
  const owned = new Set<string>();
  if (asked.length > 0) {
    const { rows } = await db.query<{ project_id: string }>(
      `select distinct project_id from egp_contracts where project_id = any($1::text[]) and agency_code = $2`,
      [asked, agencyCode],
    );
    for (const row of rows) owned.add(row.project_id);
  }
  const own = { agencyCode, ownsProject: (id: string) => owned.has(id) };
  return flags.map((f, i) => scopes[i].narrow(f, own) as F);
}
