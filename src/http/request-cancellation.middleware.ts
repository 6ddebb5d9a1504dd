import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { withCancellation } from '../database/request-cancellation';

/**
 * Read requests (GET, HEAD) run with a cancellation that fires when their client goes away before the answer
 * is sent (the response closes unfinished): the statements they started are then cancelled
 * (`src/database/request-cancellation.ts`). Writes (imports, risk runs, triage, plans) are not: once started they
 * finish and are recorded whether or not anyone waits for the answer — a client that drops an upload mid-import
 * finds the batch in `GET /api/imports`.
 */
@Injectable()
export class RequestCancellationMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    withCancellation(controller.signal, next);
  }
}
