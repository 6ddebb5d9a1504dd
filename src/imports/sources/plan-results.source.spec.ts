import type { RawRow } from '../source-definition';
import { controlPlansSource } from './control-plans.source';
import { planResultsSource as source } from './plan-results.source';
import { rowParser } from '../../../test/support/source-rows';

const parse = rowParser(source);

const key = { fiscal_year: '2568', agency_code: 'province', plan_type: 'anti_corruption', strategy_no: '1', activity_no: '3' };

describe('plan-results source', () => {
  it('declares the table, its unique key (the plan key and the report date) and who may import', () => {
    expect(source.name).toBe('plan-results');
    expect(source.table).toBe('plan_results');
    expect(source.naturalKey).toEqual(['fiscal_year', 'agency_code', 'plan_type', 'strategy_no', 'activity_no', 'reported_date']);
    expect(source.roles).toEqual(['admin', 'auditor', 'agency']);
    expect(source.references).toBeUndefined();
  });

  it('reads a result: the actual kept as written with its number and unit, Thai status', () => {
    expect(
      parse({
        fiscal_year: '๒๕๖๘',
        agency_code: 'province',
        plan_type: 'ป้องกันการทุจริต',
        strategy_no: '๑',
        activity_no: '๓',
        reported_date: '31 มี.ค. 68',
        actual: 'ร้อยละ ๘๗.๕',
        output: 'ผู้เข้าร่วมอบรม ๑๒๐ คน',
        outcome: 'บุคลากรมีความรู้เรื่องผลประโยชน์ทับซ้อน',
        status: 'ดำเนินการแล้วเสร็จ',
      }),
    ).toEqual({
      data: {
        fiscal_year: 2568,
        agency_code: 'province',
        plan_type: 'anti_corruption',
        strategy_no: '1',
        activity_no: '3',
        reported_date: '2025-03-31',
        actual_text: 'ร้อยละ ๘๗.๕',
        actual_value: '87.5',
        actual_unit: '%',
        output: 'ผู้เข้าร่วมอบรม ๑๒๐ คน',
        outcome: 'บุคลากรมีความรู้เรื่องผลประโยชน์ทับซ้อน',
        status: 'done',
      },
    });
  });

  it('names the activity exactly as control-plans does, so a result finds its activity', () => {
    const written = { fiscal_year: '๒๕๖๘', agency_code: 'จังหวัด', plan_type: 'ปค.5', strategy_no: 'ข้อ ๐๒', activity_no: '๓.' };
    const plan = controlPlansSource.rowSchema!.safeParse(written);
    const result = source.rowSchema!.safeParse({ ...written, reported_date: '2025-06-30' });
    const keyOf = (r: Record<string, unknown>) => [r.fiscal_year, r.agency_code, r.plan_type, r.strategy_no, r.activity_no];
    expect(keyOf(result.data!)).toEqual(keyOf(plan.data!));
    expect(keyOf(result.data!)).toEqual([2568, 'province', 'internal_control', '2', '3']);
  });

  it.each([
    ['done', 'done'],
    ['เสร็จแล้ว', 'done'],
    ['ดำเนินการแล้วเสร็จ', 'done'],
    ['in progress', 'in_progress'],
    ['อยู่ระหว่างดำเนินการ', 'in_progress'],
    ['ยังไม่ดำเนินการ', 'not_started'],
    ['Not_Started', 'not_started'],
  ])('reads the status %s as %s', (written, stored) => {
    expect(parse({ ...key, reported_date: '2025-06-30', status: written }).data?.status).toBe(stored);
  });

  it('keeps a level or count actual, free text with no number, and an empty strategy as ""', () => {
    expect(parse({ ...key, reported_date: '2025-06-30', actual: 'ระดับ ๔' }).data).toMatchObject({
      actual_text: 'ระดับ ๔',
      actual_value: '4',
      actual_unit: 'ระดับ',
    });
    expect(parse({ ...key, reported_date: '2025-06-30', actual: 'จำนวน 1,200 คน' }).data).toMatchObject({
      actual_value: '1200',
      actual_unit: 'คน',
    });
    expect(parse({ ...key, strategy_no: '', reported_date: '2025-06-30', actual: 'อยู่ระหว่างจัดทำรายงาน' }).data).toMatchObject({
      strategy_no: '',
      actual_text: 'อยู่ระหว่างจัดทำรายงาน',
      actual_value: null,
      actual_unit: null,
      status: null,
    });
  });

  it('names a wrong value in each kind of column', () => {
    expect(
      parse({
        fiscal_year: '2025',
        agency_code: 'กอง คลัง',
        plan_type: 'anti-fraud',
        activity_no: 'กิจกรรมอบรม',
        reported_date: '29/02/2568',
        status: 'ล่าช้า',
      }),
    ).toEqual({
      errors: [
        { path: 'fiscal_year', message: '2025 looks like a Christian Era year; fiscal years are Buddhist Era (2568)' },
        { path: 'agency_code', message: '"กอง คลัง" is not an agency code (letters and digits, up to 20) or "province"' },
        { path: 'plan_type', message: '"anti-fraud" is not one of anti_corruption, internal_control' },
        { path: 'activity_no', message: '"กิจกรรมอบรม" is not a number such as 1 or 2.1' },
        { path: 'reported_date', message: '29/02/2568 is not a real date (February 2025 has 28 days)' },
        { path: 'status', message: '"ล่าช้า" is not one of done, in_progress, not_started' },
      ],
    });
  });

  it('wants a report date, and not one before the fiscal year began', () => {
    expect(parse({ ...key, reported_date: '' })).toEqual({ errors: [{ path: 'reported_date', message: 'is required but empty' }] });
    expect(parse({ ...key })).toEqual({ errors: [{ path: 'reported_date', message: 'is required but empty' }] });
    expect(parse({ ...key, reported_date: '30 ก.ย. 67' })).toEqual({
      errors: [{ path: 'reported_date', message: '2024-09-30 is before fiscal year 2568 begins (2024-10-01)' }],
    });
    // A year-end report written after 30 September is fine.
    expect(parse({ ...key, reported_date: '15 ต.ค. 68' }).data?.reported_date).toBe('2025-10-15');
  });

  it('names every empty key column', () => {
    expect(parse({ fiscal_year: ' ', agency_code: '-', reported_date: '2025-06-30' })).toEqual({
      errors: [
        { path: 'fiscal_year', message: 'is required but empty' },
        { path: 'agency_code', message: 'is required but empty' },
        { path: 'plan_type', message: 'is required but empty' },
        { path: 'activity_no', message: 'is required but empty' },
      ],
    });
  });
});
