import request from 'supertest';
import type { Role } from '../src/auth/api-user.entity';
import { ROLES } from '../src/auth/api-user.entity';
import { SqlDatabase } from '../src/database/sql-database';
import { SourceRegistry } from '../src/imports/source-registry';
import { startTestApp, TestApp, TEST_ADMIN_TOKEN } from './support/test-app';

/**
 * Who may import what: the decision, written out here so that widening a source's roles is a visible change.
 * Agencies report their own plans and results, the finance office GFMIS, the audit unit everything but the
 * administrators' holidays; viewers import nothing.
 */
const MAY_IMPORT: Record<string, Role[]> = {
  agencies: ['admin', 'auditor'],
  'budget-projects': ['admin', 'auditor'],
  holidays: ['admin'],
  auditors: ['admin', 'auditor'],
  vendors: ['admin', 'auditor'],
  blacklist: ['admin', 'auditor'],
  'egp-contracts': ['admin', 'auditor'],
  'egp-bidders': ['admin', 'auditor'],
  'tender-events': ['admin', 'auditor'],
  committees: ['admin', 'auditor'],
  deliveries: ['admin', 'auditor'],
  'gfmis-disbursements': ['admin', 'auditor', 'finance'],
  'gfmis-payments': ['admin', 'auditor', 'finance'],
  'control-plans': ['admin', 'auditor', 'agency'],
  'plan-results': ['admin', 'auditor', 'agency'],
  complaints: ['admin', 'auditor'],
};

const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const PLAN_HEADER = 'ปีงบประมาณ,รหัสหน่วยงาน,ประเภทแผน,ลำดับ,โครงการ/กิจกรรม,เป้าหมาย';
const RESULT_HEADER = 'ปีงบประมาณ,รหัสหน่วยงาน,ประเภทแผน,ลำดับ,วันที่รายงาน,ผลการดำเนินการ,สถานะ';
const csv = (header: string, ...rows: string[]) => [header, ...rows].join('\n') + '\n';

describe('who may import what', () => {
  let t: TestApp;
  let sql: SqlDatabase;
  const tokens = {} as Record<Role, string>;
  const post = (source: string, token: string, body: string, query = '') =>
    request(t.app.getHttpServer())
      .post(`/api/imports/${source}${query}`)
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'text/csv')
      .send(body);

  beforeAll(async () => {
    t = await startTestApp();
    sql = t.app.get(SqlDatabase);
    await request(t.app.getHttpServer())
      .post('/api/imports/agencies')
      .set(admin)
      .set('Content-Type', 'text/csv')
      .send('รหัสหน่วยงาน,ชื่อหน่วยงาน\n21001,หน่วยงาน ก\n21002,หน่วยงาน ข\n')
      .expect(201);
    for (const role of ROLES) tokens[role] = await t.tokenFor(role, role === 'agency' ? '21001' : undefined);
  });
  afterAll(() => t.close());

  it('declares every source of the registry in the table above, as the sources themselves declare it', () => {
    const declared = Object.fromEntries(t.app.get(SourceRegistry).all().map((s) => [s.name, [...s.roles].sort()]));
    const decided = Object.fromEntries(Object.entries(MAY_IMPORT).map(([name, roles]) => [name, [...roles].sort()]));
    expect(declared).toEqual(decided);
  });

  it('lets every role import exactly the sources it may (an empty file), and answers 403 for the rest', async () => {
    const sources = t.app.get(SourceRegistry).all();
    const seen: string[] = [];
    const expected: string[] = [];
    for (const source of sources) {
      const header = source.columns.map((c) => c.aliases[0] ?? c.key).join(',');
      for (const role of ROLES) {
        const response = await post(source.name, tokens[role], source.name === 'egp-contracts' ? '' : `${header}\n`);
        const allowed = MAY_IMPORT[source.name].includes(role);
        // e-GP contracts need more than a header to tell the layout: an allowed caller gets 400 for the empty body.
        const ok = source.name === 'egp-contracts' ? 400 : 201;
        seen.push(`${source.name} × ${role}: ${response.status}`);
        expected.push(`${source.name} × ${role}: ${allowed ? ok : 403}`);
      }
    }
    expect(seen).toEqual(expected);
  });

  describe('an agency imports its own plan rows and no other agency\'s', () => {
    const planOfB = async () => sql.query(`select agency_code, activity_no, activity, target_text from control_plan_activities order by id`);

    beforeAll(async () => {
      await post('control-plans', tokens.admin, csv(PLAN_HEADER, '2568,21002,internal_control,1,กิจกรรมของ ข,ร้อยละ 80')).expect(201);
    });

    const mixedPlans = csv(
      PLAN_HEADER,
      '2568,21001,internal_control,1,กิจกรรมของ ก,ร้อยละ 90',
      '2568,21002,internal_control,1,แก้โดย ก,ร้อยละ 10', // B's activity, by its key
      '2568,๒๑๐๐๒,internal_control,2,ใหม่ของ ข,', // B again, in Thai digits
      '2568,จังหวัด,internal_control,1,แผนของจังหวัด,', // the province's own plan
    );

    it('strict: 422 naming every foreign row, and nothing written', async () => {
      const before = await planOfB();
      const response = await post('control-plans', tokens.agency, mixedPlans).expect(422);
      expect(response.body).toMatchObject({ rows: 4, inserted: 0, updated: 0, rejected: 3 });
      expect(response.body.errors).toEqual([
        { row: 3, column: 'รหัสหน่วยงาน', message: expect.stringMatching(/agency 21001 may import only its own rows; this row is of "21002"/) },
        { row: 4, column: 'รหัสหน่วยงาน', message: expect.stringContaining('"21002"') },
        { row: 5, column: 'รหัสหน่วยงาน', message: expect.stringContaining('"province"') },
      ]);
      expect(await planOfB()).toEqual(before);
    });

    it('skip-invalid: only the agency\'s own row is written', async () => {
      const response = await post('control-plans', tokens.agency, mixedPlans, '?mode=skip-invalid').expect(201);
      expect(response.body).toMatchObject({ inserted: 1, updated: 0, rejected: 3 });
      expect(await planOfB()).toEqual([
        { agency_code: '21002', activity_no: '1', activity: 'กิจกรรมของ ข', target_text: 'ร้อยละ 80' },
        { agency_code: '21001', activity_no: '1', activity: 'กิจกรรมของ ก', target_text: 'ร้อยละ 90' },
      ]);
    });

    it('plan-results: a result for another agency\'s activity, however the row names it, is a row error', async () => {
      const results = () => sql.query(`select agency_code, activity_no, to_char(reported_date, 'YYYY-MM-DD') as d, actual_text from plan_results order by id`);
      await post('plan-results', tokens.admin, csv(RESULT_HEADER, '2568,21002,internal_control,1,15 ม.ค. 68,50,in_progress')).expect(201);
      const before = await results();
      const mixed = csv(
        RESULT_HEADER,
        '2568,21001,internal_control,1,15 ม.ค. 68,70,in_progress',
        '2568,21002,internal_control,1,15 ม.ค. 68,0,not_started', // overwrites B's result
        '2568,๒๑๐๐๒,internal_control,1,1 ก.พ. 68,0,not_started', // a new result for B's activity
      );
      const strict = await post('plan-results', tokens.agency, mixed).expect(422);
      expect(strict.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
        [3, 'รหัสหน่วยงาน'],
        [4, 'รหัสหน่วยงาน'],
      ]);
      expect(await results()).toEqual(before);

      const skip = await post('plan-results', tokens.agency, mixed, '?mode=skip-invalid').expect(201);
      expect(skip.body).toMatchObject({ inserted: 1, updated: 0, rejected: 2 });
      expect(await results()).toEqual([...before, { agency_code: '21001', activity_no: '1', d: '2025-01-15', actual_text: '70' }]);
    });
  });
});
