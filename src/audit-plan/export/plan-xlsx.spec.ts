import { Workbook } from 'exceljs';
import { SAMPLE_PLAN } from '../../../test/support/sample-audit-plan';
import { PLAN_SHEET, planToXlsx, UNPLACED_SHEET, WORKLOAD_SHEET } from './plan-xlsx';

describe('planToXlsx', () => {
  let workbook: Workbook;
  beforeAll(async () => {
    workbook = new Workbook();
    // exceljs's own Buffer type predates Node's generic Buffer; the bytes are the same.
    await workbook.xlsx.load((await planToXlsx(SAMPLE_PLAN)) as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  });
  const text = (sheet: string, row: number, column: number) => workbook.getWorksheet(sheet)!.getRow(row).getCell(column).text;

  it('has the plan, the unplaced and the workload sheets', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([PLAN_SHEET, UNPLACED_SHEET, WORKLOAD_SHEET]);
    expect([UNPLACED_SHEET, WORKLOAD_SHEET]).toEqual(['ยังไม่ได้จัดลง', 'ภาระงานผู้ตรวจสอบ']);
  });

  it('puts the title and the revision above a frozen Thai header row', () => {
    const sheet = workbook.getWorksheet(PLAN_SHEET)!;
    expect(text(PLAN_SHEET, 1, 1)).toBe('แผนการตรวจสอบประจำปีงบประมาณ พ.ศ. 2568');
    expect(text(PLAN_SHEET, 2, 1)).toBe('ฉบับที่ 1 (ร่าง) · จัดทำเมื่อ 15 ก.ย. 2567');
    expect(sheet.getRow(3).values).toEqual([
      undefined, // exceljs rows are 1-based
      'ลำดับ',
      'หน่วยรับตรวจ',
      'ประเภทหน่วยรับตรวจ',
      'ประเภทการตรวจ',
      'วันเริ่ม',
      'วันสิ้นสุด',
      'ระยะเวลา (วันทำการ)',
      'หัวหน้าทีม',
      'ทีมตรวจ',
      'คะแนนความเสี่ยง',
      'ระดับความเสี่ยง',
      'เหตุผล',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('writes engagements in rank order with BE dates, numbers as numbers and the Thai band', () => {
    const sheet = workbook.getWorksheet(PLAN_SHEET)!;
    expect(sheet.rowCount).toBe(3 + 3);
    expect(text(PLAN_SHEET, 4, 2)).toBe('สำนักงานจังหวัดระยอง (31001)');
    expect(text(PLAN_SHEET, 4, 5)).toBe('1 ต.ค. 2567');
    expect(text(PLAN_SHEET, 6, 6)).toBe('24 ม.ค. 2568');
    expect(sheet.getRow(4).getCell(7).value).toBe(10);
    expect(text(PLAN_SHEET, 4, 11)).toBe('สูงมาก');
    expect(text(PLAN_SHEET, 6, 11)).toBe('ปานกลาง');
    expect(text(PLAN_SHEET, 5, 9)).toBe('นายวิชัย ตรวจดี, นายสมชาย รักชาติ');
  });

  it('lists the unplaced with the reason, and the workload with the share used', () => {
    expect(text(UNPLACED_SHEET, 4, 2)).toBe('โครงการพัฒนาแหล่งน้ำ (RY68-009)');
    expect(text(UNPLACED_SHEET, 4, 7)).toMatch(/signed contract/);
    const workload = workbook.getWorksheet(WORKLOAD_SHEET)!;
    expect(workload.getRow(4).getCell(6).value).toBeCloseTo(25 / 200);
    expect(workload.getRow(4).getCell(6).numFmt).toBe('0%');
    // A03 states no limit: empty cells, not 0 days and 0 %.
    expect(workload.getRow(6).getCell(5).value).toBeNull();
    expect(workload.getRow(6).getCell(6).value).toBeNull();
  });
});
