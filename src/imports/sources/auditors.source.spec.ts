import type { RawRow } from '../source-definition';
import { auditorsSource as source } from './auditors.source';
import { rowParser } from '../../../test/support/source-rows';

const parse = rowParser(source);

const base = { auditor_id: 'A03', name: 'นางสาวกมลวรรณ ใจดี', role: 'auditor' };

describe('auditors source', () => {
  it('declares the table, its key, the column types and who may import', () => {
    expect(source.name).toBe('auditors');
    expect(source.table).toBe('auditors');
    expect(source.naturalKey).toEqual(['auditor_id']);
    expect(source.roles).toEqual(['admin', 'auditor']);
    expect(source.target.map((c) => `${c.name}:${c.type}`)).toEqual([
      'auditor_id:text',
      'name:text',
      'role:text',
      'available_days:integer',
      'skills:text[]',
      'past_agencies:jsonb',
      'unavailable:jsonb',
    ]);
  });

  it('reads an auditor: Thai role, skills list, past agencies with the BE year left, absences in any date form', () => {
    expect(
      parse({
        auditor_id: 'A01',
        name: 'นายสมชาย  รักษ์ระยอง',
        role: 'หัวหน้า',
        available_days: '๒๑๐',
        skills: 'financial; compliance;การดำเนินงาน',
        past_agencies: '00123:2566; ๐๐๔๕๖ : ๒๕๖๗',
        unavailable: '2025-04-10..2025-04-20; 1 ก.ค. 68..15/07/2568;12 ส.ค. 68',
      }),
    ).toEqual({
      data: {
        auditor_id: 'A01',
        name: 'นายสมชาย รักษ์ระยอง',
        role: 'head',
        available_days: 210,
        skills: ['financial', 'compliance', 'performance'],
        past_agencies: [
          { agencyCode: '00123', yearLeft: 2566 },
          { agencyCode: '00456', yearLeft: 2567 },
        ],
        unavailable: [
          { from: '2025-04-10', to: '2025-04-20' },
          { from: '2025-07-01', to: '2025-07-15' },
          { from: '2025-08-12', to: '2025-08-12' },
        ],
      },
    });
  });

  it('gives empty lists, not nulls, for empty list cells', () => {
    expect(parse({ ...base, role: 'ผู้ตรวจสอบ', available_days: '', skills: '', past_agencies: '-', unavailable: ' ' })).toEqual({
      data: {
        auditor_id: 'A03',
        name: 'นางสาวกมลวรรณ ใจดี',
        role: 'auditor',
        available_days: null,
        skills: [],
        past_agencies: [],
        unavailable: [],
      },
    });
  });

  it('reads skills in Thai, separated by ; or , and without repeats; and อาวุโส as senior', () => {
    expect(parse({ ...base, role: 'อาวุโส', skills: 'เทคโนโลยีสารสนเทศ, การเงิน, IT' }).data).toMatchObject({
      role: 'senior',
      skills: ['it', 'financial'],
    });
  });

  it('accepts the range spellings people use instead of ..', () => {
    expect(parse({ ...base, unavailable: '10 เม.ย. 68 - 20 เม.ย. 68; 1 ก.ค. 68 ถึง 3 ก.ค. 68' }).data?.unavailable).toEqual([
      { from: '2025-04-10', to: '2025-04-20' },
      { from: '2025-07-01', to: '2025-07-03' },
    ]);
  });

  it('names each bad item of a list cell', () => {
    expect(
      parse({
        ...base,
        skills: 'financial; audit; บัญชี',
        past_agencies: '00123; 00456:2024; 00789:68; สนง.คลัง:2566',
        unavailable: '2025-04-20..2025-04-10; 2025-02-29..2025-03-02; พักร้อน',
      }),
    ).toEqual({
      errors: [
        { path: 'skills', message: '"audit" is not a skill (financial, compliance, performance, it)' },
        { path: 'skills', message: '"บัญชี" is not a skill (financial, compliance, performance, it)' },
        { path: 'past_agencies', message: '"00123" needs the year the auditor left, as in 00123:2566' },
        {
          path: 'past_agencies',
          message: '"00456:2024": 2024 looks like a Christian Era year; years are Buddhist Era (2567)',
        },
        { path: 'past_agencies', message: '"00789:68": "68" is not a year such as 2566' },
        {
          path: 'past_agencies',
          message: '"สนง.คลัง:2566": "สนง.คลัง" is not an agency code (letters and digits, up to 20)',
        },
        { path: 'unavailable', message: '"2025-04-20..2025-04-10" ends (2025-04-10) before it starts (2025-04-20)' },
        {
          path: 'unavailable',
          message: '"2025-02-29..2025-03-02": 2025-02-29 is not a real date (February 2025 has 28 days)',
        },
        {
          path: 'unavailable',
          message: '"พักร้อน" is not a date: expected a form like 15 ก.ย. 68, 31/03/2559 or 2025-09-15',
        },
      ],
    });
  });

  it('names a wrong role, days outside 0–366 or not a number', () => {
    expect(parse({ ...base, role: 'ผู้อำนวยการ', available_days: '400' })).toEqual({
      errors: [
        { path: 'role', message: '"ผู้อำนวยการ" is not one of head, senior, auditor' },
        { path: 'available_days', message: '400 is outside 0–366 (days in a fiscal year)' },
      ],
    });
    expect(parse({ ...base, unavailable: '2025-04-10..' }).errors).toEqual([
      { path: 'unavailable', message: '"2025-04-10.." is not a date range such as 2025-04-10..2025-04-20' },
    ]);
    expect(parse({ ...base, available_days: '200.5' }).errors).toEqual([
      { path: 'available_days', message: '"200.5" is not a whole number' },
    ]);
  });

  it('names the empty key, name and role', () => {
    expect(parse({ auditor_id: '', name: ' ', skills: 'it' })).toEqual({
      errors: [
        { path: 'auditor_id', message: 'is required but empty' },
        { path: 'name', message: 'is required but empty' },
        { path: 'role', message: 'is required but empty' },
      ],
    });
  });
});
