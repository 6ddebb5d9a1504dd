import { Module } from '@nestjs/common';
import { ImportBatchesService } from './import-batches.service';
import { ImportEvents } from './import-events';
import { ImportService } from './import.service';
import { ImportsController } from './imports.controller';
import { SourceRegistry } from './source-registry';

/** The import pipeline, its sources and its batches. */
@Module({
  controllers: [ImportsController],
  providers: [ImportService, ImportBatchesService, SourceRegistry, ImportEvents],
  exports: [ImportService, ImportEvents, SourceRegistry],
})
export class ImportsModule {}
