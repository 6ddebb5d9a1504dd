import { z } from 'zod';
import { amount, code, date, integer, oneOf, text } from '../fields';
import type { ImportSource } from '../source-definition';

const ACCEPTED = { 'ผ่าน': 'yes', pass: 'yes', passed: 'yes', yes: 'yes', 'ไม่ผ่าน': 'no', fail: 'no', failed: 'no', no: 'no' } as const;

/** deliveries — installments of a contract: due, delivered, inspected, accepted, penalty charged. */
export const deliveriesSource: ImportSource = {
  name: 'deliveries',
  description: 'Deliveries and inspections per contract installment (งวดที่, กำหนดส่งมอบ, วันตรวจรับ, ค่าปรับ)',
  table: 'deliveries',
  roles: ['admin', 'auditor'],
  columns: [
    { key: 'project_id', aliases: ['เลขที่โครงการ', 'รหัสโครงการ'], required: true },
    { key: 'contract_no', aliases: ['เลขที่สัญญา'] },
    { key: 'installment', aliases: ['งวดที่'], required: true },
    { key: 'due_date', aliases: ['กำหนดส่งมอบ'] },
    { key: 'delivered_date', aliases: ['วันส่งมอบ'] },
    { key: 'inspected_date', aliases: ['วันตรวจรับ'] },
    { key: 'accepted', aliases: ['ผลการตรวจรับ'] },
    { key: 'value', aliases: ['มูลค่างวด'] },
    { key: 'penalty_charged', aliases: ['ค่าปรับ'] },
  ],
  target: [
    { name: 'project_id', type: 'text' },
    { name: 'contract_no', type: 'text', from: ['contract_no', 'project_id'] },
    { name: 'installment', type: 'integer' },
    { name: 'due_date', type: 'date' },
    { name: 'delivered_date', type: 'date' },
    { name: 'inspected_date', type: 'date' },
    { name: 'accepted', type: 'boolean' },
    { name: 'value', type: 'numeric' },
    { name: 'penalty_charged', type: 'numeric' },
  ],
  naturalKey: ['project_id', 'contract_no', 'installment'],
  rowSchema: z
    .object({
      project_id: code({ required: true, pattern: /^(\d{11}|P\d{8,14})$/, patternHint: 'an e-GP project id of 11 digits' }),
      contract_no: text({ max: 100 }),
      installment: integer({ required: true, min: 1, max: 999, label: 'installment number' }),
      due_date: date(),
      delivered_date: date(),
      inspected_date: date(),
      accepted: oneOf(ACCEPTED),
      value: amount({ nonNegative: true }),
      penalty_charged: amount({ nonNegative: true }),
    })
    .transform((r) => ({
      ...r,
      contract_no: r.contract_no ?? '',
      accepted: r.accepted === null ? null : r.accepted === 'yes',
    })),
};
