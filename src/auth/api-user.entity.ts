import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

export const ROLES = ['admin', 'auditor', 'finance', 'agency', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A holder of an API token. The token itself is never stored: only its argon2id hash and a short
 * public prefix that finds the row without scanning every hash.
 */
@Entity({ tableName: 'api_users' })
export class ApiUser {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  role!: Role;

  /** Set only for the `agency` role: the one agency this user may see. */
  @Property({ type: 'text', nullable: true })
  agencyCode?: string | null;

  @Property({ type: 'text', unique: true })
  tokenPrefix!: string;

  @Property({ type: 'text', hidden: true })
  tokenHash!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
