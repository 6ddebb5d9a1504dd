import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../../test/support/test-app';
import { ImportInboxService } from './import-inbox.service';

describe('ImportInboxService (PostgreSQL, real folders)', () => {
  let t: TestApp;
  const dataDir = mkdtempSync(join(tmpdir(), 'audit-radar-inbox-'));
  const inbox = join(dataDir, 'inbox');
  const drop = (source: string, name: string, text: string, ageMs = 60_000) => {
    const path = join(inbox, source, name);
    writeFileSync(path, text);
    const then = new Date(Date.now() - ageMs);
    utimesSync(path, then, then);
  };

  beforeAll(async () => {
    t = await startTestApp({ DATA_DIR: dataDir, IMPORT_INBOX_CRON: 'off' });
  });
  afterAll(() => t.close());

  it('imports each dropped file and files it under done/ or failed/ with its report', async () => {
    const service = t.app.get(ImportInboxService);
    await service.ensureFolders();
    drop('agencies', 'agencies.csv', 'agency_code,name\n50001,สำนักงานทดสอบ\n');
    drop('agencies', 'bad.csv', 'agency_code,name\n50002,\n');
    drop('holidays', 'just-copied.csv', 'date,name\n2025-11-14,x\n', 0); // still being written: left for the next scan

    const results = await service.scan();
    expect(results.map((r) => [r.source, r.file, r.status])).toEqual([
      ['agencies', 'agencies.csv', 'done'],
      ['agencies', 'bad.csv', 'failed'],
    ]);
    const done = readdirSync(join(inbox, 'agencies', 'done'));
    expect(done.filter((f) => f.endsWith('_agencies.csv'))).toHaveLength(1);
    const failed = readdirSync(join(inbox, 'agencies', 'failed'));
    const report = JSON.parse(readFileSync(join(inbox, 'agencies', 'failed', failed.find((f) => f.endsWith('.report.json'))!), 'utf8'));
    expect(report).toMatchObject({ status: 'rejected', errors: [{ row: 2, column: 'name', message: 'is required but empty' }] });
    expect(existsSync(join(inbox, 'holidays', 'just-copied.csv'))).toBe(true);
    expect(existsSync(join(inbox, 'agencies', 'agencies.csv'))).toBe(false);
  });
});
