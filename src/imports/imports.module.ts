import { Module } from '@nestjs/common';
import { ImportBatchesService } from './import-batches.service';
import { ImportEvents } from './import-events';
import { ImportInboxService } from './import-inbox.service';
import { ImportService } from './import.service';
import { ImportsController } from './imports.controller';
import { SourceRegistry } from './source-registry';

/** The import pipeline, its sources and its batches. */
@Module({
  controllers: [ImportsController],
  providers: [ImportService, ImportBatchesService, SourceRegistry, ImportEvents, ImportInboxService],
  exports: [ImportService, ImportEvents, SourceRegistry, ImportInboxService],
})
export class ImportsModule {}
