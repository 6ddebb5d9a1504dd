import { Controller, Get, HttpCode, Inject, Post, UnprocessableEntityException } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { RuleFilesError } from './rule-loader';
import { RuleRegistry, RuleSet } from './rule-registry.service';

/** The rules in force (api-contract.md "Rules and flags"), as read from `RULES_DIR`. */
@ApiTags('rules')
@ApiBearerAuth()
@Controller('api/rules')
export class RulesController {
  constructor(@Inject(RuleRegistry) private readonly registry: RuleRegistry) {}

  @Get()
  @Roles('admin', 'auditor', 'viewer')
  @ApiOkResponse({ description: 'every rule in force with its parameters and the file it came from, plus the scoring settings' })
  list() {
    return present(this.registry.ruleSet);
  }

  /** Re-reads the rule files. 422 lists every problem, and the rules in force stay as they were. */
  @Post('reload')
  @HttpCode(200)
  @Roles('admin', 'auditor')
  @ApiOkResponse({ description: 'the new rules in force (same shape as GET /api/rules)' })
  @ApiUnprocessableEntityResponse({ description: '{ message, problems: [{ file, path, message }] }; the rules in force stay' })
  reload() {
    try {
      return present(this.registry.reload());
    } catch (error) {
      if (!(error instanceof RuleFilesError)) throw error;
      throw new UnprocessableEntityException({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: `the rule files are invalid (${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}); the rules in force stay as they were`,
        problems: error.problems,
      });
    }
  }
}

function present(set: RuleSet) {
  return {
    total: set.rules.length,
    hash: set.hash,
    loadedAt: set.loadedAt.toISOString(),
    items: set.rules.map((r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      anchor: r.anchor,
      enabled: r.enabled,
      weight: r.weight,
      severity: r.severity,
      entity: r.entity,
      parameters: r.parameters,
      file: r.file,
    })),
    scoring: set.scoring,
    planning: set.planning,
  };
}
