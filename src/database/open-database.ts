import type { AppConfig } from '../config/app-config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';

export interface OpenedDatabase {
  url: string;
  kind: 'embedded' | 'external';
  embedded?: EmbeddedDatabase;
}

/** `DATABASE_URL` when set; otherwise an embedded PostgreSQL under `DATA_DIR`. */
export async function openDatabase(config: AppConfig, log: (message: string) => void): Promise<OpenedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, kind: 'external' };
  log('DATABASE_URL is not set: starting the embedded PostgreSQL');
  const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log);
  return { url: embedded.url, kind: 'embedded', embedded };
}
