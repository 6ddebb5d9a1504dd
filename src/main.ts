import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import pino from 'pino';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/app-config';
import { openDatabase, OpenedDatabase } from './database/open-database';
import { configureHttp } from './http/configure-http';
import { createHttpAdapter } from './http/http-adapter';

// All date logic is calendar-date based, but anything that does look at the clock sees Bangkok time.
process.env.TZ ||= 'Asia/Bangkok';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const bootLog = pino({ level: config.logLevel, name: 'boot' });

  let database: OpenedDatabase | undefined;
  let stopping = false;
  const stop = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    bootLog.info(`${signal}: shutting down`);
    await app?.close().catch((error: unknown) => bootLog.error({ err: error }, 'closing the app failed'));
    await database?.embedded?.stop().catch((error: unknown) => bootLog.error({ err: error }, 'stopping PostgreSQL failed'));
    process.exit(code);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  let app: NestExpressApplication | undefined;
  try {
    database = await openDatabase(config, (message) => bootLog.info(message));
    app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot({ config, databaseUrl: database.url, databaseKind: database.kind }),
      createHttpAdapter(config),
      { bufferLogs: true },
    );
    app.useLogger(app.get(Logger));
    configureHttp(app);
    await app.listen(config.port, config.host);
    bootLog.info(`audit-radar listening on http://${config.host}:${config.port} (API docs at /docs)`);
  } catch (error) {
    bootLog.fatal({ err: error }, `start-up failed: ${(error as Error).message}`);
    await stop('start-up failure', 1);
  }
}

void main();
