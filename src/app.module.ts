import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { ZodValidationPipe } from 'nestjs-zod';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/app-config';
import { DATABASE_ORIGIN } from './database/database-origin';
import { DatabaseModule } from './database/database.module';
import { MigrationRunner } from './database/migration-runner';
import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';
import { DomainExceptionFilter } from './http/domain-exception.filter';
import { httpLoggerModule } from './http/http-logger.module';
import { RequestCancellationModule } from './http/request-cancellation.module';
import { ImportsModule } from './imports/imports.module';
import { JobsModule } from './jobs/jobs.module';
import { RiskModule } from './risk/risk.module';
import { AuditPlanModule } from './audit-plan/audit-plan.module';
import { UniverseModule } from './universe/universe.module';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  databaseKind: 'embedded' | 'external';
  /** The CLI has no HTTP: no request logging, throttling or demo loading there. */
  http?: boolean;
}

/** The whole service, built for one validated config and one database. */
@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const http = options.http ?? true;
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule.forUrl(options.databaseUrl),
        ...(http
          ? [
              httpLoggerModule(options.config),
              ThrottlerModule.forRoot([{ ttl: 60_000, limit: options.config.rateLimitPerMinute }]),
              RequestCancellationModule,
              HealthModule,
              DemoModule,
              JobsModule,
            ]
          : []),
        AuthModule,
        ImportsModule,
        UniverseModule,
        RiskModule,
        AuditPlanModule,
      ],
      providers: [
        { provide: AppConfig, useValue: options.config },
        { provide: DATABASE_ORIGIN, useValue: { kind: options.databaseKind } },
        MigrationRunner,
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: DomainExceptionFilter },
        ...(http ? [{ provide: APP_GUARD, useClass: ThrottlerGuard }] : []),
      ],
      exports: [AppConfig, DATABASE_ORIGIN],
    };
  }
}
