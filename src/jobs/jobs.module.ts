import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ImportsModule } from '../imports/imports.module';
import { ScheduledJobs } from './scheduled-jobs';

@Module({ imports: [ScheduleModule.forRoot(), ImportsModule], providers: [ScheduledJobs] })
export class JobsModule {}
