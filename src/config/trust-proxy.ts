import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Which proxies may name the client in `X-Forwarded-For`, in the forms Express's `trust proxy` setting
 * takes: nothing (`false`), a hop count, or a list of addresses, CIDR ranges and the named ranges
 * `loopback`, `linklocal`, `uniquelocal`. The client address drives the rate limit and the logs, so a
 * header is believed only from a proxy the operator named.
 */
export type TrustProxy = false | number | string[];

const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];
const NOTHING = ['false', 'off', 'none', 'no', '0'];

function isAddressOrRange(item: string): boolean {
  if (NAMED_RANGES.includes(item)) return true;
  const [address, prefix, ...rest] = item.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

export const trustProxySchema = z
  .string()
  .trim()
  .transform((value, context): TrustProxy => {
    const lower = value.toLowerCase();
    if (NOTHING.includes(lower)) return false;
    if (/^\d+$/.test(lower)) {
      const hops = Number(lower);
      if (hops <= 20) return hops;
    } else if (lower === 'true' || lower === '*') {
      context.addIssue({
        code: 'custom',
        message: 'name the proxies (loopback, addresses, CIDR ranges) or a hop count: "true" would believe any client\'s X-Forwarded-For',
      });
      return z.NEVER;
    } else {
      const items = lower.split(',').map((item) => item.trim());
      const bad = items.filter((item) => !isAddressOrRange(item));
      if (bad.length === 0) return items;
      context.addIssue({
        code: 'custom',
        message: `not an address, CIDR range or one of ${NAMED_RANGES.join(', ')}: ${bad.map((b) => JSON.stringify(b)).join(', ')}`,
      });
      return z.NEVER;
    }
    context.addIssue({ code: 'custom', message: 'a hop count must be from 0 to 20' });
    return z.NEVER;
  });
