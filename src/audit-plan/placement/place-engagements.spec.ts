import fc from 'fast-check';
import { eachDay } from '../../common/iso-date';
import { WorkingDayCalendar } from '../../common/working-days';
import type { AuditType } from '../planning-settings.schema';
import { violationsOf } from './check-placement';
import { placeEngagements } from './place-engagements';
import { canLead, hasSkill, isIndependentOf, type AuditorProfile, type EngagementRequest, type PlacementRules } from './placement-types';
import { PlanDays } from './plan-days';

const FY = 2568; // 2024-10-01 … 2025-09-30
const YEAR_DAYS = [...eachDay('2024-10-01', '2025-09-30')];
const AGENCIES = ['00101', '00701', '01601', '02101'];
const BLACKOUT = { from: '2025-09-17', to: '2025-09-30', reason: 'year-end close' };

function rulesWith(holidays: string[], overrides: Partial<PlacementRules> = {}): PlacementRules {
  return {
    fiscalYear: FY,
    calendar: new WorkingDayCalendar(holidays.map((date) => ({ date, name: 'test holiday' }))),
    blackouts: [BLACKOUT],
    teamSize: 2,
    leaderRoles: ['senior', 'head'],
    skillFor: { financial: 'financial', performance: 'performance' },
    coolingOffYears: 1,
    ...overrides,
  };
}

const auditor = (id: string, over: Partial<AuditorProfile> = {}): AuditorProfile => ({
  id,
  name: id,
  role: 'senior',
  availableDays: null,
  skills: ['financial', 'performance'],
  pastAgencies: [],
  unavailable: [],
  ...over,
});

const request = (key: string, over: Partial<EngagementRequest> = {}): EngagementRequest => ({
  key,
  auditType: 'financial',
  agencyCode: '00101',
  workingDays: 10,
  earliestStart: '2024-10-01',
  ...over,
});

describe('placeEngagements: examples', () => {
  const rules = rulesWith(['2024-10-14', '2024-10-23']);

  it('places the first engagement at the start of the year on working days only, with a leader first', () => {
    const { placed, unplaced } = placeEngagements([request('a', { workingDays: 10 })], [auditor('S1'), auditor('A1', { role: 'auditor' })], rules);
    expect(unplaced).toEqual([]);
    // 1 Oct 2024 is a Tuesday; 10 working days skipping two weekends and the 14 Oct holiday end on 15 Oct.
    expect(placed).toEqual([{ key: 'a', start: '2024-10-01', end: '2024-10-15', auditors: ['S1', 'A1'] }]);
  });

  it('puts the next engagement after the team is free again when nobody else can do it', () => {
    const { placed } = placeEngagements([request('a'), request('b')], [auditor('S1'), auditor('A1', { role: 'auditor' })], rules);
    expect(placed.map((p) => [p.key, p.start])).toEqual([
      ['a', '2024-10-01'],
      ['b', '2024-10-16'],
    ]);
  });

  it('keeps an auditor off an agency they left in this or the previous fiscal year, but not earlier', () => {
    const people = [
      auditor('S1', { pastAgencies: [{ agencyCode: '00701', yearLeft: 2567 }] }),
      auditor('S2', { pastAgencies: [{ agencyCode: '00701', yearLeft: 2566 }] }),
      auditor('A1', { role: 'auditor' }),
    ];
    const { placed } = placeEngagements([request('a', { agencyCode: '00701' })], people, rules);
    expect(placed[0].auditors).toEqual(['S2', 'A1']);
  });

  it('does not count an absence on a weekend inside the engagement', () => {
    // Saturday 5 Oct 2024 lies inside the first ten working days; nobody works it.
    const people = [auditor('S1', { unavailable: [{ from: '2024-10-05', to: '2024-10-06' }] }), auditor('A1', { role: 'auditor' })];
    const { placed } = placeEngagements([request('a')], people, rules);
    expect(placed[0]).toMatchObject({ start: '2024-10-01', auditors: ['S1', 'A1'] });
    const requestA = request('a');
    expect(violationsOf(placed[0], requestA, [], people, rules)).toEqual([]);
    expect(violationsOf({ ...placed[0], start: '2024-10-01' }, requestA, [], [auditor('S1', { unavailable: [{ from: '2024-10-04', to: '2024-10-06' }] }), people[1]], rules)).toEqual([
      'S1 is unavailable 2024-10-04 to 2024-10-06',
    ]);
  });

  it('explains why an engagement cannot be placed', () => {
    const people = [auditor('S1', { skills: ['financial'] }), auditor('A1', { role: 'auditor', skills: ['performance'] })];
    const { unplaced } = placeEngagements(
      [
        request('perf', { auditType: 'performance' }),
        request('project', { auditType: 'financial', earliestStart: null, noStartReason: 'no contract signed yet' }),
        request('long', { workingDays: 200, auditType: 'financial' }),
      ],
      [...people, auditor('A2', { role: 'auditor', skills: ['financial'], availableDays: 150 })],
      rules,
    );
    expect(unplaced).toEqual([
      { key: 'perf', reason: 'no senior or head with the performance skill can lead it' },
      { key: 'project', reason: 'no contract signed yet' },
      { key: 'long', reason: expect.stringMatching(/^no run of 200 consecutive working days/) },
    ]);
  });

  it('stays out of the blackout window and the auditors’ absences', () => {
    const people = [auditor('S1', { unavailable: [{ from: '2025-09-01', to: '2025-09-05' }] }), auditor('A1', { role: 'auditor' })];
    // S1, the only one who can lead, is away 1–5 Sep; 6 working days from 8 Sep end on 15 Sep, before the blackout.
    const { placed } = placeEngagements([request('late', { earliestStart: '2025-08-27', workingDays: 6 })], people, rules);
    expect(placed).toEqual([{ key: 'late', start: '2025-09-08', end: '2025-09-15', auditors: ['S1', 'A1'] }]);
    const { unplaced } = placeEngagements([request('too-late', { earliestStart: '2025-09-12', workingDays: 5 })], people, rules);
    expect(unplaced[0].reason).toMatch(/no run of 5 consecutive working days from 2025-09-12/);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties over random calendars, auditors and auditees.

const holidaysArb = fc.subarray(YEAR_DAYS, { maxLength: 25 });
const dateArb = fc.constantFrom(...YEAR_DAYS);
const auditorArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(id),
    role: fc.constantFrom('head', 'senior', 'auditor'),
    availableDays: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
    skills: fc.subarray(['financial', 'performance', 'compliance']),
    pastAgencies: fc.array(fc.record({ agencyCode: fc.constantFrom(...AGENCIES), yearLeft: fc.integer({ min: 2560, max: 2568 }) }), { maxLength: 2 }),
    unavailable: fc.array(
      fc.tuple(dateArb, fc.integer({ min: 0, max: 20 })).map(([from, length]) => {
        const to = YEAR_DAYS[Math.min(YEAR_DAYS.indexOf(from) + length, YEAR_DAYS.length - 1)];
        return { from, to };
      }),
      { maxLength: 2 },
    ),
  });
const auditorsArb = fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => auditorArb(`X${i + 1}`))));
const requestsArb = fc.array(
  fc.record({
    auditType: fc.constantFrom<AuditType>('financial', 'performance'),
    agencyCode: fc.constantFrom(...AGENCIES),
    workingDays: fc.integer({ min: 1, max: 30 }),
    earliestStart: fc.option(dateArb, { nil: null, freq: 8 }),
  }),
  { maxLength: 12 },
).map((list) => list.map((r, i): EngagementRequest => ({ key: `e${i}`, ...r })));

describe('placeEngagements: properties', () => {
  it('places every engagement only where every constraint holds', () => {
    fc.assert(
      fc.property(holidaysArb, auditorsArb, requestsArb, fc.integer({ min: 1, max: 3 }), (holidays, people, requests, teamSize) => {
        const rules = rulesWith(holidays, { teamSize });
        const { placed, unplaced } = placeEngagements(requests, people, rules);
        expect(placed.length + unplaced.length).toBe(requests.length);
        const requestOf = new Map(requests.map((r) => [r.key, r]));
        for (const p of placed) {
          const others = placed.filter((o) => o !== p).map((o) => ({ placement: o, request: requestOf.get(o.key)! }));
          expect(violationsOf(p, requestOf.get(p.key)!, others, people, rules)).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('leaves nothing unplaced that could still fit into the finished plan', () => {
    fc.assert(
      fc.property(holidaysArb, auditorsArb, requestsArb, (holidays, people, requests) => {
        const rules = rulesWith(holidays, { teamSize: 2 });
        const { placed, unplaced } = placeEngagements(requests, people, rules);
        const requestOf = new Map(requests.map((r) => [r.key, r]));
        const planned = placed.map((p) => ({ placement: p, request: requestOf.get(p.key)! }));
        const days = new PlanDays(FY, rules.calendar, rules.blackouts);
        for (const u of unplaced) {
          const r = requestOf.get(u.key)!;
          if (r.earliestStart === null) continue;
          // Only people who pass the per-person checks can make a valid team; the rest need not be tried.
          const eligible = people.filter((p) => hasSkill(p, r.auditType, rules) && isIndependentOf(p, r.agencyCode, rules));
          for (let from = days.firstIndexOnOrAfter(r.earliestStart); from + r.workingDays <= days.count; from++) {
            for (const leader of eligible.filter((p) => canLead(p, rules))) {
              for (const member of eligible) {
                if (member === leader) continue;
                const candidate = { key: r.key, start: days.days[from], end: days.days[from + r.workingDays - 1], auditors: [leader.id, member.id] };
                expect(violationsOf(candidate, r, planned, people, rules, days)).not.toEqual([]);
              }
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('places everything when the unit has people and days to spare', () => {
    fc.assert(
      fc.property(holidaysArb, requestsArb, (holidays, requests) => {
        const rules = rulesWith(holidays, { teamSize: 2 });
        const people = Array.from({ length: 2 * requests.length + 2 }, (_, i) => auditor(`P${i}`));
        const days = new PlanDays(FY, rules.calendar, rules.blackouts);
        const fits = (r: EngagementRequest) => {
          if (r.earliestStart === null) return false;
          const from = days.firstIndexOnOrAfter(r.earliestStart);
          for (let i = from; i + r.workingDays <= days.count; i++) if (!days.touchesBlackout(i, r.workingDays)) return true;
          return false;
        };
        const { placed } = placeEngagements(requests, people, rules);
        expect(placed.map((p) => p.key).sort()).toEqual(requests.filter(fits).map((r) => r.key).sort());
      }),
      { numRuns: 100 },
    );
  });

  it('gives higher-ranked engagements the earlier dates when they compete for the same people', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 15 }), (count, workingDays) => {
        const rules = rulesWith([]);
        const requests = Array.from({ length: count }, (_, i) => request(`r${i}`, { workingDays }));
        const { placed } = placeEngagements(requests, [auditor('S1'), auditor('A1', { role: 'auditor' })], rules);
        const starts = placed.map((p) => p.start);
        expect(starts).toEqual([...starts].sort());
      }),
    );
  });
});
