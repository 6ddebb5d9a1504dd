import { Readable } from 'node:stream';
import { startTestApp, TestApp } from '../../test/support/test-app';
import { ImportService } from '../imports/import.service';
import { UniverseService } from './universe.service';
import { WorkingCalendarService } from './working-calendar.service';

describe('WorkingCalendarService (PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('adds the administrators\' days to the curated calendar as soon as they are imported or posted', async () => {
    const calendars = t.app.get(WorkingCalendarService);
    expect((await calendars.calendar()).isWorkingDay('2025-08-11')).toBe(true); // a Monday, no curated holiday

    const outcome = await t.app.get(ImportService).import({
      source: 'holidays',
      input: Readable.from([Buffer.from('วันที่,ชื่อวันหยุด,ประเภท\n11 ส.ค. 68,วันหยุดพิเศษ,cabinet\n')]),
    });
    expect(outcome.status).toBe('written');
    const calendar = await calendars.calendar();
    expect(calendar.isWorkingDay('2025-08-11')).toBe(false);
    expect(calendar.workingDaysBetween('2025-08-08', '2025-08-13')).toBe(1); // Mon 11 off, Tue 12 Mother's Day, Wed 13 counts

    await t.app.get(UniverseService).addHoliday({ date: '2025-08-13', name: 'ทดสอบ', kind: 'government' });
    expect((await calendars.calendar()).workingDaysBetween('2025-08-08', '2025-08-13')).toBe(0);
  });

  it('lists a year\'s days off from both origins, the table winning on a shared date', async () => {
    const days = await t.app.get(WorkingCalendarService).daysOff(2025);
    const byDate = new Map(days.map((d) => [d.date, d]));
    expect(byDate.get('2025-04-13')).toMatchObject({ origin: 'curated' });
    expect(byDate.get('2025-08-11')).toMatchObject({ origin: 'table', kind: 'cabinet' });
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
  });
});
