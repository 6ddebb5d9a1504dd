import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { CsvFormatError } from '../common/csv/csv-format-error';
import { ImportInputError, UnknownSourceError } from '../imports/import-errors';

/** Maps the domain's own errors to the status codes of the API contract. */
@Catch(UnknownSourceError, ImportInputError, CsvFormatError)
export class DomainExceptionFilter implements ExceptionFilter {
  catch(error: Error, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const status = error instanceof UnknownSourceError ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    response.status(status).json({
      statusCode: status,
      error: status === HttpStatus.NOT_FOUND ? 'Not Found' : 'Bad Request',
      message: error.message,
    });
  }
}
