import type { RawRow } from '../source-definition';
import { controlPlansSource as source } from './control-plans.source';
import { rowParser, rowRepairer } from '../../../test/support/source-rows';

const parse = rowParser(source);

const repair = rowRepairer(source);

const key = { fiscal_year: '2568', agency_code: '00701', plan_type: 'ควบคุมภายใน', activity_no: '1' };

describe('control-plans source', () => {
  it('declares the table, its unique key, no agency reference (province is allowed) and who may import', () => {
    expect(source.name).toBe('control-plans');
    expect(source.table).toBe('control_plan_activities');
    expect(source.naturalKey).toEqual(['fiscal_year', 'agency_code', 'plan_type', 'strategy_no', 'activity_no']);
    expect(source.roles).toEqual(['admin', 'auditor', 'agency']);
    expect(source.references).toBeUndefined();
    // strategy_no is part of the key, so it is staged (as '') even when the file has no ยุทธศาสตร์ที่ column.
    expect(source.target.find((c) => c.name === 'strategy_no')?.from).toEqual(['strategy_no', 'activity_no']);
  });

  it('reads a row of the province’s anti-corruption plan, with its target parsed and kept as written', () => {
    expect(
      parse({
        fiscal_year: '๒๕๖๘',
        agency_code: 'province',
        plan_type: 'ป้องกันการทุจริต',
        strategy_no: '๑',
        measure_no: '๑.๒',
        activity_no: '๓',
        activity: 'โครงการอบรมเสริมสร้างคุณธรรม  จริยธรรม',
        risk: '',
        indicator: 'ร้อยละของผู้เข้าร่วมที่ผ่านการทดสอบ',
        target: 'ไม่น้อยกว่าร้อยละ ๘๐',
        budget: '๕๐,๐๐๐',
        responsible: 'สำนักงานจังหวัดระยอง',
        due_date: '30 ก.ย. 68',
      }),
    ).toEqual({
      data: {
        fiscal_year: 2568,
        agency_code: 'province',
        plan_type: 'anti_corruption',
        strategy_no: '1',
        measure_no: '1.2',
        activity_no: '3',
        activity: 'โครงการอบรมเสริมสร้างคุณธรรม จริยธรรม',
        risk: null,
        indicator: 'ร้อยละของผู้เข้าร่วมที่ผ่านการทดสอบ',
        target_text: 'ไม่น้อยกว่าร้อยละ ๘๐',
        target_value: '80',
        target_unit: '%',
        target_comparison: 'gte',
        target_scale: 'percent',
        budget: '50000',
        responsible: 'สำนักงานจังหวัดระยอง',
        due_date: '2025-09-30',
      },
    });
  });

  it('reads a ปค.5 row without a strategy: strategy_no is "", and ไม่ใช้งบประมาณ is no budget', () => {
    expect(
      parse({
        fiscal_year: '2568',
        agency_code: '00701',
        plan_type: 'internal_control',
        activity_no: '01.',
        activity: 'ทบทวนการควบคุมการเบิกจ่ายเงิน',
        risk: 'เบิกจ่ายล่าช้ากว่าแผน',
        target: '๓๒ หน่วยงาน',
        budget: 'ไม่ใช้งบประมาณ',
        responsible: 'ฝ่ายบริหารทั่วไป',
        due_date: '',
      }),
    ).toEqual({
      data: {
        fiscal_year: 2568,
        agency_code: '00701',
        plan_type: 'internal_control',
        strategy_no: '',
        measure_no: null,
        activity_no: '1',
        activity: 'ทบทวนการควบคุมการเบิกจ่ายเงิน',
        risk: 'เบิกจ่ายล่าช้ากว่าแผน',
        indicator: null,
        target_text: '๓๒ หน่วยงาน',
        target_value: '32',
        target_unit: 'หน่วยงาน',
        target_comparison: 'eq',
        target_scale: 'count',
        budget: null,
        responsible: 'ฝ่ายบริหารทั่วไป',
        due_date: null,
      },
    });
  });

  it('keeps a target of "-" as its text with no number, and a budget of "-" as none', () => {
    expect(parse({ ...key, target: '-', budget: '-' }).data).toMatchObject({
      target_text: '-',
      target_value: null,
      target_unit: null,
      target_comparison: null,
      target_scale: null,
      budget: null,
    });
    expect(parse({ ...key, target: 'ดำเนินการแล้วเสร็จ' }).data).toMatchObject({ target_text: 'ดำเนินการแล้วเสร็จ', target_value: null });
    expect(parse({ ...key, target: 'ระดับ ๕' }).data).toMatchObject({ target_value: '5', target_unit: 'ระดับ', target_scale: 'level' });
  });

  it('reads จังหวัด as the province and plan numbers in their usual spellings', () => {
    expect(parse({ ...key, agency_code: 'จังหวัด' }).data?.agency_code).toBe('province');
    expect(parse({ ...key, agency_code: 'Province' }).data?.agency_code).toBe('province');
    expect(parse({ ...key, plan_type: 'ปค.5', strategy_no: 'ข้อ 2', measure_no: '๒.๑.', activity_no: 'ก' }).data).toMatchObject({
      plan_type: 'internal_control',
      strategy_no: '2',
      measure_no: '2.1',
      activity_no: 'ก',
    });
  });

  it('names a wrong value in each kind of column', () => {
    expect(
      parse({
        fiscal_year: '68',
        agency_code: 'สนง.เกษตร',
        plan_type: 'แผนพัฒนาจังหวัด',
        strategy_no: 'ยุทธศาสตร์การพัฒนาคน',
        activity_no: '1',
        budget: 'ห้าหมื่นบาท',
        due_date: '31 เม.ย. 68',
      }),
    ).toEqual({
      errors: [
        { path: 'fiscal_year', message: '"68" is not a fiscal year such as 2568' },
        { path: 'agency_code', message: '"สนง.เกษตร" is not an agency code (letters and digits, up to 20) or "province"' },
        { path: 'plan_type', message: '"แผนพัฒนาจังหวัด" is not one of anti_corruption, internal_control' },
        { path: 'strategy_no', message: '"ยุทธศาสตร์การพัฒนาคน" is not a number such as 1 or 2.1' },
        { path: 'budget', message: '"ห้าหมื่นบาท" is not an amount: unexpected "ห้าหมื่น"' },
        { path: 'due_date', message: '31 เม.ย. 68 is not a real date (April 2025 has 30 days)' },
      ],
    });
    expect(parse({ ...key, budget: '-5,000' }).errors).toEqual([{ path: 'budget', message: '"-5,000" is negative' }]);
  });

  it('names every empty key column', () => {
    expect(parse({ fiscal_year: '', agency_code: '', plan_type: ' ', strategy_no: '1' })).toEqual({
      errors: [
        { path: 'fiscal_year', message: 'is required but empty' },
        { path: 'agency_code', message: 'is required but empty' },
        { path: 'plan_type', message: 'is required but empty' },
        { path: 'activity_no', message: 'is required but empty' },
      ],
    });
  });

  it('reads a due date given as a month, "within" a day or the whole fiscal year in repairRow, and reports it', () => {
    expect(repair({ ...key, due_date: 'ก.ย. 68' })).toEqual({
      repaired: { ...key, due_date: '2025-09-30' },
      repairs: [{ column: 'due_date', message: 'read "ก.ย. 68" as the end of that month, 2025-09-30' }],
    });
    expect(repair({ ...key, due_date: 'กุมภาพันธ์ ๒๕๖๗' }).repaired.due_date).toBe('2024-02-29');
    expect(repair({ ...key, due_date: 'ภายใน 31 มี.ค. 2568' })).toEqual({
      repaired: { ...key, due_date: '2025-03-31' },
      repairs: [{ column: 'due_date', message: 'read "ภายใน 31 มี.ค. 2568" as 2025-03-31' }],
    });
    expect(repair({ ...key, due_date: 'ตลอดปีงบประมาณ' })).toEqual({
      repaired: { ...key, due_date: '2025-09-30' },
      repairs: [{ column: 'due_date', message: 'read "ตลอดปีงบประมาณ" (throughout the fiscal year) as its last day, 2025-09-30' }],
    });
  });

  it('leaves real dates, and what it cannot read, to the row schema', () => {
    expect(repair({ ...key, due_date: '30 ก.ย. 68' })).toEqual({ repaired: { ...key, due_date: '30 ก.ย. 68' }, repairs: [] });
    expect(repair({ ...key, fiscal_year: '2025', due_date: 'ตลอดปีงบประมาณ' }).repairs).toEqual([]);
    const { repaired, repairs } = repair({ ...key, due_date: 'เมื่อได้รับงบประมาณ' });
    expect(repairs).toEqual([]);
    expect(parse(repaired).errors).toEqual([
      {
        path: 'due_date',
        message: '"เมื่อได้รับงบประมาณ" is not a date: expected a form like 15 ก.ย. 68, 31/03/2559 or 2025-09-15',
      },
    ]);
  });
});
