import type { RawRow } from '../source-definition';
import { complaintsSource as source } from './complaints.source';
import { rowParser } from '../../../test/support/source-rows';

const parse = rowParser(source);

const base = { complaint_no: 'ดธ 0017/2568', received_date: '2025-01-06', category: 'ล่าช้า' };

describe('complaints source', () => {
  it('declares the table, its key, the optional agency reference, fiscal_year from the received date, and roles', () => {
    expect(source.name).toBe('complaints');
    expect(source.table).toBe('complaints');
    expect(source.naturalKey).toEqual(['complaint_no']);
    expect(source.roles).toEqual(['admin', 'auditor']);
    expect(source.references).toEqual([{ column: 'agency_code', table: 'agencies', tableColumn: 'code', label: 'agency' }]);
    expect(source.target.find((c) => c.name === 'fiscal_year')).toEqual({ name: 'fiscal_year', type: 'integer', from: ['received_date'] });
  });

  it('reads a complaint: Thai channel and category, BE dates, the fiscal year of the received date', () => {
    expect(
      parse({
        complaint_no: 'ดธ ๐๐๑๗/๒๕๖๘',
        received_date: '15 ต.ค. 67',
        channel: 'ศูนย์ดำรงธรรม',
        agency_code: '01601',
        category: 'จัดซื้อจัดจ้าง',
        subject: 'ร้องเรียนการจัดจ้างซ่อมถนน  หมู่ ๓ ไม่เป็นไปตามแบบ',
        status: 'อยู่ระหว่างตรวจสอบข้อเท็จจริง',
        first_response_date: '25/10/2567',
        closed_date: '-',
      }),
    ).toEqual({
      data: {
        complaint_no: 'ดธ 0017/2568',
        received_date: '2024-10-15',
        fiscal_year: 2568,
        channel: 'damrongtham_phone',
        agency_code: '01601',
        category: 'procurement',
        subject: 'ร้องเรียนการจัดจ้างซ่อมถนน หมู่ ๓ ไม่เป็นไปตามแบบ',
        status: 'อยู่ระหว่างตรวจสอบข้อเท็จจริง',
        first_response_date: '2024-10-25',
        closed_date: null,
      },
    });
  });

  it('puts a complaint received on 30 September in the fiscal year that ends that day', () => {
    expect(parse({ ...base, received_date: '30 ก.ย. 68' }).data?.fiscal_year).toBe(2568);
    expect(parse({ ...base, received_date: '1 ต.ค. 68' }).data?.fiscal_year).toBe(2569);
  });

  it('leaves the agency and channel out when the complaint does not name them', () => {
    expect(parse(base).data).toEqual({
      complaint_no: 'ดธ 0017/2568',
      received_date: '2025-01-06',
      fiscal_year: 2568,
      channel: null,
      agency_code: null,
      category: 'delay',
      subject: null,
      status: null,
      first_response_date: null,
      closed_date: null,
    });
  });

  it.each([
    ['เว็บไซต์', 'website'],
    ['เว็บไซด์', 'website'],
    ['ศูนย์ดำรงธรรมจังหวัด', 'damrongtham_phone'],
    ['สายด่วน ๑๕๖๗', 'damrongtham_phone'],
    ['ตู้รับเรื่องร้องเรียน', 'complaint_box'],
    ['จดหมาย/โทรสาร', 'letter_fax'],
    ['โทรสาร', 'letter_fax'],
    ['ตู้ ปณ. 1111', 'pobox_1111'],
    ['ตู้ ป.ณ. ๑๑๑๑', 'pobox_1111'],
    ['อื่น ๆ', 'other'],
    ['DAMRONGTHAM_PHONE', 'damrongtham_phone'],
  ])('reads the channel %s as %s', (written, stored) => {
    expect(parse({ ...base, channel: written }).data?.channel).toBe(stored);
  });

  it.each([
    ['การจัดซื้อจัดจ้าง', 'procurement'],
    ['เรียกรับเงิน/สินบน', 'bribery'],
    ['สินบน', 'bribery'],
    ['บริการไม่สุภาพ', 'impolite_service'],
    ['ความล่าช้า', 'delay'],
    ['ไม่ปฏิบัติตามระเบียบ', 'rule_violation'],
    ['เลือกปฏิบัติ/เอื้อประโยชน์', 'favouritism'],
    ['เอื้อประโยชน์พวกพ้อง', 'favouritism'],
    ['favoritism', 'favouritism'],
    ['ทุจริต', 'fraud'],
    ['อื่นๆ', 'other'],
  ])('reads the category %s as %s', (written, stored) => {
    expect(parse({ ...base, category: written }).data?.category).toBe(stored);
  });

  it('names a wrong value in each kind of column', () => {
    expect(
      parse({
        complaint_no: 'ดธ 0018/2568',
        received_date: '32/01/2568',
        channel: 'LINE',
        agency_code: 'สนง.ที่ดิน',
        category: 'เสียงดัง',
        first_response_date: '2568',
        closed_date: '15 ม.ค. 68',
      }),
    ).toEqual({
      errors: [
        { path: 'received_date', message: '32/01/2568 is not a real date (January 2025 has 31 days)' },
        {
          path: 'channel',
          message: '"LINE" is not one of website, damrongtham_phone, complaint_box, letter_fax, pobox_1111, other',
        },
        { path: 'agency_code', message: '"สนง.ที่ดิน" is not a valid code (letters and digits, up to 20)' },
        {
          path: 'category',
          message:
            '"เสียงดัง" is not one of procurement, bribery, impolite_service, delay, rule_violation, favouritism, fraud, other',
        },
        { path: 'first_response_date', message: '"2568" is a year, not a date' },
      ],
    });
  });

  it('refuses a complaint closed, or first answered, before it was received', () => {
    expect(parse({ ...base, received_date: '6 ม.ค. 68', first_response_date: '5 ม.ค. 68', closed_date: '31 ธ.ค. 67' })).toEqual({
      errors: [
        { path: 'first_response_date', message: '2025-01-05 is before the complaint was received (2025-01-06)' },
        { path: 'closed_date', message: '2024-12-31 is before the complaint was received (2025-01-06)' },
      ],
    });
    expect(parse({ ...base, closed_date: '6 ม.ค. 68' }).data?.closed_date).toBe('2025-01-06');
  });

  it('names the empty key, received date and category', () => {
    expect(parse({ complaint_no: '', received_date: '-', category: '', channel: 'เว็บไซต์' })).toEqual({
      errors: [
        { path: 'complaint_no', message: 'is required but empty' },
        { path: 'received_date', message: 'is required but empty' },
        { path: 'category', message: 'is required but empty' },
      ],
    });
  });

  it('restores the leading zeros Excel dropped from an agency code in repairRow', () => {
    const repairs: { column: string; message: string }[] = [];
    const repaired = source.repairRow!({ ...base, agency_code: '1601' }, { row: 3, repair: (column, message) => repairs.push({ column, message }) });
    expect(repaired.agency_code).toBe('01601');
    expect(repairs).toEqual([
      { column: 'agency_code', message: 'restored the leading zero Excel dropped: 01601 (a GFMIS agency code has 5 digits)' },
    ]);
  });
});
