import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API tokens look like `ar_<prefix>_<secret>`. The prefix is public and finds the user's row;
 * only the argon2id hash of the whole token is stored.
 */
const TOKEN_PATTERN = /^ar_([a-f0-9]{12})_([A-Za-z0-9_-]{43})$/;

export function generateApiToken(): { token: string; prefix: string } {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { token: `ar_${prefix}_${secret}`, prefix };
}

export function tokenPrefixOf(token: string): string | undefined {
  return TOKEN_PATTERN.exec(token)?.[1];
}

/** Constant-time comparison of two secrets of any length (compares their digests). */
export function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** A key for the in-memory cache of verified tokens: never the token itself. */
export function tokenCacheKey(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
