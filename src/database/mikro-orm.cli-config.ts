/**
 * Config for the MikroORM CLI (`npm run migration:create`): diffs the entities against a scratch
 * development database, never the embedded one.
 */
import { ormOptions } from './orm-options';

export default ormOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/audit_radar_dev');
