import { Module } from '@nestjs/common';
import { UniverseModule } from '../universe/universe.module';
import { FlagsController } from './flags/flags.controller';
import { FlagsService } from './flags/flags.service';
import { RiskScoresController } from './scores/risk-scores.controller';
import { RiskScoreStore } from './scores/risk-score-store';
import { RiskScoreWarmer } from './scores/risk-score-warmer';
import { RiskScoresService } from './scores/risk-scores.service';
import { RuleRegistry } from './rule-registry.service';
import { RulesController } from './rules.controller';
import { RiskRunsController } from './runs/risk-runs.controller';
import { RiskRunsQueries } from './runs/risk-runs.queries';
import { RiskRunsService } from './runs/risk-runs.service';

/** Risk rules: the YAML in `RULES_DIR`, the rule queries and their runs, flags and triage, and risk scores. */
@Module({
  imports: [UniverseModule],
  controllers: [RulesController, RiskRunsController, FlagsController, RiskScoresController],
  providers: [RuleRegistry, RiskRunsService, RiskRunsQueries, FlagsService, RiskScoreStore, RiskScoresService, RiskScoreWarmer],
  exports: [RuleRegistry, RiskRunsService, FlagsService, RiskScoresService],
})
export class RiskModule {}
