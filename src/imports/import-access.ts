import { ForbiddenException } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import type { ImportSource } from './source-definition';

/*
 * Who may import what, read from each source's declaration (`roles`, `agencyColumn`): the one place the
 * HTTP guard (before an upload is stored) and the import service (before anything is written) ask.
 */

/** 403 unless the caller's role may import this source. Callers named by a string (the drop folder, the CLI) are the system. */
export function assertMayImport(source: ImportSource, by: Principal | string | undefined): void {
  if (by === undefined || typeof by === 'string') return;
  if (!source.roles.includes(by.role)) throw new ForbiddenException(`role ${by.role} may not import ${source.name}`);
  if (by.role === 'agency' && !source.agencyColumn) {
    // A declaration mistake (roles say agency, but no column says whose a row is): refuse rather than write any row.
    throw new ForbiddenException(`${source.name} does not say which agency a row belongs to, so an agency may not import it`);
  }
}

/**
 * The agency every row must belong to for this caller, or undefined when the caller may write any row.
 * An agency user without an agency code owns no row at all.
 */
export function rowAgencyFor(source: ImportSource, by: Principal | string | undefined): string | undefined {
  if (by === undefined || typeof by === 'string' || by.role !== 'agency') return undefined;
  assertMayImport(source, by);
  return by.agencyCode ?? '';
}
