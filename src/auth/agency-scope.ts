import { ForbiddenException } from '@nestjs/common';
import type { Principal } from './principal';

/**
 * The agency filter a query must apply for this caller. Agency users are pinned to their own agency
 * whatever they ask for; asking for another one is refused rather than silently narrowed, so a
 * script that asks for the wrong agency learns it.
 */
export function agencyScope(principal: Principal, requested?: string | null): string | undefined {
  if (principal.role !== 'agency') return requested ?? undefined;
  if (requested && requested !== principal.agencyCode) {
    throw new ForbiddenException(`an agency token sees only agency ${principal.agencyCode}`);
  }
  return principal.agencyCode ?? '\u0000no-agency';
}
