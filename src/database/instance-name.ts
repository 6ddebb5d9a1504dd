import { randomUUID } from 'node:crypto';

/**
 * Every database session this process opens (the plain-SQL pool and MikroORM's) carries this
 * `application_name`. Work records (`import_batches.runner`, `risk_runs.runner`) take it as their default,
 * so at start-up a `running` record whose runner has no session left in `pg_stat_activity` is known to
 * belong to a process that died, while one of another live instance on the same database is left alone.
 * PostgreSQL keeps 63 bytes of an application name: this one has 48.
 */
export const INSTANCE_ID = randomUUID();
export const APPLICATION_NAME = `audit-radar:${INSTANCE_ID}`;
