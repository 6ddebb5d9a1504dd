import { z } from 'zod';
import { date, restoreTaxIdZeros, taxId, text } from '../fields';
import type { ImportSource } from '../source-definition';

/** blacklist — ผู้ทิ้งงาน: vendors barred from awards, from the listing date until lifted. */
export const blacklistSource: ImportSource = {
  name: 'blacklist',
  description: 'Blacklisted vendors (ผู้ทิ้งงาน): tax id, listing and lifting dates, order number',
  table: 'blacklist_entries',
  roles: ['admin', 'auditor'],
  columns: [
    { key: 'tin', aliases: ['เลขประจำตัวผู้เสียภาษี', 'เลขทะเบียนนิติบุคคล', 'เลขนิติบุคคล'], required: true },
    { key: 'name', aliases: ['ชื่อ', 'ชื่อผู้ทิ้งงาน'] },
    { key: 'listed_date', aliases: ['วันที่แจ้งเวียน', 'วันที่ประกาศ', 'วันที่ขึ้นบัญชี'], required: true },
    { key: 'order_no', aliases: ['เลขที่คำสั่ง', 'คำสั่งที่'] },
    { key: 'lifted_date', aliases: ['วันที่เพิกถอน', 'วันที่ยกเลิก'] },
  ],
  target: [
    { name: 'tin', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'listed_date', type: 'date' },
    { name: 'order_no', type: 'text' },
    { name: 'lifted_date', type: 'date' },
  ],
  naturalKey: ['tin', 'listed_date'],
  repairRow: (raw, context) => restoreTaxIdZeros(raw, ['tin'], context),
  rowSchema: z
    .object({
      tin: taxId({ required: true }),
      name: text({ max: 300 }),
      listed_date: date({ required: true }),
      order_no: text({ max: 100 }),
      lifted_date: date(),
    })
    .superRefine((r, ctx) => {
      if (r.listed_date && r.lifted_date && r.lifted_date < r.listed_date) {
        ctx.addIssue({ code: 'custom', path: ['lifted_date'], message: `lifted (${r.lifted_date}) before listed (${r.listed_date})` });
      }
    }),
};
