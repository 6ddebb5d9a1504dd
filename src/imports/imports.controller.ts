import {
  BadRequestException,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { diskStorage } from 'multer';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { ImportBatchesService } from './import-batches.service';
import { ImportService } from './import.service';

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
  ) {}

  /**
   * Imports one CSV file: the body itself (`Content-Type: text/csv`) or the multipart field `file`.
   * 201 written, 200 dry run, 422 when strict mode finds invalid rows (nothing written).
   */
  @Post(':source')
  @Roles('admin', 'auditor', 'finance', 'agency')
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @UseInterceptors(FileInterceptor('file', { storage: diskStorage({ destination: tmpdir() }) }))
  async importFile(
    @Param('source') sourceName: string,
    @Query() query: ImportQueryDto,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const source = this.imports.sourceFor(sourceName);
    if (!source.roles.includes(principal.role)) {
      throw new ForbiddenException(`role ${principal.role} may not import ${source.name}`);
    }
    const type = request.headers['content-type'] ?? '';
    if (!file && /json|x-www-form-urlencoded/i.test(type)) {
      throw new BadRequestException('send the CSV as the body (Content-Type: text/csv) or as the multipart field "file"');
    }
    try {
      const outcome = await this.imports.import({
        source: source.name,
        input: file ? createReadStream(file.path) : request,
        fileName: file?.originalname ?? query.fileName ?? null,
        mode: query.mode,
        dryRun: query.dryRun,
        by: principal,
      });
      response.status(outcome.status === 'rejected' ? 422 : outcome.dryRun ? 200 : 201);
      return outcome;
    } finally {
      if (file) await unlink(file.path).catch(() => undefined);
    }
  }

  @Get()
  @Roles('admin', 'auditor', 'finance')
  @HttpCode(200)
  async list(@Query() query: ListImportsQueryDto) {
    return this.batches.list(query);
  }
}
