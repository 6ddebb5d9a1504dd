import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ImportsModule } from '../imports/imports.module';
import { RiskModule } from '../risk/risk.module';
import { InterruptedWorkSweeper } from './interrupted-work.sweeper';
import { ScheduledJobs } from './scheduled-jobs';

@Module({ imports: [ScheduleModule.forRoot(), ImportsModule, RiskModule], providers: [ScheduledJobs, InterruptedWorkSweeper] })
export class JobsModule {}
