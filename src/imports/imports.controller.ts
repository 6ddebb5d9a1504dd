import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createReadStream } from 'node:fs';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { AppConfig } from '../config/app-config';
import { CsvUploadInterceptor } from './csv-upload.interceptor';
import { ImportAccessGuard } from './import-access.guard';
import { ImportBatchesService } from './import-batches.service';
import { ImportService } from './import.service';
import { limitBytes } from './upload-limit';

const importQuerySchema = z.object({
  mode: z.enum(['strict', 'skip-invalid']).default('strict'),
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  fileName: z.string().max(300).optional(),
});
class ImportQueryDto extends createZodDto(importQuerySchema) {}

const listQuerySchema = z.object({
  source: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
class ListImportsQueryDto extends createZodDto(listQuerySchema) {}

@ApiTags('imports')
@ApiBearerAuth()
@Controller('api/imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportService,
    private readonly batches: ImportBatchesService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * Imports one CSV file: the body itself (`Content-Type: text/csv`) or the multipart field `file`.
   * 201 written, 200 dry run, 422 when strict mode finds invalid rows (nothing written), 413 over `IMPORT_MAX_MB`.
   * Source and role are checked (404, 403) before any byte of an upload is stored; the upload is removed
   * whatever the answer.
   */
  @Post(':source')
  @Roles('admin', 'auditor', 'finance', 'agency')
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @UseGuards(ImportAccessGuard)
  @UseInterceptors(CsvUploadInterceptor)
  async importFile(
    @Param('source') sourceName: string,
    @Query() query: ImportQueryDto,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const source = this.imports.sourceFor(sourceName);
    const type = request.headers['content-type'] ?? '';
    if (!file && /json|x-www-form-urlencoded/i.test(type)) {
      throw new BadRequestException('send the CSV as the body (Content-Type: text/csv) or as the multipart field "file"');
    }
    try {
      const outcome = await this.imports.import({
        source: source.name,
        input: file ? createReadStream(file.path) : limitBytes(request, this.config.importMaxBytes),
        fileName: file?.originalname ?? query.fileName ?? null,
        mode: query.mode,
        dryRun: query.dryRun,
        by: principal,
      });
      response.status(outcome.status === 'rejected' ? 422 : outcome.dryRun ? 200 : 201);
      return outcome;
    } finally {
      // What an import stopped early left unread (past the limit, a failed database): read and dropped, so the
      // answer goes out on a connection that stays usable, as multer does for a refused upload.
      if (!file && !request.readableEnded) request.unpipe().resume();
    }
  }

  @Get()
  @Roles('admin', 'auditor', 'finance')
  @HttpCode(200)
  async list(@Query() query: ListImportsQueryDto) {
    return this.batches.list(query);
  }
}
