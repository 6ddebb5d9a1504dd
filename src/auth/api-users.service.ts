import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import * as argon2 from 'argon2';
import { AppConfig } from '../config/app-config';
import { Agency } from '../universe/agency.entity';
import { ApiUser, Role } from './api-user.entity';
import { generateApiToken, sameSecret, tokenCacheKey, tokenPrefixOf } from './api-token';
import { ADMIN_TOKEN_PRINCIPAL, Principal } from './principal';

/** Verifying an argon2 hash costs tens of milliseconds; a verified token is trusted this long. */
const CACHE_MS = 60_000;

/** A user that cannot be created as asked (the message says why); the API answers 422, the CLI exits 1. */
export class InvalidUserError extends Error {}

export interface NewUser {
  name: string;
  role: Role;
  agencyCode?: string | null;
}

@Injectable()
export class ApiUsersService {
  private readonly verified = new Map<string, { principal: Principal; until: number }>();
  /**
   * Verifications under way, by token: when the cache entry of a busy script's token expires, its concurrent
   * requests share one argon2 verification instead of each running its own (20 at once took 20 s each).
   */
  private readonly verifying = new Map<string, Promise<Principal | undefined>>();
  /** Bumped by every revocation, so a verification that started before one never fills the cache after it. */
  private revocations = 0;

  constructor(
    private readonly em: EntityManager,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * Creates a user and returns its token: the only time the token is ever seen. An agency user is bound
   * to an agency that exists: a mistyped code would give a token that sees nothing, or one day another
   * agency's data when that code is imported.
   */
  async create(input: NewUser): Promise<{ user: ApiUser; token: string }> {
    if (input.role === 'agency' && !input.agencyCode) throw new InvalidUserError('an agency user needs an agency code');
    if (input.role !== 'agency' && input.agencyCode) throw new InvalidUserError('only agency users are bound to an agency');
    const em = this.em.fork();
    if (input.agencyCode && !(await em.count(Agency, { code: input.agencyCode }))) {
      throw new InvalidUserError(`no agency with code ${input.agencyCode} (import or check the agencies first)`);
    }
    const { token, prefix } = generateApiToken();
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
    this.revocations += 1;
    this.verified.clear();
    this.verifying.clear();
    return true;
  }

  /** The caller behind a bearer token, or undefined when the token is unknown, wrong or revoked. */
  async authenticate(token: string): Promise<Principal | undefined> {
    if (this.config.adminToken && sameSecret(token, this.config.adminToken)) return ADMIN_TOKEN_PRINCIPAL;
    const key = tokenCacheKey(token);
    const cached = this.verified.get(key);
    if (cached && cached.until > Date.now()) return cached.principal;

    const pending = this.verifying.get(key);
    if (pending) return pending;
    const revocations = this.revocations;
    const verification = this.verify(token).finally(() => {
      if (this.verifying.get(key) === verification) this.verifying.delete(key);
    });
    this.verifying.set(key, verification);
    const principal = await verification;
    if (principal && revocations === this.revocations) this.verified.set(key, { principal, until: Date.now() + CACHE_MS });
    return principal;
  }

  private async verify(token: string): Promise<Principal | undefined> {
    const prefix = tokenPrefixOf(token);
    if (!prefix) return undefined;
    const user = await this.em.fork().findOne(ApiUser, { tokenPrefix: prefix, revokedAt: null });
    if (!user || !(await argon2.verify(user.tokenHash, token))) return undefined;
    return { userId: user.id, name: user.name, role: user.role, agencyCode: user.agencyCode ?? null };
  }
}
