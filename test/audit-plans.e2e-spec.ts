import request from 'supertest';
import { binaryBody } from './support/binary-body';
import { fiscalYearRange } from '../src/common/fiscal-year';
import { AuditPlansQueries } from '../src/audit-plan/audit-plans.queries';
import type { AuditPlanView, EngagementView } from '../src/audit-plan/audit-plan.views';
import { violationsOf } from '../src/audit-plan/placement/check-placement';
import type { EngagementRequest } from '../src/audit-plan/placement/placement-types';
import { blackoutsOf, type PlanningSettings } from '../src/audit-plan/planning-settings.schema';
import { SqlDatabase } from '../src/database/sql-database';
import { WorkingCalendarService } from '../src/universe/working-calendar.service';
import { startFixtureApp } from './support/fixture-database';
import type { TestApp } from './support/test-app';

const keyOf = (e: EngagementView) => `${e.auditeeType}:${e.auditeeKey}`;
const requestOf = (e: EngagementView): EngagementRequest => ({
  key: keyOf(e),
  auditType: e.auditType,
  agencyCode: e.agencyCode,
  workingDays: e.workingDays,
  earliestStart: e.earliestStart,
});

/** The annual audit plan over HTTP on the Rayong fixtures, FY2568, after a run of every rule. */
describe('audit plans API', () => {
  let t: TestApp;
  let auditor: { Authorization: string };
  let plan: AuditPlanView;
  const server = () => t.app.getHttpServer();

  /** Every broken constraint of every engagement of a plan, checked with the plan's own settings. */
  async function brokenConstraints(p: AuditPlanView): Promise<string[]> {
    const settings = p.settings as PlanningSettings;
    const rules = {
      fiscalYear: p.fiscalYear,
      calendar: await t.app.get(WorkingCalendarService).calendar(),
      blackouts: blackoutsOf(settings, Number(fiscalYearRange(p.fiscalYear).start.slice(0, 4))),
      teamSize: settings.team.size,
      leaderRoles: settings.team.leaderRoles,
      skillFor: settings.skills,
      coolingOffYears: settings.independence.coolingOffYears,
    };
    const auditors = await t.app.get(AuditPlansQueries).auditors();
    return p.engagements.flatMap((e) => {
      const others = p.engagements.filter((o) => o !== e).map((o) => ({ placement: { key: keyOf(o), start: o.start, end: o.end, auditors: o.auditors }, request: requestOf(o) }));
      return violationsOf({ key: keyOf(e), start: e.start, end: e.end, auditors: e.auditors }, requestOf(e), others, auditors, rules).map((v) => `${keyOf(e)}: ${v}`);
    });
  }

  beforeAll(async () => {
    t = await startFixtureApp();
    auditor = { Authorization: `Bearer ${await t.tokenFor('auditor')}` };
    await request(server()).post('/api/risk/runs').set(auditor).send({ fiscalYear: 2568 }).expect(201);
    plan = (await request(server()).post('/api/audit-plans').set(auditor).send({ fiscalYear: 2568 }).expect(201)).body;
  });
  afterAll(() => t.close());

  it('places 12 agency and 5 project engagements, nothing unplaced, every one within every constraint', async () => {
    expect(plan.engagements.filter((e) => e.auditeeType === 'agency' && e.auditType === 'financial')).toHaveLength(12);
    expect(plan.engagements.filter((e) => e.auditeeType === 'budget_project' && e.auditType === 'performance').map((e) => e.auditeeKey).sort()).toEqual([
      'RY68-001',
      'RY68-002',
      'RY68-003',
      'RY68-004',
      'RY68-005',
    ]);
    expect(plan.unplaced).toEqual([]);
    expect(await brokenConstraints(plan)).toEqual([]);
  });

  it('chooses the high and very high risks first, then agencies beyond the three-year coverage cycle, the riskiest of them', async () => {
    const { body: scores } = await request(server()).get('/api/risk/scores?fiscalYear=2568&entityType=agency').set(auditor).expect(200);
    const { body: agencies } = await request(server()).get('/api/agencies').set(auditor).expect(200);
    const lastAudited = new Map<string, string | null>(agencies.items.map((a: { code: string; lastAudited: string | null }) => [a.code, a.lastAudited]));
    type Scored = { key: string; band: { key: string } };
    const highRisk = scores.items.filter((s: Scored) => ['very_high', 'high'].includes(s.band.key));
    const overdue = scores.items.filter((s: Scored) => !highRisk.includes(s) && (!lastAudited.get(s.key) || lastAudited.get(s.key)! < '2021-10-01'));
    expect(highRisk.length).toBeGreaterThan(0);
    expect(highRisk.length + overdue.length).toBeGreaterThanOrEqual(12);
    const expected = [...highRisk, ...overdue].slice(0, 12).map((s: Scored) => s.key);

    const chosen = plan.engagements.filter((e) => e.auditeeType === 'agency');
    expect(chosen.map((e) => e.auditeeKey).sort()).toEqual([...expected].sort());
    expect(chosen.find((e) => e.auditeeKey === scores.items[0].key)).toBeDefined(); // the riskiest agency is in
    for (const e of chosen) {
      const high = highRisk.some((s: Scored) => s.key === e.auditeeKey);
      expect(e.reasons.selection.basis).toBe(high ? 'high_risk' : 'coverage');
      expect(e.rationale).toMatch(high ? /ตรวจทุกปี/ : /ไม่ได้รับการตรวจสอบตั้งแต่|ยังไม่เคยได้รับการตรวจสอบ/);
    }
  });

  it('explains each engagement with its score, largest parts, most serious flags and sizing', async () => {
    const top = plan.engagements[0];
    expect(top.rank).toBe(1);
    expect(top.riskScore).toBe(Math.max(...plan.engagements.map((e) => e.riskScore)));
    expect(top.reasons.topParts.length).toBeGreaterThan(0);
    expect(top.reasons.sizing.workingDays).toBe(top.workingDays);
    expect(top.rationale).toContain(`คะแนนความเสี่ยง ${top.riskScore}`);
    const project = plan.engagements.find((e) => e.auditeeKey === 'RY68-001')!;
    expect(project.earliestStart).toBe('2024-12-25'); // first contract signed 2024-12-24
    expect(project.start >= '2024-12-25').toBe(true);
    expect(project.reasons.topFlags.map((f) => f.ruleId)).toContain('price-near-reference');
  });

  it('refuses an edit that breaks a constraint, with the reason, and changes nothing', async () => {
    // The shortest engagement (at most 15 working days) started on 10 Sep runs into the 17–30 Sep blackout.
    const e = [...plan.engagements].sort((a, b) => a.workingDays - b.workingDays)[0];
    expect(e.workingDays).toBeLessThanOrEqual(15);
    const blackout = await request(server()).patch(`/api/audit-plans/${plan.id}/engagements/${e.id}`).set(auditor).send({ start: '2025-09-10' }).expect(422);
    expect(blackout.body.problems.join(' ')).toMatch(/blackout/);
    const weekend = await request(server()).patch(`/api/audit-plans/${plan.id}/engagements/${e.id}`).set(auditor).send({ start: '2024-10-05' }).expect(422);
    expect(weekend.body.problems).toEqual(['2024-10-05 is not a working day of fiscal year 2568']);
    // IA03 worked in 01601 until FY2567: not independent of it in FY2568.
    const project = plan.engagements.find((x) => x.auditeeKey === 'RY68-001')!;
    const conflict = await request(server())
      .patch(`/api/audit-plans/${plan.id}/engagements/${project.id}`)
      .set(auditor)
      .send({ auditors: ['IA03', project.auditors[1] === 'IA03' ? project.auditors[0] : project.auditors[1]] })
      .expect(422);
    expect(conflict.body.problems).toContain('IA03 worked in agency 01601 within the cooling-off period');
    const { body: after } = await request(server()).get(`/api/audit-plans/${plan.id}`).set(auditor).expect(200);
    expect(after.version).toBe(plan.version);
    expect(after.engagements).toEqual(plan.engagements);
  });

  it('accepts a move that keeps every constraint, raising the version', async () => {
    const last = plan.engagements[plan.engagements.length - 1];
    const { body } = await request(server()).patch(`/api/audit-plans/${plan.id}/engagements/${last.id}`).set(auditor).send({ start: '2025-07-01' }).expect(200);
    const moved = body.engagements.find((e: EngagementView) => e.id === last.id);
    expect(moved.start).toBe('2025-07-01');
    expect(body.version).toBe(plan.version + 1);
    expect(await brokenConstraints(body)).toEqual([]);
  });

  it('exports the plan as a Thai CSV, a calendar with one event per engagement and auditor, a workbook and JSON', async () => {
    const get = (format: string) =>
      request(server())
        .get(`/api/audit-plans/${plan.id}/export?format=${format}`)
        .set(auditor)
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
    const csv = await get('csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const csvText = (csv.body as Buffer).toString('utf8');
    expect(csvText.startsWith('\uFEFFลำดับ,หน่วยรับตรวจ')).toBe(true);
    expect(csvText.trim().split('\r\n')).toHaveLength(1 + 17);

    const ics = await get('ics');
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    const seats = plan.engagements.reduce((n, e) => n + e.auditors.length, 0);
    expect((ics.body as Buffer).toString('utf8').split('BEGIN:VEVENT').length - 1).toBe(seats);

    const xlsx = await get('xlsx');
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');

    const json = JSON.parse((await get('json')).body.toString('utf8'));
    expect(json.engagements).toHaveLength(17);
  });

  it('shows an agency user only its own engagement', async () => {
    const agency = { Authorization: `Bearer ${await t.tokenFor('agency', '02002')}` };
    const { body } = await request(server()).get(`/api/audit-plans/${plan.id}`).set(agency).expect(200);
    expect(body.engagements.map((e: EngagementView) => e.agencyCode)).toEqual(['02002']);
    expect(body.workload).toEqual([]);
    await request(server()).post('/api/audit-plans').set(agency).send({ fiscalYear: 2568 }).expect(403);
  });

  it('locks an approved plan', async () => {
    const { body } = await request(server()).post(`/api/audit-plans/${plan.id}/approve`).set(auditor).expect(200);
    expect(body).toMatchObject({ status: 'approved', approvedBy: 'test auditor' });
    const e = plan.engagements[0];
    await request(server()).patch(`/api/audit-plans/${plan.id}/engagements/${e.id}`).set(auditor).send({ start: '2024-10-02' }).expect(409);
    await request(server()).post(`/api/audit-plans/${plan.id}/approve`).set(auditor).expect(409);
  });

  it('makes a new revision when generated again, honouring must-include and exclude', async () => {
    const { body } = await request(server())
      .post('/api/audit-plans')
      .set(auditor)
      .send({ fiscalYear: 2568, financialAudits: 3, performanceAudits: 1, mustInclude: ['00101'], exclude: ['02002'] })
      .expect(201);
    expect(body.revision).toBe(2);
    expect(body.engagements.map((e: EngagementView) => e.auditeeKey)).toContain('00101');
    expect(body.engagements.map((e: EngagementView) => e.auditeeKey)).not.toContain('02002');
    expect(body.engagements).toHaveLength(4);
    const { body: list } = await request(server()).get('/api/audit-plans').set(auditor).expect(200);
    expect(list.items.map((p: { revision: number; status: string }) => [p.revision, p.status])).toEqual([
      [2, 'draft'],
      [1, 'approved'],
    ]);
  });

  it('keeps one approved plan per fiscal year: approving revision 2 supersedes revision 1, recorded with who and when', async () => {
    const { body: list } = await request(server()).get('/api/audit-plans').set(auditor).expect(200);
    const second = list.items.find((p: { revision: number }) => p.revision === 2);
    const admin = { Authorization: `Bearer ${await t.tokenFor('admin')}` };
    const { body: approved } = await request(server()).post(`/api/audit-plans/${second.id}/approve`).set(admin).expect(200);
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'test admin', supersededBy: null });
    expect(approved.history).toEqual([expect.objectContaining({ kind: 'approve', by: 'test admin', after: { supersedes: [plan.id] } })]);

    const { body: first } = await request(server()).get(`/api/audit-plans/${plan.id}`).set(auditor).expect(200);
    expect(first).toMatchObject({ status: 'superseded', approvedBy: 'test auditor', supersededBy: second.id, supersededAt: expect.any(String) });
    expect(first.history.map((e: { kind: string }) => e.kind)).toEqual(['edit', 'approve', 'supersede']);
    expect(first.history[2]).toMatchObject({ kind: 'supersede', by: 'test admin', after: { supersededBy: second.id }, at: first.supersededAt });

    const { body: after } = await request(server()).get('/api/audit-plans').set(auditor).expect(200);
    expect(after.items.map((p: { revision: number; status: string; supersededBy: string | null }) => [p.revision, p.status, p.supersededBy])).toEqual([
      [2, 'approved', null],
      [1, 'superseded', second.id],
    ]);
    // Locked like an approved plan.
    await request(server()).post(`/api/audit-plans/${plan.id}/approve`).set(auditor).expect(409);
    await request(server()).patch(`/api/audit-plans/${plan.id}/engagements/${plan.engagements[0].id}`).set(auditor).send({ start: '2024-10-02' }).expect(409);
  });

  it('ends two approvals of one year sent at once with one approved plan, and the database refuses a second', async () => {
    const generate = async () => (await request(server()).post('/api/audit-plans').set(auditor).send({ fiscalYear: 2568, financialAudits: 1, performanceAudits: 0 }).expect(201)).body;
    const [third, fourth] = [await generate(), await generate()];
    const answers = await Promise.all([third, fourth].map((p) => request(server()).post(`/api/audit-plans/${p.id}/approve`).set(auditor)));
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const { body } = await request(server()).get('/api/audit-plans').set(auditor).expect(200);
    const ofYear = body.items.filter((p: { fiscalYear: number }) => p.fiscalYear === 2568);
    const approved = ofYear.filter((p: { status: string }) => p.status === 'approved');
    expect(approved).toHaveLength(1);
    expect([third.id, fourth.id]).toContain(approved[0].id);
    expect(ofYear.filter((p: { status: string }) => p.status === 'superseded')).toHaveLength(ofYear.length - 1);

    const db = t.app.get(SqlDatabase);
    const other = [third.id, fourth.id].find((id) => id !== approved[0].id);
    await expect(db.query(`update audit_plans set status = 'approved' where id = $1`, [other])).rejects.toThrow(/audit_plans_one_approved_per_fiscal_year/);
  });

  it('refuses a plan request with a Christian-era year or an unknown field', async () => {
    await request(server()).post('/api/audit-plans').set(auditor).send({ fiscalYear: 2025 }).expect(400);
    await request(server()).post('/api/audit-plans').set(auditor).send({ fiscalYear: 2568, teams: 3 }).expect(400);
    await request(server()).get('/api/audit-plans/999999').set(auditor).expect(404);
  });
});
