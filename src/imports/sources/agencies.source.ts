import { z } from 'zod';
import { code, date, text } from '../fields';
import type { ImportSource } from '../source-definition';

/** agencies — the audit universe (data-formats.md). */
export const agenciesSource: ImportSource = {
  name: 'agencies',
  description: 'Provincial agencies: the audit universe (รหัสหน่วยงาน, ชื่อหน่วยงาน, …)',
  table: 'agencies',
  roles: ['admin', 'auditor'],
  columns: [
    { key: 'agency_code', aliases: ['รหัสหน่วยงาน', 'code'], required: true },
    { key: 'name', aliases: ['ชื่อหน่วยงาน', 'หน่วยงาน'], required: true },
    { key: 'name_en', aliases: ['ชื่อภาษาอังกฤษ', 'ชื่อหน่วยงานภาษาอังกฤษ'] },
    { key: 'kind', aliases: ['ประเภท', 'ประเภทหน่วยงาน'] },
    { key: 'district', aliases: ['อำเภอ'] },
    { key: 'last_audited', aliases: ['ตรวจสอบครั้งล่าสุด', 'วันที่ตรวจสอบครั้งล่าสุด'] },
  ],
  target: [
    { name: 'code', type: 'text', from: ['agency_code'] },
    { name: 'name', type: 'text' },
    { name: 'name_en', type: 'text' },
    { name: 'kind', type: 'text' },
    { name: 'district', type: 'text' },
    { name: 'last_audited', type: 'date' },
  ],
  naturalKey: ['code'],
  rowSchema: z
    .object({
      agency_code: code({ required: true, pattern: /^[0-9A-Za-z._-]{1,20}$/, patternHint: 'letters and digits, up to 20' }),
      name: text({ required: true, max: 300 }),
      name_en: text({ max: 300 }),
      kind: text({ max: 100 }),
      district: text({ max: 100 }),
      last_audited: date(),
    })
    .transform((r) => ({
      code: r.agency_code,
      name: r.name,
      name_en: r.name_en,
      kind: r.kind,
      district: r.district,
      last_audited: r.last_audited,
    })),
};
