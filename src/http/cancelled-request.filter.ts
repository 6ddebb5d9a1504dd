import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { QueryCancelledError } from '../database/request-cancellation';

/** Client Closed Request (nginx's 499): nobody reads it, but the request log shows why the request ended. */
const CLIENT_CLOSED_REQUEST = 499;

/** Work cancelled because its client went away is not a server error: answered 499, not logged as a failure. */
@Catch(QueryCancelledError)
export class CancelledRequestFilter implements ExceptionFilter {
  catch(_error: QueryCancelledError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (!response.headersSent) response.status(CLIENT_CLOSED_REQUEST).end();
  }
}
