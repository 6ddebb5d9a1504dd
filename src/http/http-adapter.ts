import { ExpressAdapter } from '@nestjs/platform-express';
import express from 'express';
import type { AppConfig } from '../config/app-config';

/**
 * The Express instance Nest serves on, for `src/main.ts` and the test app alike.
 *
 * Routing is case-sensitive and strict: `/API/users`, `/api/users/` and `/api/users` are not one route,
 * so a path reaches a handler in one spelling only, the one the API documents. Express reads these
 * settings once, when it creates its router on the first `use()` or route, and `ExpressAdapter`'s
 * constructor already calls `use()`: setting them on `app` after `NestFactory.create` has no effect.
 * Hence the instance is built and set up here, before the adapter exists.
 *
 * `trust proxy` decides whose `X-Forwarded-For` names the client (the rate limit and the logs key on
 * it): only the proxies `TRUST_PROXY` names, by default none.
 */
export function createHttpAdapter(config: Pick<AppConfig, 'trustProxy'>): ExpressAdapter {
  const instance = express();
  instance.enable('case sensitive routing');
  instance.enable('strict routing');
  instance.set('trust proxy', config.trustProxy);
  instance.disable('x-powered-by');
  return new ExpressAdapter(instance);
}
