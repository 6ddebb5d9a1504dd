import { Readable } from 'node:stream';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { SqlDatabase } from '../../database/sql-database';
import { ImportService } from '../import.service';

/** The procurement sources other than e-GP contracts, through the real pipeline into PostgreSQL. */
describe('procurement sources (PostgreSQL)', () => {
  let t: TestApp;
  let sql: SqlDatabase;
  const load = (source: string, text: string, mode: 'strict' | 'skip-invalid' = 'strict') =>
    t.app.get(ImportService).import({ source, input: Readable.from([Buffer.from(text)]), mode });

  beforeAll(async () => {
    t = await startTestApp();
    sql = t.app.get(SqlDatabase);
  });
  afterAll(() => t.close());

  it('egp-bidders: restores a lost leading zero, keys bids without a tax id by name, reads Thai statuses', async () => {
    const outcome = await load(
      'egp-bidders',
      'เลขที่โครงการ,เลขประจำตัวผู้เสียภาษี,ชื่อผู้เสนอราคา,ราคาที่เสนอ,วันที่ยื่นข้อเสนอ,สถานะ\n' +
        '68019245871,105552012347,บริษัท ระยองก่อสร้าง จำกัด,"3,950,000",5 ธ.ค. 67,ผู้ชนะ\n' +
        '68019245871,,ห้างหุ้นส่วนจำกัด  ทดสอบ,"4,100,000.00",5 ธ.ค. 67,ผ่านคุณสมบัติ\n' +
        '68019245871,0105552012347,ซ้ำ,1,,\n',
      'skip-invalid',
    );
    expect(outcome).toMatchObject({ inserted: 2, rejected: 1 });
    expect(outcome.repairs).toEqual([{ row: 2, column: 'เลขประจำตัวผู้เสียภาษี', message: expect.stringContaining('0105552012347') }]);
    expect(outcome.errors).toEqual([{ row: 4, column: '', message: expect.stringContaining('row 2') }]);
    const bids = await sql.query(`select bidder_key, status, bid_amount::text from egp_bids order by bidder_key`);
    expect(bids).toEqual([
      { bidder_key: '0105552012347', status: 'winner', bid_amount: '3950000.00' },
      { bidder_key: 'name:ห้างหุ้นส่วนจำกัดทดสอบ', status: 'valid', bid_amount: '4100000.00' },
    ]);
  });

  it('committees: one person across purchases, with the name kept in people', async () => {
    const outcome = await load(
      'committees',
      'project_id,committee_type,person_id,person_name,role,appointed_date\n' +
        '68019245871,ตรวจรับพัสดุ,3210100012345,นายสมชาย ใจดี,ประธาน,1 ธ.ค. 67\n' +
        '68019245871,evaluation,3210100012345,นายสมชาย ใจดี,member,\n' +
        '68029310456,inspection,3210100012345,นายสมชาย ใจดี,กรรมการ,\n' +
        '68029310456,inspection,3210100099999,,กรรมการ,\n',
    );
    expect(outcome).toMatchObject({ status: 'written', inserted: 4 });
    expect(await sql.query(`select person_id, name from people order by person_id`)).toEqual([
      { person_id: '3210100012345', name: 'นายสมชาย ใจดี' },
      { person_id: '3210100099999', name: null },
    ]);
    const seats = await sql.query(`select committee_type, role from committee_members where project_id = '68019245871' order by 1`);
    expect(seats).toEqual([
      { committee_type: 'evaluation', role: 'member' },
      { committee_type: 'inspection', role: 'chair' },
    ]);
  });

  it('deliveries: acceptance as a yes/no, penalties exact, an installment must be a whole number', async () => {
    const header = 'project_id,contract_no,installment,due_date,delivered_date,inspected_date,accepted,value,penalty_charged\n';
    const bad = await load('deliveries', header + '68019245871,12/2568,1.5,,,,ผ่าน,,\n');
    expect(bad.errors).toEqual([{ row: 2, column: 'installment', message: '"1.5" is not a whole number' }]);
    const good = await load('deliveries', header + '68019245871,12/2568,1,31 มี.ค. 68,4 เม.ย. 68,8 เม.ย. 68,ผ่าน,"1,975,000",790.00\n');
    expect(good).toMatchObject({ inserted: 1 });
    expect(await sql.query(`select accepted, penalty_charged::text, to_char(inspected_date, 'YYYY-MM-DD') as inspected from deliveries`)).toEqual([
      { accepted: true, penalty_charged: '790.00', inspected: '2025-04-08' },
    ]);
  });

  it('vendors and blacklist: ids checked, directors listed, addresses folded to compare', async () => {
    const vendors = await load(
      'vendors',
      'tin,name,registered_date,address,directors,status\n' +
        '0105552012347,บริษัท ระยองก่อสร้าง จำกัด,1 มี.ค. 52,"เลขที่ ๑๒ หมู่ ๓ ต.เนินพระ อ.เมือง จ.ระยอง",นายก; นายข,ยังดำเนินกิจการอยู่\n' +
        '0215560001234,บริษัท ทดสอบ จำกัด,2023-05-01,"12 ม.3 ตำบลเนินพระ อำเภอเมือง จังหวัดระยอง",นายข,\n' +
        '1.05552E+11,เสีย,,,,\n' +
        '0215560001236,เลขผิด,,,,\n',
      'skip-invalid',
    );
    expect(vendors.errors).toEqual([
      { row: 4, column: 'tin', message: expect.stringContaining('Excel') },
      { row: 5, column: 'tin', message: '0215560001236 is not a valid tax id: its check digit does not match' },
    ]);
    const keys = await sql.query(`select address_key, directors from vendors order by tin`);
    expect(keys[0].address_key).toBe(keys[1].address_key);
    expect(keys[0].directors).toEqual(['นายก', 'นายข']);

    const blacklist = await load('blacklist', 'tin,name,listed_date,order_no,lifted_date\n0105552012347,บริษัท ระยองก่อสร้าง จำกัด,1 ต.ค. 67,กค 0405/123,1 ก.ย. 67\n');
    expect(blacklist.errors).toEqual([{ row: 2, column: 'lifted_date', message: 'lifted (2024-09-01) before listed (2024-10-01)' }]);
  });
});
