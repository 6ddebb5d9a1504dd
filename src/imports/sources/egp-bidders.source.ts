import { z } from 'zod';
import { amount, code, date, oneOf, restoreTaxIdZeros, taxId, text } from '../fields';
import type { ImportSource } from '../source-definition';

const STATUS = {
  valid: 'valid',
  'ผ่านคุณสมบัติ': 'valid',
  disqualified: 'disqualified',
  'ไม่ผ่านคุณสมบัติ': 'disqualified',
  winner: 'winner',
  'ผู้ชนะ': 'winner',
  'ผู้ชนะการเสนอราคา': 'winner',
} as const;

/** egp-bidders — the bids of each project (the open data has names; units add prices). */
export const egpBiddersSource: ImportSource = {
  name: 'egp-bidders',
  description: 'Bids per e-GP project: bidder, price, date, status (เลขที่โครงการ, ชื่อผู้เสนอราคา, …)',
  table: 'egp_bids',
  roles: ['admin', 'auditor'],
  columns: [
    { key: 'project_id', aliases: ['เลขที่โครงการ', 'รหัสโครงการ'], required: true },
    { key: 'bidder_tin', aliases: ['เลขประจำตัวผู้เสียภาษี', 'เลขนิติบุคคล'] },
    { key: 'bidder_name', aliases: ['ชื่อผู้เสนอราคา'] },
    { key: 'bid_amount', aliases: ['ราคาที่เสนอ'] },
    { key: 'bid_date', aliases: ['วันที่ยื่นข้อเสนอ'] },
    { key: 'status', aliases: ['สถานะ'] },
  ],
  target: [
    { name: 'project_id', type: 'text' },
    // The key is the tax id, or the folded name when the unit recorded no tax id.
    { name: 'bidder_key', type: 'text', from: ['bidder_tin', 'bidder_name'] },
    { name: 'bidder_tin', type: 'text' },
    { name: 'bidder_name', type: 'text' },
    { name: 'bid_amount', type: 'numeric' },
    { name: 'bid_date', type: 'date' },
    { name: 'status', type: 'text' },
  ],
  naturalKey: ['project_id', 'bidder_key'],
  repairRow: (raw, context) => restoreTaxIdZeros(raw, ['bidder_tin'], context),
  rowSchema: z
    .object({
      project_id: code({ required: true, pattern: /^(\d{11}|P\d{8,14})$/, patternHint: 'an e-GP project id of 11 digits' }),
      bidder_tin: taxId({ allowBadCheckDigit: true }),
      bidder_name: text({ max: 300 }),
      bid_amount: amount({ nonNegative: true }),
      bid_date: date(),
      status: oneOf(STATUS),
    })
    .superRefine((r, ctx) => {
      if (!r.bidder_tin && !r.bidder_name) {
        ctx.addIssue({ code: 'custom', path: ['bidder_name'], message: 'a bid needs the bidder’s tax id or name' });
      }
    })
    .transform((r) => ({
      project_id: r.project_id,
      bidder_key: r.bidder_tin ?? `name:${(r.bidder_name ?? '').replace(/\s+/g, '').toLowerCase()}`,
      bidder_tin: r.bidder_tin,
      bidder_name: r.bidder_name,
      bid_amount: r.bid_amount,
      bid_date: r.bid_date,
      status: r.status,
    })),
};
