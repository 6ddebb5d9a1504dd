import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { UniverseController } from './universe.controller';
import { UniverseService } from './universe.service';
import { WorkingCalendarService } from './working-calendar.service';

/** The audit universe and its calendar: agencies, provincial-budget projects, holidays. */
@Module({
  imports: [ImportsModule],
  controllers: [UniverseController],
  providers: [UniverseService, WorkingCalendarService],
  exports: [UniverseService, WorkingCalendarService],
})
export class UniverseModule {}
