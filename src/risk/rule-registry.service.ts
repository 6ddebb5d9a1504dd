import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import type { PlanningSettings } from '../audit-plan/planning-settings.schema';
import type { RuleId, ScoringSettings } from './rule-file.schema';
import { LoadedRule, loadRuleFiles, RuleFilesError } from './rule-loader';

/** The rules in force: what `rules/` held at the last successful load. */
export interface RuleSet {
  /** Every catalogue rule (enabled or not), in catalogue order. */
  readonly rules: readonly LoadedRule[];
  readonly scoring: ScoringSettings;
  readonly planning: PlanningSettings;
  /** sha256 over the rule files' names and contents; a run records it to say which rules it used. */
  readonly hash: string;
  readonly loadedAt: Date;
}

/**
 * Holds the rules in force, read from `RULES_DIR`. Start-up loads them and a broken folder stops start-up
 * with every problem named. `reload()` swaps in a new set only when the whole folder is valid; otherwise
 * the rules in force stay and the problems are thrown (`RuleFilesError`).
 */
@Injectable()
export class RuleRegistry implements OnModuleInit {
  private readonly logger = new Logger('Rules');
  private current?: RuleSet;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  onModuleInit(): void {
    this.current = this.read();
    this.logger.log(`${this.current.rules.length} rules loaded from ${this.config.rulesDir} (${this.current.hash.slice(0, 12)})`);
  }

  /** Re-reads the folder. On success the new set is in force and returned; on failure nothing changes. */
  reload(): RuleSet {
    let next: RuleSet;
    try {
      next = this.read();
    } catch (error) {
      if (error instanceof RuleFilesError) {
        this.logger.warn(`reload refused, the rules in force stay: ${error.message}`);
      }
      throw error;
    }
    this.current = next;
    this.logger.log(`${next.rules.length} rules reloaded from ${this.config.rulesDir} (${next.hash.slice(0, 12)})`);
    return next;
  }

  /** The set in force. */
  get ruleSet(): RuleSet {
    if (!this.current) throw new Error('the rules are not loaded yet');
    return this.current;
  }

  /** One rule in force by id (enabled or not). */
  rule<Id extends RuleId>(id: Id): Extract<LoadedRule, { id: Id }> {
    return this.ruleSet.rules.find((r) => r.id === id) as Extract<LoadedRule, { id: Id }>;
  }

  /** The rules a run should evaluate. */
  enabledRules(): LoadedRule[] {
    return this.ruleSet.rules.filter((r) => r.enabled);
  }

  private read(): RuleSet {
    const loaded = loadRuleFiles(this.config.rulesDir);
    return { ...loaded, loadedAt: new Date() };
  }
}
