import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { fiscalYearRange } from '../common/fiscal-year';
import { SqlDatabase } from '../database/sql-database';
import { RuleRegistry } from '../risk/rule-registry.service';
import { RiskScoresService, type RiskScoreView } from '../risk/scores/risk-scores.service';
import { WorkingCalendarService } from '../universe/working-calendar.service';
import { chooseAuditees, type Candidate } from './choose-auditees';
import { violationsOf } from './placement/check-placement';
import { placeEngagements } from './placement/place-engagements';
import type { EngagementRequest, PlacementRules } from './placement/placement-types';
import { PlanDays } from './placement/plan-days';
import { blackoutsOf, type PlanningSettings } from './planning-settings.schema';
import { engagementRequestOf } from './engagement-request';
import { explainEngagement } from './rationale';
import { sizeEngagement } from './size-engagement';
import type { AuditPlanView, EngagementView, PlanRequest, UnplacedView } from './audit-plan.views';
import { AuditPlansQueries } from './audit-plans.queries';

/** Key (with the fiscal year) of the transaction lock that queues approvals of one year: 'plan'. */
const APPROVAL_LOCK = 0x70_6c_61_6e;

interface ScoredCandidate extends Candidate {
  view: RiskScoreView;
  name: string;
  agencyCode: string;
  /** Projects: the e-GP ids whose first signed contract opens the performance audit. */
  firstContractDate?: string | null;
}

/**
 * Generates, stores, edits and approves the annual audit plan (issue: the risk-based annual audit schedule):
 * choose auditees by risk and coverage, size each engagement, place it on the fiscal year's working days with
 * a team that is free, skilled and independent, and explain each choice.
 */
@Injectable()
export class AuditPlansService {
  constructor(
    @Inject(SqlDatabase) private readonly db: SqlDatabase,
    @Inject(RuleRegistry) private readonly registry: RuleRegistry,
    @Inject(RiskScoresService) private readonly scores: RiskScoresService,
    @Inject(WorkingCalendarService) private readonly calendars: WorkingCalendarService,
    @Inject(AuditPlansQueries) private readonly queries: AuditPlansQueries,
  ) {}

  async generate(request: PlanRequest, by: string | null): Promise<AuditPlanView> {
    const { planning, hash, rules } = this.registry.ruleSet;
    const fiscalYear = request.fiscalYear;
    const yearStart = fiscalYearRange(fiscalYear).start;
    const counts = {
      financialAudits: request.financialAudits ?? planning.defaults.financialAudits,
      performanceAudits: request.performanceAudits ?? planning.defaults.performanceAudits,
    };
    const candidates = await this.candidates(fiscalYear);
    const chosen = chooseAuditees(candidates, {
      ...counts,
      mustInclude: request.mustInclude ?? [],
      exclude: request.exclude ?? [],
      riskBandsFirst: planning.coverage.riskBandsFirst,
      coverageCycleYears: request.coverageCycleYears ?? planning.coverage.cycleYears,
      asOf: yearStart,
    });
    // Higher risk first: it gets the earlier dates and the first pick of people.
    chosen.sort((a, b) => b.candidate.score - a.candidate.score || b.candidate.combined - a.candidate.combined || a.candidate.key.localeCompare(b.candidate.key));

    const titles = new Map(rules.map((r) => [r.id as string, r.title.th]));
    const drafts = chosen.map((c) => {
      const sizing = sizeEngagement(c.auditType, c.candidate.view.band.key, c.candidate.amountAtStake, planning.sizing);
      const request = engagementRequestOf(c.candidate, c.auditType, sizing.workingDays, yearStart, planning);
      const { rationale, reasons } = explainEngagement(c, c.candidate.view, sizing, c.candidate.lastAudited ?? null, titles);
      return { chosen: c, sizing, request, rationale, reasons };
    });

    const placementRules = await this.placementRules(fiscalYear, planning);
    const auditors = await this.queries.auditors();
    const { placed, unplaced } = placeEngagements(drafts.map((d) => d.request), auditors, placementRules);
    const placedByKey = new Map(placed.map((p) => [p.key, p]));
    const reasonByKey = new Map(unplaced.map((u) => [u.key, u.reason]));

    const unplacedViews: UnplacedView[] = drafts
      .filter((d) => reasonByKey.has(d.request.key))
      .map((d) => ({
        auditeeType: d.chosen.candidate.auditeeType,
        auditeeKey: d.chosen.candidate.key,
        auditeeName: d.chosen.candidate.name,
        auditType: d.chosen.auditType,
        workingDays: d.sizing.workingDays,
        riskScore: d.chosen.candidate.score,
        reason: reasonByKey.get(d.request.key)!,
      }));

    const planId = await this.db.transaction(async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `insert into audit_plans (fiscal_year, revision, request, settings, rules_hash, unplaced, created_by)
         values ($1, (select coalesce(max(revision), 0) + 1 from audit_plans where fiscal_year = $1), $2, $3, $4, $5, $6) returning id`,
        [fiscalYear, JSON.stringify({ ...request, ...counts }), JSON.stringify(planning), hash, JSON.stringify(unplacedViews), by],
      );
      const id = rows[0].id;
      let rank = 0;
      for (const d of drafts) {
        const placement = placedByKey.get(d.request.key);
        if (!placement) continue;
        const c = d.chosen.candidate;
        await client.query(
          `insert into audit_engagements (plan_id, rank, auditee_type, auditee_key, auditee_name, agency_code, audit_type, start_date, end_date,
                                          working_days, auditors, earliest_start, risk_score, likelihood, impact, band, amount_at_stake, rationale, reasons)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
          [
            id, ++rank, c.auditeeType, c.key, c.name, c.agencyCode, d.chosen.auditType, placement.start, placement.end,
            d.sizing.workingDays, placement.auditors, d.request.earliestStart, c.score, c.view.likelihood, c.view.impact,
            c.view.band.key, c.view.amountAtStake, d.rationale, JSON.stringify(d.reasons),
          ],
        );
      }
      return id;
    });
    return this.plan(planId);
  }

  plan(id: string, agency?: string): Promise<AuditPlanView> {
    return this.queries.plan(id, agency);
  }

  /**
   * Moves an engagement (a new start; the end follows from its working days) or changes its team, checked
   * against every constraint of the plan with the settings it was made with. Refused with the reasons.
   */
  async editEngagement(planId: string, engagementId: string, change: { start?: string; auditors?: string[] }, by: string | null): Promise<AuditPlanView> {
    const plan = await this.plan(planId);
    if (plan.status !== 'draft') throw new ConflictException(`plan ${planId} is ${plan.status} and locked; generate a new revision to change it`);
    const target = plan.engagements.find((e) => e.id === engagementId);
    if (!target) throw new NotFoundException(`plan ${planId} has no engagement ${engagementId}`);

    const settings = plan.settings as PlanningSettings;
    const rules = await this.placementRules(plan.fiscalYear, settings);
    const days = new PlanDays(plan.fiscalYear, rules.calendar, rules.blackouts);
    const start = change.start ?? target.start;
    const from = days.indexOf(start);
    if (from === undefined) throw this.refusal([`${start} is not a working day of fiscal year ${plan.fiscalYear}`]);
    if (from + target.workingDays > days.count) throw this.refusal([`${target.workingDays} working days from ${start} run past the end of the fiscal year`]);
    const placement = { key: keyOf(target), start, end: days.days[from + target.workingDays - 1], auditors: change.auditors ?? target.auditors };
    const others = plan.engagements.filter((e) => e.id !== engagementId).map((e) => ({ placement: placementOf(e), request: requestOf(e) }));
    const problems = violationsOf(placement, requestOf(target), others, await this.queries.auditors(), rules, days);
    if (problems.length) throw this.refusal(problems);

    await this.db.transaction(async (client) => {
      await this.lockDraft(client, planId);
      await client.query(`update audit_engagements set start_date = $2, end_date = $3, auditors = $4 where id = $1`, [
        engagementId,
        placement.start,
        placement.end,
        placement.auditors,
      ]);
      const { rows } = await client.query<{ version: number }>(`update audit_plans set version = version + 1 where id = $1 returning version`, [planId]);
      await client.query(
        `insert into audit_plan_events (plan_id, engagement_id, kind, before, after, version, by) values ($1, $2, 'edit', $3, $4, $5, $6)`,
        [planId, engagementId, JSON.stringify(placementOf(target)), JSON.stringify(placement), rows[0].version, by],
      );
    });
    return this.plan(planId);
  }

  /**
   * Approves a draft; the plan approved before it for the same fiscal year, if any, becomes `superseded` (with an
   * event: by whom, when, replaced by which plan). Approvals of one year queue on a transaction lock of that year,
   * so two at once end with the later one approved and the earlier superseded; the partial unique index on
   * approved plans per year refuses anything else.
   */
  async approve(planId: string, by: string | null): Promise<AuditPlanView> {
    await this.db.transaction(async (client) => {
      const [plan] = /^\d{1,18}$/.test(planId)
        ? (await client.query<{ fiscal_year: number }>(`select fiscal_year from audit_plans where id = $1`, [planId])).rows
        : [];
      if (!plan) throw new NotFoundException(`no audit plan ${planId}`);
      await client.query('select pg_advisory_xact_lock($1, $2)', [APPROVAL_LOCK, plan.fiscal_year]);
      const version = await this.lockDraft(client, planId);
      const { rows: superseded } = await client.query<{ id: string; version: number }>(
        `update audit_plans set status = 'superseded', superseded_by_plan_id = $2, superseded_at = now()
          where fiscal_year = $1 and status = 'approved' and id <> $2 returning id, version`,
        [plan.fiscal_year, planId],
      );
      for (const old of superseded) {
        await client.query(`insert into audit_plan_events (plan_id, kind, after, version, by) values ($1, 'supersede', $2, $3, $4)`, [
          old.id,
          JSON.stringify({ supersededBy: planId }),
          old.version,
          by,
        ]);
      }
      await client.query(`update audit_plans set status = 'approved', approved_by = $2, approved_at = now() where id = $1`, [planId, by]);
      await client.query(`insert into audit_plan_events (plan_id, kind, after, version, by) values ($1, 'approve', $2, $3, $4)`, [
        planId,
        superseded.length ? JSON.stringify({ supersedes: superseded.map((p) => p.id) }) : null,
        version,
        by,
      ]);
    });
    return this.plan(planId);
  }

  /** Locks the plan row for the change and refuses an approved or superseded plan. */
  private async lockDraft(client: PoolClient, planId: string): Promise<number> {
    const { rows } = await client.query<{ status: string; version: number; superseded_by_plan_id: string | null }>(
      `select status, version, superseded_by_plan_id from audit_plans where id = $1 for update`,
      [planId],
    );
    if (rows.length === 0) throw new NotFoundException(`no audit plan ${planId}`);
    if (rows[0].status === 'approved') throw new ConflictException(`plan ${planId} is approved and locked; generate a new revision to change it`);
    if (rows[0].status === 'superseded') {
      throw new ConflictException(`plan ${planId} was superseded by plan ${rows[0].superseded_by_plan_id} and is locked; generate a new revision to change it`);
    }
    return rows[0].version;
  }

  private refusal(problems: string[]): UnprocessableEntityException {
    return new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message: `the change breaks ${problems.length} constraint(s) of the plan`, problems });
  }

  private async candidates(fiscalYear: number): Promise<ScoredCandidate[]> {
    const [{ items }, facts] = await Promise.all([this.scores.scores(fiscalYear), this.queries.auditeeFacts(fiscalYear)]);
    return items.map((view) => {
      const fact = facts.get(`${view.entityType}:${view.key}`);
      return {
        auditeeType: view.entityType,
        key: view.key,
        name: view.name,
        agencyCode: view.agencyCode,
        score: view.score,
        combined: view.combined,
        band: view.band.key,
        amountAtStake: Number(view.amountAtStake),
        lastAudited: fact?.lastAudited ?? null,
        firstContractDate: fact?.firstContractDate ?? null,
        view,
      };
    });
  }

  private async placementRules(fiscalYear: number, planning: PlanningSettings): Promise<PlacementRules> {
    return {
      fiscalYear,
      calendar: await this.calendars.calendar(),
      blackouts: blackoutsOf(planning, Number(fiscalYearRange(fiscalYear).start.slice(0, 4))),
      teamSize: planning.team.size,
      leaderRoles: planning.team.leaderRoles,
      skillFor: planning.skills,
      coolingOffYears: planning.independence.coolingOffYears,
    };
  }
}

function keyOf(e: EngagementView): string {
  return `${e.auditeeType}:${e.auditeeKey}`;
}
function placementOf(e: EngagementView) {
  return { key: keyOf(e), start: e.start, end: e.end, auditors: e.auditors };
}
function requestOf(e: EngagementView): EngagementRequest {
  return { key: keyOf(e), auditType: e.auditType, agencyCode: e.agencyCode, workingDays: e.workingDays, earliestStart: e.earliestStart };
}

