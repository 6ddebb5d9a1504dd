import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DatabaseUnavailableError } from '../database/connection-lost';

/**
 * A request whose database connection was lost answers 503 with a message (never a stack trace), and the
 * service goes on serving: the next request gets a fresh connection.
 */
@Catch(DatabaseUnavailableError)
export class DatabaseUnavailableFilter implements ExceptionFilter {
  private readonly logger = new Logger('Database');

  catch(error: DatabaseUnavailableError, host: ArgumentsHost): void {
    this.logger.warn(error.message);
    if (host.getType() !== 'http') return;
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    response.status(HttpStatus.SERVICE_UNAVAILABLE).setHeader('Retry-After', '5').json({
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      error: 'Service Unavailable',
      message: error.message,
    });
  }
}
