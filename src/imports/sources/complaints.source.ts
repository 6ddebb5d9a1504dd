import { z } from 'zod';
import { fiscalYearOf } from '../../common/fiscal-year';
import { date, oneOf, text } from '../fields';
import type { ImportSource } from '../source-definition';
import { agencyCode, keyText, restoreCodeZeros } from './common-cells';

export type ComplaintChannel = 'website' | 'damrongtham_phone' | 'complaint_box' | 'letter_fax' | 'pobox_1111' | 'other';
export type ComplaintCategory =
  | 'procurement'
  | 'bribery'
  | 'impolite_service'
  | 'delay'
  | 'rule_violation'
  | 'favouritism'
  | 'fraud'
  | 'other';

/**
 * The province's channels (the seed document's list); spellings are folded (case, spaces, `_`, `-` ignored).
 * No bare-number key (`1111`): JS puts integer keys first, which would reorder the list error messages give.
 */
const CHANNELS: Record<string, ComplaintChannel> = {
  website: 'website',
  web: 'website',
  'เว็บไซต์': 'website',
  'เว็บไซด์': 'website',
  'เวบไซต์': 'website',
  'เว็บไซต์จังหวัด': 'website',
  'เว็บไซต์ของจังหวัด': 'website',
  'อินเทอร์เน็ต': 'website',
  damrongtham_phone: 'damrongtham_phone',
  damrongtham: 'damrongtham_phone',
  'ศูนย์ดำรงธรรม': 'damrongtham_phone',
  'ศูนย์ดำรงธรรมจังหวัด': 'damrongtham_phone',
  'ดำรงธรรม': 'damrongtham_phone',
  'ศูนย์ดำรงธรรม (โทรศัพท์)': 'damrongtham_phone',
  'สายด่วน 1567': 'damrongtham_phone',
  'โทรศัพท์': 'damrongtham_phone',
  complaint_box: 'complaint_box',
  'ตู้รับเรื่อง': 'complaint_box',
  'ตู้รับเรื่องร้องเรียน': 'complaint_box',
  'ตู้รับเรื่องราวร้องทุกข์': 'complaint_box',
  'ตู้รับความคิดเห็น': 'complaint_box',
  letter_fax: 'letter_fax',
  letter: 'letter_fax',
  fax: 'letter_fax',
  'จดหมาย': 'letter_fax',
  'โทรสาร': 'letter_fax',
  'จดหมาย/โทรสาร': 'letter_fax',
  'จดหมาย / โทรสาร': 'letter_fax',
  'หนังสือ': 'letter_fax',
  'หนังสือร้องเรียน': 'letter_fax',
  'แฟกซ์': 'letter_fax',
  pobox_1111: 'pobox_1111',
  'ตู้ ปณ. 1111': 'pobox_1111',
  'ตู้ ป.ณ. 1111': 'pobox_1111',
  'ตู้ปณ 1111': 'pobox_1111',
  'ปณ. 1111': 'pobox_1111',
  'ป.ณ. 1111': 'pobox_1111',
  'สายด่วน 1111': 'pobox_1111',
  'ศูนย์บริการประชาชน 1111': 'pobox_1111',
  other: 'other',
  'อื่นๆ': 'other',
  'อื่น ๆ': 'other',
  'อื่น': 'other',
  'ด้วยตนเอง': 'other',
};

/** The seed document's complaint categories. */
const CATEGORIES: Record<string, ComplaintCategory> = {
  procurement: 'procurement',
  'จัดซื้อจัดจ้าง': 'procurement',
  'การจัดซื้อจัดจ้าง': 'procurement',
  'ทุจริตการจัดซื้อจัดจ้าง': 'procurement',
  bribery: 'bribery',
  'เรียกรับเงิน': 'bribery',
  'สินบน': 'bribery',
  'เรียกรับเงิน/สินบน': 'bribery',
  'เรียกรับสินบน': 'bribery',
  'เรียกรับเงินหรือสินบน': 'bribery',
  'เรียกรับผลประโยชน์': 'bribery',
  impolite_service: 'impolite_service',
  'บริการไม่สุภาพ': 'impolite_service',
  'ให้บริการไม่สุภาพ': 'impolite_service',
  'ไม่สุภาพ': 'impolite_service',
  'พฤติกรรมไม่สุภาพ': 'impolite_service',
  delay: 'delay',
  'ล่าช้า': 'delay',
  'ความล่าช้า': 'delay',
  'บริการล่าช้า': 'delay',
  'ให้บริการล่าช้า': 'delay',
  'ดำเนินการล่าช้า': 'delay',
  rule_violation: 'rule_violation',
  'ไม่ปฏิบัติตามระเบียบ': 'rule_violation',
  'ไม่ปฏิบัติตามกฎระเบียบ': 'rule_violation',
  'ไม่ปฏิบัติตามกฎหมาย': 'rule_violation',
  'ไม่ปฏิบัติตามกฎหมาย/ระเบียบ': 'rule_violation',
  'ไม่ปฏิบัติตามระเบียบ/กฎหมาย': 'rule_violation',
  'ปฏิบัติไม่เป็นไปตามระเบียบ': 'rule_violation',
  favouritism: 'favouritism',
  favoritism: 'favouritism',
  'เลือกปฏิบัติ': 'favouritism',
  'เอื้อประโยชน์': 'favouritism',
  'เลือกปฏิบัติ/เอื้อประโยชน์': 'favouritism',
  'เอื้อประโยชน์พวกพ้อง': 'favouritism',
  'เอื้อประโยชน์ต่อพวกพ้อง': 'favouritism',
  'เลือกปฏิบัติ/เอื้อประโยชน์พวกพ้อง': 'favouritism',
  fraud: 'fraud',
  'ทุจริต': 'fraud',
  'การทุจริต': 'fraud',
  'ทุจริตต่อหน้าที่': 'fraud',
  'ทุจริตประพฤติมิชอบ': 'fraud',
  'ทุจริตและประพฤติมิชอบ': 'fraud',
  other: 'other',
  'อื่นๆ': 'other',
  'อื่น ๆ': 'other',
  'อื่น': 'other',
  'เรื่องอื่นๆ': 'other',
};

/** complaints — complaints received through the province's channels. */
export const complaintsSource: ImportSource = {
  name: 'complaints',
  description: 'Complaints by channel, agency and category, with response and closing dates (เลขที่เรื่อง, วันที่รับเรื่อง, …)',
  table: 'complaints',
  roles: ['admin', 'auditor'],
  columns: [
    { key: 'complaint_no', aliases: ['เลขที่เรื่อง', 'เลขที่เรื่องร้องเรียน', 'เลขที่รับเรื่อง', 'เลขรับ', 'เลขที่รับ'], required: true },
    { key: 'received_date', aliases: ['วันที่รับเรื่อง', 'วันรับเรื่อง', 'วันที่รับ', 'วันที่ร้องเรียน'], required: true },
    { key: 'channel', aliases: ['ช่องทาง', 'ช่องทางการร้องเรียน', 'ช่องทางร้องเรียน', 'ช่องทางการรับเรื่อง'] },
    { key: 'agency_code', aliases: ['รหัสหน่วยงาน', 'รหัสหน่วยงานที่ถูกร้องเรียน'] },
    { key: 'category', aliases: ['ประเภท', 'ประเภทเรื่อง', 'ประเภทเรื่องร้องเรียน', 'หมวด', 'หมวดเรื่อง'], required: true },
    { key: 'subject', aliases: ['เรื่อง', 'เรื่องร้องเรียน', 'หัวเรื่อง', 'สาระสำคัญ'] },
    { key: 'status', aliases: ['สถานะ', 'สถานะเรื่อง', 'ผลการดำเนินการ'] },
    {
      key: 'first_response_date',
      aliases: ['วันที่ตอบกลับครั้งแรก', 'วันที่แจ้งผลครั้งแรก', 'วันที่แจ้งความคืบหน้าครั้งแรก', 'วันที่ตอบรับ'],
    },
    { key: 'closed_date', aliases: ['วันที่ยุติเรื่อง', 'วันยุติเรื่อง', 'วันที่ปิดเรื่อง', 'วันที่ยุติ'] },
  ],
  target: [
    { name: 'complaint_no', type: 'text' },
    { name: 'received_date', type: 'date' },
    { name: 'fiscal_year', type: 'integer', from: ['received_date'] },
    { name: 'channel', type: 'text' },
    { name: 'agency_code', type: 'text' },
    { name: 'category', type: 'text' },
    { name: 'subject', type: 'text' },
    { name: 'status', type: 'text' },
    { name: 'first_response_date', type: 'date' },
    { name: 'closed_date', type: 'date' },
  ],
  naturalKey: ['complaint_no'],
  // A complaint may name no agency; when it names one, it must exist.
  references: [{ column: 'agency_code', table: 'agencies', tableColumn: 'code', label: 'agency' }],
  repairRow: (raw, context) => {
    restoreCodeZeros(raw, 'agency_code', 5, 'a GFMIS agency code', context);
    return raw;
  },
  rowSchema: z
    .object({
      complaint_no: keyText({ required: true, max: 100 }),
      received_date: date({ required: true }),
      channel: oneOf(CHANNELS),
      agency_code: agencyCode(),
      category: oneOf(CATEGORIES, { required: true }),
      subject: text({ max: 2000 }),
      status: text({ max: 200 }),
      first_response_date: date(),
      closed_date: date(),
    })
    .transform((r, ctx) => {
      const received = r.received_date!;
      for (const key of ['first_response_date', 'closed_date'] as const) {
        const later = r[key];
        if (later && later < received) {
          ctx.addIssue({ code: 'custom', path: [key], message: `${later} is before the complaint was received (${received})` });
        }
      }
      return { ...r, fiscal_year: fiscalYearOf(received) };
    }),
};
