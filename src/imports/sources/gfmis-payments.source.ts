import { z } from 'zod';
import { ValueParseError } from '../../common/errors';
import { fiscalYearOf } from '../../common/fiscal-year';
import { thaiDigitsToAscii } from '../../common/thai-digits';
import { amount, code, date, restoreTaxIdZeros, taxId } from '../fields';
import type { ImportSource } from '../source-definition';
import { agencyCode, cellOf, keyText, restoreCodeZeros } from './common-cells';

/** `ขบ01`, `ขบ.01`, `ขบ 01`, `KB01`, `ขบ1`, `๐๑` in Thai digits: the GFMIS payment request (ขอเบิก) types. */
const DOC_TYPE = /^(?:ขบ|kb)(\d{1,2})$/i;

/** The GFMIS payment document type, as `ขบ01` (pays a vendor against a PO), `ขบ02` (without a PO), … */
const docType = () =>
  cellOf((raw) => {
    const folded = thaiDigitsToAscii(raw).replace(/[\s.\-_]/g, '');
    const match = DOC_TYPE.exec(folded);
    if (!match) throw new ValueParseError(`"${raw.trim()}" is not a payment document type such as ขบ01 or ขบ02`);
    return `ขบ${match[1].padStart(2, '0')}`;
  });

const DOCUMENT_NO = /^[0-9A-Za-z][0-9A-Za-z/._-]{0,29}$/;

/** gfmis-payments — GFMIS payment documents, linked to e-GP by vendor tax id, project and contract. */
export const gfmisPaymentsSource: ImportSource = {
  name: 'gfmis-payments',
  description: 'GFMIS payment documents ขบ01/ขบ02 with vendor, PO, e-GP project and contract (เลขที่เอกสาร, จำนวนเงิน, …)',
  table: 'gfmis_payments',
  roles: ['admin', 'auditor', 'finance'],
  columns: [
    { key: 'doc_no', aliases: ['เลขที่เอกสาร', 'เลขที่เอกสารขอเบิก', 'เลขที่เอกสาร GFMIS'], required: true },
    { key: 'doc_type', aliases: ['ประเภทเอกสาร', 'ประเภทเอกสารขอเบิก'] },
    { key: 'agency_code', aliases: ['รหัสหน่วยงาน', 'รหัสส่วนราชการ'] },
    { key: 'disbursing_unit', aliases: ['รหัสหน่วยเบิกจ่าย', 'หน่วยเบิกจ่าย'] },
    {
      key: 'vendor_tin',
      aliases: ['เลขประจำตัวผู้เสียภาษี', 'เลขประจำตัวผู้เสียภาษีอากร', 'เลขประจำตัวผู้เสียภาษีผู้ขาย', 'เลขผู้เสียภาษี', 'tin'],
    },
    { key: 'amount', aliases: ['จำนวนเงิน', 'จำนวนเงิน (บาท)', 'จำนวนเงินขอเบิก', 'จำนวนเงินที่จ่าย'] },
    { key: 'posting_date', aliases: ['วันที่ผ่านรายการ', 'วันผ่านรายการ'] },
    { key: 'po_no', aliases: ['เลขที่ PO', 'เลขที่ใบสั่งซื้อ', 'เลขที่ใบสั่งซื้อสั่งจ้าง', 'PO'] },
    { key: 'egp_project_id', aliases: ['เลขที่โครงการ', 'เลขที่โครงการ e-GP', 'รหัสโครงการ e-GP', 'project_id'] },
    { key: 'contract_no', aliases: ['เลขที่สัญญา', 'เลขที่สัญญา/ใบสั่ง'] },
    { key: 'invoice_no', aliases: ['เลขที่ใบแจ้งหนี้', 'เลขที่ใบกำกับภาษี/ใบแจ้งหนี้'] },
  ],
  target: [
    { name: 'doc_no', type: 'text' },
    { name: 'doc_type', type: 'text' },
    { name: 'agency_code', type: 'text' },
    { name: 'disbursing_unit', type: 'text' },
    { name: 'vendor_tin', type: 'text' },
    { name: 'amount', type: 'numeric' },
    { name: 'posting_date', type: 'date' },
    { name: 'fiscal_year', type: 'integer', from: ['posting_date'] },
    { name: 'po_no', type: 'text' },
    { name: 'egp_project_id', type: 'text' },
    { name: 'contract_no', type: 'text' },
    { name: 'invoice_no', type: 'text' },
  ],
  naturalKey: ['doc_no'],
  references: [{ column: 'agency_code', table: 'agencies', tableColumn: 'code', label: 'agency' }],
  repairRow: (raw, context) => {
    restoreTaxIdZeros(raw, ['vendor_tin'], context);
    restoreCodeZeros(raw, 'agency_code', 5, 'a GFMIS agency code', context);
    restoreCodeZeros(raw, 'disbursing_unit', 10, 'a disbursing unit code', context);
    return raw;
  },
  rowSchema: z
    .object({
      doc_no: code({ required: true, pattern: DOCUMENT_NO, patternHint: 'a GFMIS document number such as 3100012345' }),
      doc_type: docType(),
      agency_code: agencyCode(),
      disbursing_unit: code({ pattern: /^\d{10}$/, patternHint: 'a disbursing unit code of 10 digits' }),
      // A 13-digit id failing its check digit is kept as given, as e-GP keeps it, so the two still join.
      vendor_tin: taxId({ allowBadCheckDigit: true }),
      // Negative amounts are kept: GFMIS exports show reversals with a trailing minus.
      amount: amount(),
      posting_date: date(),
      po_no: code({ pattern: DOCUMENT_NO, patternHint: 'a PO number such as 7000012345' }),
      egp_project_id: code({ pattern: /^\d{11}$/, patternHint: 'an e-GP project id of 11 digits' }),
      contract_no: keyText({ max: 100 }),
      invoice_no: keyText({ max: 100 }),
    })
    .transform((r) => ({ ...r, fiscal_year: r.posting_date ? fiscalYearOf(r.posting_date) : null })),
};
