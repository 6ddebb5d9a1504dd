import type { Role } from './api-user.entity';

/** Who is calling: resolved from the bearer token by the guard and attached to the request. */
export interface Principal {
  userId: number | null;
  name: string;
  role: Role;
  /** Only for the `agency` role. */
  agencyCode: string | null;
}

export const ADMIN_TOKEN_PRINCIPAL: Principal = {
  userId: null,
  name: 'admin (ADMIN_TOKEN)',
  role: 'admin',
  agencyCode: null,
};
