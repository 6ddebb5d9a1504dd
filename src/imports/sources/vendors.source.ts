import { z } from 'zod';
import { thaiDigitsToAscii } from '../../common/thai-digits';
import { date, list, restoreTaxIdZeros, taxId, text } from '../fields';
import type { ImportSource } from '../source-definition';

/**
 * An address folded so that two firms registered at one place compare equal: Thai digits, spacing,
 * punctuation and the usual abbreviations (เลขที่, หมู่ / ม., ต. / ตำบล, อ. / อำเภอ, จ. / จังหวัด).
 */
export function addressKey(address: string | null): string | null {
  if (!address) return null;
  return thaiDigitsToAscii(address)
    .normalize('NFC')
    .replace(/เลขที่/g, '')
    .replace(/หมู่ที่|หมู่|ม\./g, 'ม')
    .replace(/ตำบล|ต\./g, 'ต')
    .replace(/อำเภอ|อ\./g, 'อ')
    .replace(/จังหวัด|จ\./g, 'จ')
    // House numbers keep their slash, and numbers apart stay apart: 88/1 is not 8/81, "12 3" is not "1 23".
    .replace(/(\d)[\s,.\-()]+(?=\d)/g, '$1|')
    .replace(/[\s,.\-()]+/g, '')
    .toLowerCase();
}

/** vendors — the company registry extract: juristic id, registration date, address, directors. */
export const vendorsSource: ImportSource = {
  name: 'vendors',
  description: 'Company registry extract (เลขทะเบียนนิติบุคคล, วันจดทะเบียน, ที่อยู่, กรรมการ)',
  table: 'vendors',
  roles: ['admin', 'auditor'],
  columns: [
    { key: 'tin', aliases: ['เลขทะเบียนนิติบุคคล', 'เลขประจำตัวผู้เสียภาษี', 'เลขนิติบุคคล'], required: true },
    { key: 'name', aliases: ['ชื่อ', 'ชื่อนิติบุคคล'] },
    { key: 'registered_date', aliases: ['วันจดทะเบียน'] },
    { key: 'address', aliases: ['ที่อยู่'] },
    { key: 'directors', aliases: ['กรรมการ'] },
    { key: 'status', aliases: ['สถานะ'] },
  ],
  target: [
    { name: 'tin', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'registered_date', type: 'date' },
    { name: 'address', type: 'text' },
    { name: 'address_key', type: 'text', from: ['address'] },
    { name: 'directors', type: 'text[]' },
    { name: 'status', type: 'text' },
  ],
  naturalKey: ['tin'],
  repairRow: (raw, context) => restoreTaxIdZeros(raw, ['tin'], context),
  rowSchema: z
    .object({
      tin: taxId({ required: true }),
      name: text({ max: 300 }),
      registered_date: date(),
      address: text({ max: 500 }),
      directors: list((d) => d.replace(/\s+/g, ' ')),
      status: text({ max: 100 }),
    })
    .transform((r) => ({ ...r, address_key: addressKey(r.address) })),
};
