import { SAMPLE_PLAN } from '../../../test/support/sample-audit-plan';
import { eventUid, planToIcs } from './plan-ics';

/** RFC 5545 §3.1: a line starting with a space continues the previous one. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

/** The VEVENTs as property maps (name with parameters → value), values still escaped. */
function events(ics: string): Map<string, string>[] {
  const found: Map<string, string>[] = [];
  let current: Map<string, string> | undefined;
  for (const line of unfold(ics)) {
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT') found.push(current!), (current = undefined);
    else if (current) {
      const colon = line.indexOf(':');
      current.set(line.slice(0, colon), line.slice(colon + 1));
    }
  }
  return found;
}

describe('planToIcs', () => {
  const ics = planToIcs(SAMPLE_PLAN);
  const lines = unfold(ics);
  const all = events(ics);

  it('is a calendar common clients import: VERSION 2.0, a PRODID, a name and the Bangkok zone', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('PRODID:-//audit-radar//audit-plan//TH');
    expect(lines).toContain('X-WR-CALNAME:แผนการตรวจสอบ 2568');
    expect(lines).toContain('X-WR-TIMEZONE:Asia/Bangkok');
    expect(ics.split('\r\n').every((l) => l === '' || !l.includes('\n'))).toBe(true);
  });

  it('folds lines at 75 octets without splitting a Thai character', () => {
    for (const physical of ics.split('\r\n')) expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics).not.toContain('\uFFFD');
  });

  it('has one event per engagement and auditor', () => {
    const expected = SAMPLE_PLAN.engagements.reduce((n, e) => n + e.auditors.length, 0);
    expect(expected).toBe(6);
    expect(all).toHaveLength(expected);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(expected);
  });

  it('makes all-day events from the start to the day after the end (DTEND is exclusive)', () => {
    const first = all.find((e) => e.get('UID') === 'plan-7-eng-101-A01@audit-radar')!;
    expect(first.get('DTSTART;VALUE=DATE')).toBe('20241001');
    expect(first.get('DTEND;VALUE=DATE')).toBe('20241016');
    const project = all.find((e) => e.get('UID') === 'plan-7-eng-103-A02@audit-radar')!;
    expect(project.get('DTSTART;VALUE=DATE')).toBe('20250106');
    expect(project.get('DTEND;VALUE=DATE')).toBe('20250125');
    expect(project.get('SUMMARY')).toBe('ตรวจสอบการดำเนินงาน: โครงการก่อสร้างถนนลาดยาง');
  });

  it('gives each (plan, engagement, auditor) a stable UID and the plan version as SEQUENCE', () => {
    expect(all.map((e) => e.get('UID'))).toEqual([
      'plan-7-eng-101-A01@audit-radar',
      'plan-7-eng-101-A02@audit-radar',
      'plan-7-eng-102-A03@audit-radar',
      'plan-7-eng-102-A02@audit-radar',
      'plan-7-eng-103-A01@audit-radar',
      'plan-7-eng-103-A02@audit-radar',
    ]);
    expect(all.every((e) => e.get('SEQUENCE') === '3')).toBe(true);
    expect(planToIcs(SAMPLE_PLAN)).toBe(ics);
    expect(eventUid('7', '101', 'A 01/x')).toBe('plan-7-eng-101-A_01_x@audit-radar');
  });

  it('writes DTSTAMP in UTC from the plan, not the clock', () => {
    expect(all.every((e) => e.get('DTSTAMP') === '20240915T023000Z')).toBe(true);
  });

  it('gives the same dates whatever zone the server runs in', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = zone;
        expect(planToIcs(SAMPLE_PLAN)).toBe(ics);
      }
    } finally {
      process.env.TZ = saved;
    }
  });

  it('escapes commas, semicolons and new lines in text', () => {
    const treasury = all.find((e) => e.get('UID') === 'plan-7-eng-102-A03@audit-radar')!;
    expect(treasury.get('SUMMARY')).toBe('ตรวจสอบการเงิน: สำนักงานคลังจังหวัดระยอง\\, ฝ่ายบัญชี\\; งานเบิกจ่าย');
    const description = treasury.get('DESCRIPTION')!;
    expect(description).toContain('ผู้ตรวจสอบ: นายวิชัย ตรวจดี (หัวหน้าทีม)\\n');
    expect(description).toContain('ทีมตรวจ: นายวิชัย ตรวจดี\\, นายสมชาย รักชาติ\\n');
    expect(description).toContain('16 ต.ค. 2567 – 31 ต.ค. 2567: 11 วันทำการ (นับเฉพาะวันทำการ');
    expect(description).toMatch(/เหตุผล: ความเสี่ยงอันดับ 2 จาก 20 หน่วยงาน\\; /);
    expect(description).not.toMatch(/[^\\][,;]/);
  });
});
