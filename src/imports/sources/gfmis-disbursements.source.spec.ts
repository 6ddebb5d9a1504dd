import type { RawRow } from '../source-definition';
import { gfmisDisbursementsSource as source } from './gfmis-disbursements.source';
import { rowParser, rowRepairer } from '../../../test/support/source-rows';

const parse = rowParser(source);

const repair = rowRepairer(source);

const key = { fiscal_year: '2568', as_of: '31 มี.ค. 68', agency_code: '00701', budget_type: 'รายจ่ายประจำ' };

describe('gfmis-disbursements source', () => {
  it('declares the table, its unique key, the agency reference and who may import', () => {
    expect(source.name).toBe('gfmis-disbursements');
    expect(source.table).toBe('gfmis_disbursements');
    expect(source.naturalKey).toEqual(['fiscal_year', 'as_of', 'agency_code', 'budget_type']);
    expect(source.roles).toEqual(['admin', 'auditor', 'finance']);
    expect(source.references).toEqual([{ column: 'agency_code', table: 'agencies', tableColumn: 'code', label: 'agency' }]);
    expect(source.target.find((c) => c.name === 'source_unit')?.from).toEqual([
      'unit',
      'budget_after_transfer',
      'allocated',
      'spending_plan',
      'commitments',
      'disbursed',
    ]);
  });

  it('reads a report in baht: Thai digits, separators, บาท, and บาท as the default unit', () => {
    expect(
      parse({
        fiscal_year: '๒๕๖๘',
        as_of: '31 มี.ค. 68',
        agency_code: '00701',
        agency_name: ' สำนักงานเกษตรจังหวัดระยอง ',
        budget_type: 'รายจ่ายประจำ',
        budget_after_transfer: '12,500,000.00',
        allocated: '12,500,000.00',
        spending_plan: '6,250,000',
        commitments: '1,234,567.50 บาท',
        disbursed: '๕,๖๗๘,๙๐๑.๒๕',
      }),
    ).toEqual({
      data: {
        fiscal_year: 2568,
        as_of: '2025-03-31',
        agency_code: '00701',
        agency_name: 'สำนักงานเกษตรจังหวัดระยอง',
        budget_type: 'current',
        budget_after_transfer: '12500000.00',
        allocated: '12500000.00',
        spending_plan: '6250000',
        commitments: '1234567.50',
        disbursed: '5678901.25',
        source_unit: 'บาท',
      },
    });
  });

  it('converts ล้านบาท to baht exactly (up to 8 decimals) and lets disbursed exceed allocated', () => {
    expect(
      parse({
        fiscal_year: '2568',
        as_of: '2025-09-30',
        agency_code: '01601',
        budget_type: 'investment',
        budget_after_transfer: '1,234.5678',
        allocated: '12.345678',
        spending_plan: '0.12345678',
        commitments: '-',
        disbursed: '15.250000',
        unit: 'ล้านบาท',
      }),
    ).toEqual({
      data: {
        fiscal_year: 2568,
        as_of: '2025-09-30',
        agency_code: '01601',
        agency_name: null,
        budget_type: 'investment',
        budget_after_transfer: '1234567800',
        allocated: '12345678',
        spending_plan: '123456.78',
        commitments: null,
        disbursed: '15250000',
        source_unit: 'ล้านบาท',
      },
    });
  });

  it('keeps trailing zeros only down to satang and reads the unit and budget type in their spellings', () => {
    expect(parse({ ...key, budget_type: 'งบรายจ่ายลงทุน', allocated: '1.500000000', unit: 'Million Baht' }).data).toMatchObject({
      budget_type: 'investment',
      allocated: '1500000.00',
      source_unit: 'ล้านบาท',
    });
    expect(parse({ ...key, allocated: '100.500', unit: 'บาท' }).data).toMatchObject({ allocated: '100.50', source_unit: 'บาท' });
  });

  it('refuses amounts finer than a satang once in baht, and amounts too large for numeric(18,2)', () => {
    expect(parse({ ...key, allocated: '1.234567891', disbursed: '12345678901.5', unit: 'ล้านบาท' })).toEqual({
      errors: [
        { path: 'allocated', message: '"1.234567891" ล้านบาท (1234567.891 บาท) has more than 2 decimal places (satang)' },
        { path: 'disbursed', message: '"12345678901.5" ล้านบาท (12345678901500000 บาท) is too large for an amount in baht' },
      ],
    });
    expect(parse({ ...key, disbursed: '100.005' })).toEqual({
      errors: [{ path: 'disbursed', message: '"100.005" has more than 2 decimal places (satang)' }],
    });
  });

  it('refuses negative amounts, including the SAP trailing minus, and text or scientific notation', () => {
    expect(parse({ ...key, allocated: '-5', spending_plan: '1,000.00-', commitments: 'ห้าล้าน', disbursed: '1.5E+6' })).toEqual({
      errors: [
        { path: 'allocated', message: '"-5" is negative' },
        { path: 'spending_plan', message: '"1,000.00-" is negative' },
        { path: 'commitments', message: '"ห้าล้าน" is not an amount: unexpected "ห้าล้าน"' },
        { path: 'disbursed', message: '"1.5E+6" is not an amount: it is in scientific notation, so digits have already been lost' },
      ],
    });
  });

  it('wants the report date inside the fiscal year it reports', () => {
    expect(parse({ ...key, as_of: '15 ต.ค. 68' })).toEqual({
      errors: [{ path: 'as_of', message: '2025-10-15 is outside fiscal year 2568 (2024-10-01 to 2025-09-30); it falls in 2569' }],
    });
    expect(parse({ ...key, as_of: '1 ต.ค. 67' }).data).toMatchObject({ as_of: '2024-10-01', fiscal_year: 2568 });
  });

  it('names an impossible date, a CE fiscal year, an unknown budget type or unit, and a total line', () => {
    expect(
      parse({ fiscal_year: '2025', as_of: '31 ก.พ. 68', agency_code: 'สนง. เกษตร', budget_type: 'งบกลาง', unit: 'ดอลลาร์' }),
    ).toEqual({
      errors: [
        { path: 'fiscal_year', message: '2025 looks like a Christian Era year; fiscal years are Buddhist Era (2568)' },
        { path: 'as_of', message: '31 ก.พ. 68 is not a real date (February 2025 has 28 days)' },
        { path: 'agency_code', message: '"สนง. เกษตร" is not a valid code (letters and digits, up to 20)' },
        { path: 'budget_type', message: '"งบกลาง" is not one of current, investment' },
        { path: 'unit', message: '"ดอลลาร์" is not one of บาท, ล้านบาท' },
      ],
    });
    expect(parse({ ...key, budget_type: 'รวม' })).toEqual({
      errors: [
        {
          path: 'budget_type',
          message: '"รวม" is a total line; import the รายจ่ายประจำ (current) and รายจ่ายลงทุน (investment) lines only',
        },
      ],
    });
  });

  it('names every empty key column', () => {
    expect(parse({ fiscal_year: '', as_of: ' ', agency_code: '-', allocated: '100' })).toEqual({
      errors: [
        { path: 'fiscal_year', message: 'is required but empty' },
        { path: 'as_of', message: 'is required but empty' },
        { path: 'agency_code', message: 'is required but empty' },
        { path: 'budget_type', message: 'is required but empty' },
      ],
    });
  });

  it('restores the leading zeros Excel dropped from a 5-digit agency code, and says so', () => {
    expect(repair({ ...key, agency_code: '701' })).toEqual({
      repaired: { ...key, agency_code: '00701' },
      repairs: [{ column: 'agency_code', message: 'restored the leading zeros Excel dropped: 00701 (a GFMIS agency code has 5 digits)' }],
    });
    expect(repair({ ...key, agency_code: '1601' }).repairs).toEqual([
      { column: 'agency_code', message: 'restored the leading zero Excel dropped: 01601 (a GFMIS agency code has 5 digits)' },
    ]);
    expect(repair({ ...key, agency_code: '7' })).toEqual({ repaired: { ...key, agency_code: '7' }, repairs: [] });
    expect(repair(key)).toEqual({ repaired: key, repairs: [] });
  });
});
