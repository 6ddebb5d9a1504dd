import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/app-config';
import { ImportService } from '../src/imports/import.service';

/**
 * One import of one file through the real pipeline, in a process of its own so that its peak RSS is
 * the import's alone. Prints one JSON line: rows, milliseconds, peak RSS, the outcome's counts.
 */
async function main(): Promise<void> {
  const [file, databaseUrl] = process.argv.slice(2);
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' });
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ config, databaseUrl, databaseKind: 'external', http: false }),
    { logger: ['error'] },
  );
  const started = process.hrtime.bigint();
  const outcome = await app.get(ImportService).import({ source: 'egp-contracts', input: createReadStream(file), fileName: file, by: 'bench' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  await app.close();
  const { rows, inserted, updated, unchanged, rejected, layout } = outcome;
  process.stdout.write(
    JSON.stringify({ ms, rows, inserted, updated, unchanged, rejected, layout, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n',
  );
}

void main();
