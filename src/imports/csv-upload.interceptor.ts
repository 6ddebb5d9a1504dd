import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { diskStorage, MulterError } from 'multer';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { catchError, concatMap, finalize, Observable } from 'rxjs';
import { AppConfig } from '../config/app-config';
import { importTooLarge } from './upload-limit';

/** Where multipart uploads wait while they are imported: a folder of their own, so nothing else is swept with them. */
export function uploadFolder(config: AppConfig): string {
  return join(config.dataDir, 'uploads');
}

/**
 * Takes the multipart field `file` into `DATA_DIR/uploads/`, at most `IMPORT_MAX_MB` (413 beyond, the partial
 * file removed by multer), and removes the file once the request is over, whatever the answer: written,
 * rejected, a bad query (pipes run after interceptors), a failed database. A raw body declaring a length
 * over the limit is refused here too, before it is read; one that does not is counted as it streams.
 */
@Injectable()
export class CsvUploadInterceptor implements NestInterceptor {
  private readonly receive: ReturnType<ReturnType<typeof multer>['single']>;
  private readonly maxBytes: number;

  constructor(@Inject(AppConfig) config: AppConfig) {
    this.maxBytes = config.importMaxBytes;
    this.receive = multer({
      storage: diskStorage({ destination: uploadFolder(config) }),
      limits: { fileSize: this.maxBytes, files: 1, fields: 20, parts: 30 },
    }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    if (!request.is('multipart')) {
      if (Number(request.headers['content-length'] ?? 0) > this.maxBytes) throw importTooLarge(this.maxBytes);
      return next.handle();
    }
    await new Promise<void>((resolve, reject) =>
      this.receive(request, response, (error: unknown) => (error ? reject(this.refusal(error)) : resolve())),
    );
    const path = request.file?.path;
    if (!path) return next.handle();
    const remove = () => unlink(path).catch(() => undefined);
    // Removed before the answer goes out (a client that sees the answer finds no file left), whatever the answer;
    // `finalize` also covers a request abandoned before either (unlinking twice is harmless).
    return next.handle().pipe(
      concatMap(async (answer: unknown) => {
        await remove();
        return answer;
      }),
      catchError(async (error: unknown) => {
        await remove();
        throw error;
      }),
      finalize(() => void remove()),
    );
  }

  private refusal(error: unknown): unknown {
    if (!(error instanceof MulterError)) return error;
    if (error.code === 'LIMIT_FILE_SIZE') return importTooLarge(this.maxBytes);
    return new BadRequestException(`the upload is not one CSV file in the multipart field "file": ${error.message}`);
  }
}
