import { z } from 'zod';
import { date, oneOf, text } from '../fields';
import type { ImportSource } from '../source-definition';
import type { HolidayKind } from '../../universe/holiday.entity';

const KIND_SPELLINGS: Record<string, HolidayKind> = {
  public: 'public',
  'วันหยุดราชการ': 'public',
  'วันหยุดนักขัตฤกษ์': 'public',
  substitution: 'substitution',
  'ชดเชย': 'substitution',
  'วันหยุดชดเชย': 'substitution',
  cabinet: 'cabinet',
  'วันหยุดพิเศษ': 'cabinet',
  'วันหยุดพิเศษตามมติครม.': 'cabinet',
  'มติครม.': 'cabinet',
  government: 'government',
  'วันหยุดราชการเฉพาะ': 'government',
};

/** holidays — days off the curated table lacks (Cabinet-declared days, corrections). */
export const holidaysSource: ImportSource = {
  name: 'holidays',
  description: 'Extra days off for the working-day calendar (วันที่, ชื่อวันหยุด, ประเภท)',
  table: 'holidays',
  roles: ['admin'],
  columns: [
    { key: 'date', aliases: ['วันที่'], required: true },
    { key: 'name', aliases: ['ชื่อวันหยุด', 'ชื่อ'], required: true },
    { key: 'kind', aliases: ['ประเภท'] },
  ],
  target: [
    { name: 'date', type: 'date' },
    { name: 'name', type: 'text' },
    // Written even when the file has no ประเภท column: it then defaults to a Cabinet-declared day.
    { name: 'kind', type: 'text', from: ['kind', 'date'] },
  ],
  naturalKey: ['date'],
  rowSchema: z
    .object({
      date: date({ required: true }),
      name: text({ required: true, max: 300 }),
      kind: oneOf(KIND_SPELLINGS),
    })
    .transform((r) => ({ date: r.date, name: r.name, kind: r.kind ?? 'cabinet' })),
};
