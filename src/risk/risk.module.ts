import { Module } from '@nestjs/common';
import { RuleRegistry } from './rule-registry.service';
import { RulesController } from './rules.controller';

/** Risk rules: the YAML in `RULES_DIR`, loaded and validated, and the API over them. Runs, flags and scores come next. */
@Module({
  controllers: [RulesController],
  providers: [RuleRegistry],
  exports: [RuleRegistry],
})
export class RiskModule {}
