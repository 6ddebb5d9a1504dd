import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { RiskModule } from '../risk/risk.module';
import { DemoDataLoader } from './demo-data.loader';

@Module({ imports: [ImportsModule, RiskModule], providers: [DemoDataLoader] })
export class DemoModule {}
