import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { AgencyNamesController } from './agency-names.controller';
import { AgencyNamesService } from './agency-names.service';
import { UniverseController } from './universe.controller';
import { UniverseService } from './universe.service';
import { WorkingCalendarService } from './working-calendar.service';

/** The audit universe and its calendar: agencies, provincial-budget projects, holidays. */
@Module({
  imports: [ImportsModule],
  controllers: [UniverseController, AgencyNamesController],
  providers: [UniverseService, WorkingCalendarService, AgencyNamesService],
  exports: [UniverseService, WorkingCalendarService, AgencyNamesService],
})
export class UniverseModule {}
