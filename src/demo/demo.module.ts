import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { DemoDataLoader } from './demo-data.loader';

@Module({ imports: [ImportsModule], providers: [DemoDataLoader] })
export class DemoModule {}
