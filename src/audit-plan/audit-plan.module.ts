import { Module } from '@nestjs/common';
import { RiskModule } from '../risk/risk.module';
import { UniverseModule } from '../universe/universe.module';
import { AuditPlansController } from './audit-plans.controller';
import { AuditPlansQueries } from './audit-plans.queries';
import { AuditPlansService } from './audit-plans.service';

/** The risk-based annual audit plan: choosing, sizing, placing, explaining, editing, approving, exporting. */
@Module({
  imports: [RiskModule, UniverseModule],
  controllers: [AuditPlansController],
  providers: [AuditPlansService, AuditPlansQueries],
  exports: [AuditPlansService],
})
export class AuditPlanModule {}
