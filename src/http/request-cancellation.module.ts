import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CancelledRequestFilter } from './cancelled-request.filter';
import { RequestCancellationMiddleware } from './request-cancellation.middleware';

/** Cancels the database reads of a request whose client went away (HTTP only; the CLI has no clients). */
@Module({ providers: [{ provide: APP_FILTER, useClass: CancelledRequestFilter }] })
export class RequestCancellationModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestCancellationMiddleware).forRoutes('{*path}');
  }
}
