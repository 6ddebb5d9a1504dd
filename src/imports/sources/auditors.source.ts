import { z } from 'zod';
import { ValueParseError } from '../../common/errors';
import { parseThaiDate } from '../../common/thai-date';
import { thaiDigitsToAscii } from '../../common/thai-digits';
import type { DateRange, PastAgency } from '../../universe/auditor.entity';
import { integer, oneOf, text } from '../fields';
import type { ImportSource } from '../source-definition';
import { AGENCY_CODE, AGENCY_CODE_HINT, foldSpelling, isBlankCell, keyText } from './common-cells';

export type AuditorRole = 'head' | 'senior' | 'auditor';
export type AuditorSkill = 'financial' | 'compliance' | 'performance' | 'it';

const ROLES: Record<string, AuditorRole> = {
  head: 'head',
  'หัวหน้า': 'head',
  'หัวหน้าหน่วย': 'head',
  'หัวหน้าหน่วยตรวจสอบภายใน': 'head',
  'หัวหน้าผู้ตรวจสอบภายใน': 'head',
  senior: 'senior',
  'อาวุโส': 'senior',
  'ผู้ตรวจสอบอาวุโส': 'senior',
  'ผู้ตรวจสอบภายในอาวุโส': 'senior',
  auditor: 'auditor',
  'ผู้ตรวจสอบ': 'auditor',
  'ผู้ตรวจสอบภายใน': 'auditor',
  'นักวิชาการตรวจสอบภายใน': 'auditor',
};

const SKILLS: Record<string, AuditorSkill> = {
  financial: 'financial',
  finance: 'financial',
  'การเงิน': 'financial',
  'การเงินและบัญชี': 'financial',
  'ด้านการเงิน': 'financial',
  compliance: 'compliance',
  'การปฏิบัติตามกฎระเบียบ': 'compliance',
  'กฎระเบียบ': 'compliance',
  'ด้านการปฏิบัติตามกฎระเบียบ': 'compliance',
  performance: 'performance',
  'การดำเนินงาน': 'performance',
  'ผลการดำเนินงาน': 'performance',
  'ด้านการดำเนินงาน': 'performance',
  it: 'it',
  'เทคโนโลยีสารสนเทศ': 'it',
  'สารสนเทศ': 'it',
  'ไอที': 'it',
  'ด้านเทคโนโลยีสารสนเทศ': 'it',
};
const SKILL_BY_SPELLING = new Map(Object.entries(SKILLS).map(([k, v]) => [foldSpelling(k), v]));
const SKILL_NAMES = 'financial, compliance, performance, it';

/** Items of a list cell: separated by `;` or line breaks (`,` too where no item can hold one). */
function items(raw: string, separators: RegExp): string[] {
  return raw
    .split(separators)
    .map((v) => v.trim())
    .filter((v) => v !== '' && v !== '-');
}

/** The items of a list cell that parse, or issues naming the ones that do not (one issue per bad item). */
function listCell<T>(separators: RegExp, parse: (item: string) => T) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T[] => {
      if (isBlankCell(raw)) return [];
      const values: T[] = [];
      for (const item of items(raw!, separators)) {
        try {
          values.push(parse(item));
        } catch (error) {
          if (!(error instanceof ValueParseError)) throw error;
          ctx.addIssue({ code: 'custom', message: error.message });
        }
      }
      return values;
    });
}

const skills = () =>
  listCell(/[;,\n]/, (item): AuditorSkill => {
    const skill = SKILL_BY_SPELLING.get(foldSpelling(item));
    if (!skill) throw new ValueParseError(`"${item}" is not a skill (${SKILL_NAMES})`);
    return skill;
  }).transform((list) => [...new Set(list)]);

const PAST_AGENCY = /^(.+?)\s*[:：]\s*(.+)$/;

/** `00123:2566`: an agency code and the Buddhist Era fiscal year the auditor left it. */
function parsePastAgency(item: string): PastAgency {
  const match = PAST_AGENCY.exec(thaiDigitsToAscii(item));
  if (!match) throw new ValueParseError(`"${item}" needs the year the auditor left, as in 00123:2566`);
  const [, agencyCode, yearText] = match as unknown as [string, string, string];
  if (!AGENCY_CODE.test(agencyCode)) throw new ValueParseError(`"${item}": "${agencyCode}" is not an agency code (${AGENCY_CODE_HINT})`);
  if (!/^\d{4}$/.test(yearText)) throw new ValueParseError(`"${item}": "${yearText}" is not a year such as 2566`);
  const year = Number(yearText);
  if (year >= 1900 && year < 2400) {
    throw new ValueParseError(`"${item}": ${year} looks like a Christian Era year; years are Buddhist Era (${year + 543})`);
  }
  if (year < 2500 || year > 2700) throw new ValueParseError(`"${item}": ${year} is not a plausible Buddhist Era year`);
  return { agencyCode, yearLeft: year };
}

// `a..b`, and the spellings people use instead: `a – b`, `a - b` (spaced, since dates hold hyphens), `a ถึง b`.
const RANGE_SEPARATOR = /\s*\.{2,3}\s*|\s+[-\u2013\u2014]\s+|\s*ถึง\s*/;

/** `2025-04-10..2025-04-20`, either side in any date form; a single date is a one-day range. */
function parseDateRange(item: string): DateRange {
  const sides = item.split(RANGE_SEPARATOR);
  if (sides.length > 2) throw new ValueParseError(`"${item}" is not a date range such as 2025-04-10..2025-04-20`);
  const [from, to] = sides.map((side) => {
    let day: string | null;
    try {
      day = parseThaiDate(side);
    } catch (error) {
      // Name the whole range when the bad date is one side of it.
      if (error instanceof ValueParseError && sides.length === 2) throw new ValueParseError(`"${item}": ${error.message}`);
      throw error;
    }
    if (!day) throw new ValueParseError(`"${item}" is not a date range such as 2025-04-10..2025-04-20`);
    return day;
  }) as [string, string | undefined];
  const end = to ?? from;
  if (end < from) throw new ValueParseError(`"${item}" ends (${end}) before it starts (${from})`);
  return { from, to: end };
}

/** auditors — the audit unit's staff, for scheduling: role, capacity, skills, independence, absences. */
export const auditorsSource: ImportSource = {
  name: 'auditors',
  description: 'Audit staff for scheduling: role, available days, skills, past agencies, absences (รหัส, ชื่อ-สกุล, …)',
  table: 'auditors',
  roles: ['admin', 'auditor'],
  columns: [
    { key: 'auditor_id', aliases: ['รหัสผู้ตรวจสอบ', 'รหัสพนักงาน', 'รหัส', 'เลขประจำตัว'], required: true },
    { key: 'name', aliases: ['ชื่อ-สกุล', 'ชื่อ - สกุล', 'ชื่อ-นามสกุล', 'ชื่อสกุล', 'ชื่อ'], required: true },
    { key: 'role', aliases: ['บทบาท', 'ตำแหน่ง', 'ตำแหน่งในทีม'], required: true },
    { key: 'available_days', aliases: ['จำนวนวันที่ว่าง', 'จำนวนวันที่พร้อมปฏิบัติงาน', 'จำนวนวันปฏิบัติงาน', 'วันทำงาน'] },
    { key: 'skills', aliases: ['ความเชี่ยวชาญ', 'ทักษะ', 'ความถนัด'] },
    { key: 'past_agencies', aliases: ['หน่วยงานที่เคยปฏิบัติงาน', 'หน่วยงานที่เคยสังกัด', 'หน่วยงานเดิม'] },
    { key: 'unavailable', aliases: ['ช่วงที่ไม่ว่าง', 'วันที่ไม่ว่าง', 'ช่วงวันลา', 'วันลา', 'ไม่พร้อมปฏิบัติงาน'] },
  ],
  target: [
    { name: 'auditor_id', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'role', type: 'text' },
    { name: 'available_days', type: 'integer' },
    { name: 'skills', type: 'text[]' },
    { name: 'past_agencies', type: 'jsonb' },
    { name: 'unavailable', type: 'jsonb' },
  ],
  naturalKey: ['auditor_id'],
  rowSchema: z.object({
    auditor_id: keyText({ required: true, max: 50 }),
    name: text({ required: true, max: 300 }),
    role: oneOf(ROLES, { required: true }),
    available_days: integer({ min: 0, max: 366, label: 'days in a fiscal year' }),
    skills: skills(),
    past_agencies: listCell(/[;\n]/, parsePastAgency),
    unavailable: listCell(/[;\n]/, parseDateRange),
  }),
};
