import { SetMetadata } from '@nestjs/common';
import type { Role } from './api-user.entity';

export const ROLES_KEY = 'audit-radar:roles';

/**
 * The roles that may call a handler (or every handler of a controller). A handler without it (and
 * without `@Public()`) is open to administrators only: forgetting it fails closed.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Every role, for read-only reference data (agency users are still scoped to their agency). */
export const ANY_ROLE: Role[] = ['admin', 'auditor', 'finance', 'agency', 'viewer'];
