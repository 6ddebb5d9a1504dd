import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import * as argon2 from 'argon2';
import { AppConfig } from '../config/app-config';
import { ApiUser, Role } from './api-user.entity';
import { generateApiToken, sameSecret, tokenCacheKey, tokenPrefixOf } from './api-token';
import { ADMIN_TOKEN_PRINCIPAL, Principal } from './principal';

/** Verifying an argon2 hash costs tens of milliseconds; a verified token is trusted this long. */
const CACHE_MS = 60_000;

export interface NewUser {
  name: string;
  role: Role;
  agencyCode?: string | null;
}

@Injectable()
export class ApiUsersService {
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly em: EntityManager,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Creates a user and returns its token: the only time the token is ever seen. */
  async create(input: NewUser): Promise<{ user: ApiUser; token: string }> {
    if (input.role === 'agency' && !input.agencyCode) throw new Error('an agency user needs an agency code');
    if (input.role !== 'agency' && input.agencyCode) throw new Error('only agency users are bound to an agency');
    const { token, prefix } = generateApiToken();
    const em = this.em.fork();
    const user = em.create(ApiUser, {
      name: input.name,
      role: input.role,
      agencyCode: input.agencyCode ?? null,
      tokenPrefix: prefix,
      tokenHash: await argon2.hash(token, { type: argon2.argon2id }),
      createdAt: new Date(),
    });
    await em.flush();
    return { user, token };
  }

  async list(): Promise<ApiUser[]> {
    return this.em.fork().find(ApiUser, {}, { orderBy: { id: 'asc' } });
  }

  async revoke(id: number): Promise<boolean> {
    const em = this.em.fork();
    const user = await em.findOne(ApiUser, { id, revokedAt: null });
    if (!user) return false;
    user.revokedAt = new Date();
    await em.flush();
    this.verified.clear();
    return true;
  }

  /** The caller behind a bearer token, or undefined when the token is unknown, wrong or revoked. */
  async authenticate(token: string): Promise<Principal | undefined> {
    if (this.config.adminToken && sameSecret(token, this.config.adminToken)) return ADMIN_TOKEN_PRINCIPAL;
    const key = tokenCacheKey(token);
    const cached = this.verified.get(key);
    if (cached && cached.until > Date.now()) return cached.principal;

    const prefix = tokenPrefixOf(token);
    if (!prefix) return undefined;
    const user = await this.em.fork().findOne(ApiUser, { tokenPrefix: prefix, revokedAt: null });
    if (!user || !(await argon2.verify(user.tokenHash, token))) return undefined;

    const principal: Principal = { userId: user.id, name: user.name, role: user.role, agencyCode: user.agencyCode ?? null };
    this.verified.set(key, { principal, until: Date.now() + CACHE_MS });
    return principal;
  }
}
