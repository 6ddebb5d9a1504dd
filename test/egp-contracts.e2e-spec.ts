import request from 'supertest';
import { SqlDatabase } from '../src/database/sql-database';
import { egpHeaderLine, EgpCsvContract, EgpLayoutName, writeEgpCsvLine } from '../src/procurement/egp';
import { startTestApp, TestApp, TEST_ADMIN_TOKEN } from './support/test-app';

const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

/** Three contracts with the defects of the published files: a comma in a title, swapped methods, damaged tax ids. */
const CONTRACTS: EgpCsvContract[] = [
  {
    projectId: '68019245871',
    projectName: 'ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3, ตำบลเนินพระ',
    projectTypeText: 'จ้างก่อสร้าง',
    deptName: 'สนง.เกษตรจังหวัดระยอง',
    methodText: 'วิธีการจัดหา ประกาศเชิญชวนทั่วไป คัดเลือก เฉพาะเจาะจง', // swapped with the group column
    methodGroupText: 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)',
    announceDate: '2024-11-15',
    projectMoney: '4500000.00',
    priceBuild: '4498500.00',
    sumPriceAgree: '3950000.00',
    budgetYear: 2568,
    province: 'ระยอง',
    district: 'เมืองระยอง',
    subdistrict: 'เนินพระ',
    winnerTinRaw: '105552012347', // lost its leading zero
    winnerName: 'บริษัท ระยองก่อสร้าง จำกัด',
    contractNo: '12/2568',
    contractDate: '2025-01-10',
    contractFinishDate: '2025-06-30',
    priceAgree: '3950000.00',
    contractStatusText: 'ระหว่างดำเนินการ',
  },
  {
    projectId: '67099012345',
    projectName: 'ซื้อวัสดุสำนักงาน',
    projectTypeText: 'ซื้อ',
    deptName: 'สำนักงานจังหวัดระยอง',
    methodText: 'เฉพาะเจาะจง',
    methodGroupText: 'วิธีการจัดหา ประกาศเชิญชวนทั่วไป คัดเลือก เฉพาะเจาะจง',
    projectMoney: '98500',
    priceBuild: '98500',
    budgetYear: 2567,
    province: 'ระยอง',
    winnerTinRaw: '1.05552E+11', // damaged by Excel before publication
    winnerName: 'ห้างหุ้นส่วนจำกัด บ้านฉางพาณิชย์',
    contractNo: 'PO-2567/101',
    contractDate: '2024-09-17',
    priceAgree: '97000',
    contractStatusText: 'ส่งงานครบถ้วน',
  },
  {
    projectId: '68029310456',
    projectName: 'จ้างเหมาบริการทำความสะอาด',
    projectTypeText: 'จ้างทำของ/จ้างเหมาบริการ',
    deptName: 'องค์การบริหารส่วนตำบลทดสอบ',
    methodText: 'เฉพาะเจาะจง',
    projectMoney: '120000',
    budgetYear: 2568,
    province: 'ระยอง',
    winnerTinRaw: '0105552012348', // bad check digit: kept, marked invalid
    winnerName: 'บริษัท สะอาดดี จำกัด',
    contractNo: '3/2568',
    contractDate: '2024-12-02',
    priceAgree: '118000',
  },
];

const file = (layout: EgpLayoutName) =>
  [egpHeaderLine(layout), ...CONTRACTS.map((c, i) => writeEgpCsvLine(c, layout, i + 1))].join('\r\n') + '\r\n';

describe('e-GP contract files as published', () => {
  let t: TestApp;
  const post = (body: string) =>
    request(t.app.getHttpServer()).post('/api/imports/egp-contracts').set(admin).set('Content-Type', 'text/csv').send(body);

  beforeAll(async () => {
    t = await startTestApp();
    await request(t.app.getHttpServer())
      .post('/api/imports/agencies')
      .set(admin)
      .set('Content-Type', 'text/csv')
      .send('รหัสหน่วยงาน,ชื่อหน่วยงาน\n00101,สำนักงานจังหวัดระยอง\n00701,สำนักงานเกษตรจังหวัดระยอง\n')
      .expect(201);
  });
  afterAll(() => t.close());

  it('loads the FY2565–2567 layout, reporting every repair, matching agencies by name', async () => {
    const response = await post(file('fy2565-2567-31col')).expect(201);
    expect(response.body).toMatchObject({ layout: 'fy2565-2567-31col', rows: 3, inserted: 3, rejected: 0 });
    const repairs = response.body.repairs.map((r: { row: number; column: string }) => [r.row, r.column]);
    expect(repairs).toEqual(
      expect.arrayContaining([
        [2, 'วิธีจัดซื้อฯ'],
        [2, 'เลขนิติบุคคล'],
        [3, 'เลขนิติบุคคล'],
        [4, 'เลขนิติบุคคล'],
      ]),
    );
    expect(response.body.notes.join(' ')).toContain('องค์การบริหารส่วนตำบลทดสอบ (1)');

    const rows = await t.app.get(SqlDatabase).query(
      `select project_id, contract_no, agency_code, agency_match, method, winner_tin, winner_tin_raw, winner_tin_valid,
              price_agree::text, fiscal_year from egp_contracts order by project_id`,
    );
    expect(rows).toEqual([
      {
        project_id: '67099012345', contract_no: 'PO-2567/101', agency_code: '00101', agency_match: 'exact', method: 'specific',
        winner_tin: null, winner_tin_raw: '1.05552E+11', winner_tin_valid: false, price_agree: '97000.00', fiscal_year: 2567,
      },
      {
        project_id: '68019245871', contract_no: '12/2568', agency_code: '00701', agency_match: 'normalised', method: 'e_bidding',
        winner_tin: '0105552012347', winner_tin_raw: '105552012347', winner_tin_valid: true, price_agree: '3950000.00', fiscal_year: 2568,
      },
      {
        project_id: '68029310456', contract_no: '3/2568', agency_code: null, agency_match: null, method: 'specific',
        winner_tin: '0105552012348', winner_tin_raw: '0105552012348', winner_tin_valid: false, price_agree: '118000.00', fiscal_year: 2568,
      },
    ]);
  });

  it.each<EgpLayoutName>(['fy2568-26-names-28-values', 'fy2568-31-names-28-values', 'canonical-28', 'english-keys'])(
    'reads the same contracts from the %s layout as the very same records',
    async (layout) => {
      const response = await post(file(layout)).expect(201);
      expect(response.body).toMatchObject({ layout, rows: 3, inserted: 0, updated: 0, unchanged: 3 });
    },
  );

  it('lists the unmatched agency name and maps it once for stored and later contracts', async () => {
    const server = t.app.getHttpServer();
    const unmatched = await request(server).get('/api/agency-names/unmatched').set(admin).expect(200);
    expect(unmatched.body.items).toEqual([{ name: 'องค์การบริหารส่วนตำบลทดสอบ', contracts: 1, firstProjectId: '68029310456' }]);
    const mapped = await request(server)
      .put('/api/agency-names')
      .set(admin)
      .send({ name: 'องค์การบริหารส่วนตำบลทดสอบ', agencyCode: '00101' })
      .expect(200);
    expect(mapped.body).toEqual({ name: 'องค์การบริหารส่วนตำบลทดสอบ', agencyCode: '00101', contractsUpdated: 1 });
    expect((await request(server).get('/api/agency-names/unmatched').set(admin).expect(200)).body.total).toBe(0);
    const again = await post(file('canonical-28')).expect(201);
    expect(again.body).toMatchObject({ unchanged: 3, notes: [] });
    await request(server).put('/api/agency-names').set(admin).send({ name: 'x', agencyCode: '99999' }).expect(404);
  });

  it('refuses a file that is not an e-GP contract file, and rows with impossible values', async () => {
    await post('a,b,c\n1,2,3\n').expect(400);
    const bad = file('canonical-28').replace('68019245871', '6801924587X');
    const response = await post(bad).expect(422);
    expect(response.body.errors).toEqual([{ row: 2, column: 'รหัสโครงการ', message: expect.any(String) }]);
  });
});
