import { SAMPLE_PLAN } from '../../../test/support/sample-audit-plan';
import { planToCsv } from './plan-csv';

describe('planToCsv', () => {
  const csv = planToCsv(SAMPLE_PLAN);
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');

  it('starts with a UTF-8 byte-order mark so Excel on Thai Windows reads the Thai', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('has the Thai headers of the annual plan', () => {
    expect(lines[0]).toBe(
      'ลำดับ,หน่วยรับตรวจ,ประเภทหน่วยรับตรวจ,ประเภทการตรวจ,วันเริ่ม,วันสิ้นสุด,ระยะเวลา (วันทำการ),หัวหน้าทีม,ทีมตรวจ,คะแนนความเสี่ยง,ระดับความเสี่ยง,เหตุผล',
    );
  });

  it('writes one row per engagement in rank order, with Buddhist-era dates and the Thai band', () => {
    expect(lines).toHaveLength(1 + 3 + 1); // header, three engagements, the empty string after the last CRLF
    expect(lines[4]).toBe('');
    const first = lines[1].split(',');
    expect(first.slice(0, 11)).toEqual([
      '1',
      'สำนักงานจังหวัดระยอง (31001)',
      'หน่วยงาน',
      'ตรวจสอบการเงินและการปฏิบัติตามระเบียบ',
      '1 ต.ค. 2567',
      '15 ต.ค. 2567',
      '10',
      'นางสาวสมศรี ใจดี',
      '"นางสาวสมศรี ใจดี',
      ' นายสมชาย รักชาติ"',
      '16',
    ]);
    expect(lines[1]).toContain(',สูงมาก,');
    expect(lines[3]).toMatch(/^3,โครงการก่อสร้างถนนลาดยาง \(RY68-001\),โครงการ,ตรวจสอบการดำเนินงาน,6 ม\.ค\. 2568,24 ม\.ค\. 2568,15,/);
  });

  it('quotes a name with a comma', () => {
    expect(lines[2]).toContain('"สำนักงานคลังจังหวัดระยอง, ฝ่ายบัญชี; งานเบิกจ่าย (31002)"');
  });

  it('keeps a name Excel would run as a formula as text', () => {
    const plan = { ...SAMPLE_PLAN, engagements: [{ ...SAMPLE_PLAN.engagements[0], auditeeName: '=HYPERLINK("x")', auditeeKey: '1' }] };
    expect(planToCsv(plan)).toContain(`"'=HYPERLINK(""x"") (1)"`);
  });
});
