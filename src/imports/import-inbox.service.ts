import { Inject, Injectable, Logger } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { ImportService } from './import.service';
import { SourceRegistry } from './source-registry';

/** A file still being copied in must not be imported half-written: wait until it has been quiet this long. */
const QUIET_MS = 5_000;

export interface InboxResult {
  file: string;
  source: string;
  status: 'done' | 'failed';
  summary: string;
}

/**
 * The drop folder `DATA_DIR/inbox/<source>/`: every CSV placed there is imported (strict mode) and
 * moved to `done/` or `failed/` with its report beside it as `<file>.report.json`.
 */
@Injectable()
export class ImportInboxService {
  private readonly logger = new Logger('ImportInbox');
  private running = false;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly imports: ImportService,
    private readonly sources: SourceRegistry,
  ) {}

  get folder(): string {
    return join(this.config.dataDir, 'inbox');
  }

  /** Creates `inbox/<source>/` for every source, so operators see where to drop files. */
  async ensureFolders(): Promise<void> {
    for (const name of this.sources.names()) await mkdir(join(this.folder, name), { recursive: true });
  }

  /** Imports every quiet CSV file in the inbox once; overlapping scans are skipped, not queued. */
  async scan(now = Date.now()): Promise<InboxResult[]> {
    if (this.running) return [];
    this.running = true;
    try {
      await this.ensureFolders();
      const results: InboxResult[] = [];
      for (const source of this.sources.names()) {
        const dir = join(this.folder, source);
        for (const name of (await readdir(dir)).sort()) {
          if (!/\.csv$/i.test(name)) continue;
          const info = await stat(join(dir, name));
          if (!info.isFile() || now - info.mtimeMs < QUIET_MS) continue;
          results.push(await this.importOne(source, dir, name));
        }
      }
      return results;
    } finally {
      this.running = false;
    }
  }

  private async importOne(source: string, dir: string, name: string): Promise<InboxResult> {
    let status: InboxResult['status'];
    let report: unknown;
    let summary: string;
    try {
      const outcome = await this.imports.import({
        source,
        input: createReadStream(join(dir, name)),
        fileName: name,
        by: 'inbox',
      });
      status = outcome.status === 'written' ? 'done' : 'failed';
      report = outcome;
      summary = `${outcome.status}: ${outcome.inserted} inserted, ${outcome.updated} updated, ${outcome.unchanged} unchanged, ${outcome.rejected} rejected`;
    } catch (error) {
      status = 'failed';
      summary = (error as Error).message;
      report = { source, fileName: name, status: 'failed', message: summary };
    }
    const target = join(dir, status);
    await mkdir(target, { recursive: true });
    const stamped = `${new Date().toISOString().replace(/[:.]/g, '-')}_${name}`;
    await rename(join(dir, name), join(target, stamped));
    await writeFile(join(target, `${stamped}.report.json`), JSON.stringify(report, null, 2));
    this.logger.log(`inbox ${source}/${name} → ${status}/ (${summary})`);
    return { file: name, source, status, summary };
  }
}
