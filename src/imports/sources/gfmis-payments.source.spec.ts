import type { RawRow } from '../source-definition';
import { gfmisPaymentsSource as source } from './gfmis-payments.source';
import { rowParser, rowRepairer } from '../../../test/support/source-rows';

const parse = rowParser(source);

const repair = rowRepairer(source);

// 0105552012347 is a valid juristic-person id (its check digit matches).
const row: RawRow = {
  doc_no: '3100012345',
  doc_type: 'ขบ.01',
  agency_code: '00701',
  disbursing_unit: '0070100001',
  vendor_tin: '0105552012347',
  amount: '๔๙๕,๐๐๐.๐๐',
  posting_date: '15/01/2568',
  po_no: '7000012345',
  egp_project_id: '68019245871',
  contract_no: ' สัญญาเลขที่  ๑๒/๒๕๖๘ ',
  invoice_no: 'INV-2568/0042',
};

describe('gfmis-payments source', () => {
  it('declares the table, its key, the agency reference and who may import', () => {
    expect(source.name).toBe('gfmis-payments');
    expect(source.table).toBe('gfmis_payments');
    expect(source.naturalKey).toEqual(['doc_no']);
    expect(source.roles).toEqual(['admin', 'auditor', 'finance']);
    expect(source.references).toEqual([{ column: 'agency_code', table: 'agencies', tableColumn: 'code', label: 'agency' }]);
  });

  it('reads a ขบ01 payment with Thai digits and a BE date', () => {
    expect(parse(row)).toEqual({
      data: {
        doc_no: '3100012345',
        doc_type: 'ขบ01',
        agency_code: '00701',
        disbursing_unit: '0070100001',
        vendor_tin: '0105552012347',
        amount: '495000.00',
        posting_date: '2025-01-15',
        fiscal_year: 2568, // of the posting date, from src/common/fiscal-year.ts
        po_no: '7000012345',
        egp_project_id: '68019245871',
        contract_no: 'สัญญาเลขที่ 12/2568',
        invoice_no: 'INV-2568/0042',
      },
    });
  });

  it('leaves out what a ขบ02 payment without a PO or e-GP project does not have', () => {
    expect(parse({ doc_no: '3600000017', doc_type: 'ขบ02', amount: '4,800', po_no: '', egp_project_id: '-' })).toEqual({
      data: {
        doc_no: '3600000017',
        doc_type: 'ขบ02',
        agency_code: null,
        disbursing_unit: null,
        vendor_tin: null,
        amount: '4800',
        posting_date: null,
        fiscal_year: null,
        po_no: null,
        egp_project_id: null,
        contract_no: null,
        invoice_no: null,
      },
    });
  });

  it.each([
    ['ขบ01', 'ขบ01'],
    ['ขบ.01', 'ขบ01'],
    ['ขบ 02', 'ขบ02'],
    ['KB01', 'ขบ01'],
    ['kb.02', 'ขบ02'],
    ['ขบ.๐๒', 'ขบ02'],
    ['ขบ1', 'ขบ01'],
  ])('normalises the document type %s to %s', (written, stored) => {
    expect(parse({ ...row, doc_type: written }).data?.doc_type).toBe(stored);
  });

  it('names a document type that is not a payment request type', () => {
    expect(parse({ ...row, doc_type: 'ฎีกา' })).toEqual({
      errors: [{ path: 'doc_type', message: '"ฎีกา" is not a payment document type such as ขบ01 or ขบ02' }],
    });
    expect(parse({ ...row, doc_type: 'ขบ001' }).errors).toEqual([
      { path: 'doc_type', message: '"ขบ001" is not a payment document type such as ขบ01 or ขบ02' },
    ]);
  });

  it('refuses a tax id Excel wrote in scientific notation, or one of the wrong length or with letters', () => {
    expect(parse({ ...row, vendor_tin: '1.05552E+11' })).toEqual({
      errors: [
        {
          path: 'vendor_tin',
          message: '"1.05552E+11" is a tax id damaged by Excel (scientific notation keeps only the first digits); it cannot be restored',
        },
      ],
    });
    expect(parse({ ...row, vendor_tin: '12345' }).errors).toEqual([
      { path: 'vendor_tin', message: '"12345" has 5 digits; a tax id has 13' },
    ]);
    expect(parse({ ...row, vendor_tin: 'บจก. ระยองก่อสร้าง' }).errors).toEqual([
      { path: 'vendor_tin', message: '"บจก. ระยองก่อสร้าง" is not a tax id: it contains characters other than digits' },
    ]);
  });

  it('keeps a 13-digit tax id whose check digit fails, as e-GP does, so the two still join', () => {
    expect(parse({ ...row, vendor_tin: '0105552012340' }).data?.vendor_tin).toBe('0105552012340');
    expect(parse({ ...row, vendor_tin: '0-1055-52012-34-7' }).data?.vendor_tin).toBe('0105552012347');
  });

  it('restores a tax id’s lost leading zero in repairRow and reports it, with GFMIS codes that lost theirs', () => {
    expect(repair({ ...row, vendor_tin: '105552012347', agency_code: '701', disbursing_unit: '70100001' })).toEqual({
      repaired: { ...row, vendor_tin: '0105552012347', agency_code: '00701', disbursing_unit: '0070100001' },
      repairs: [
        { column: 'vendor_tin', message: 'restored the leading zero Excel dropped: 0105552012347' },
        { column: 'agency_code', message: 'restored the leading zeros Excel dropped: 00701 (a GFMIS agency code has 5 digits)' },
        {
          column: 'disbursing_unit',
          message: 'restored the leading zeros Excel dropped: 0070100001 (a disbursing unit code has 10 digits)',
        },
      ],
    });
    expect(repair(row)).toEqual({ repaired: row, repairs: [] });
  });

  it('keeps a reversal’s negative amount (GFMIS writes a trailing minus) but refuses text and satang fractions', () => {
    expect(parse({ ...row, amount: '1,500.00-' }).data?.amount).toBe('-1500.00');
    expect(parse({ ...row, amount: 'สี่พันบาท' }).errors).toEqual([
      { path: 'amount', message: '"สี่พันบาท" is not an amount: unexpected "สี่พัน"' },
    ]);
    expect(parse({ ...row, amount: '12.345' }).errors).toEqual([
      { path: 'amount', message: '"12.345" has more than 2 decimal places (satang)' },
    ]);
  });

  it('wants 11-digit e-GP project ids, 10-digit disbursing units and real dates', () => {
    expect(
      parse({ ...row, egp_project_id: '6.80192E+10', disbursing_unit: '70100001', posting_date: '29/02/2568' }),
    ).toEqual({
      errors: [
        { path: 'disbursing_unit', message: '"70100001" is not a valid code (a disbursing unit code of 10 digits)' },
        { path: 'posting_date', message: '29/02/2568 is not a real date (February 2025 has 28 days)' },
        { path: 'egp_project_id', message: '"6.80192E+10" is not a valid code (an e-GP project id of 11 digits)' },
      ],
    });
    expect(parse({ ...row, egp_project_id: '๖๘๐๑๙๒๔๕๘๗๑' }).data?.egp_project_id).toBe('68019245871');
  });

  it('names a missing document number and one Excel turned into a number in scientific notation', () => {
    expect(parse({ ...row, doc_no: '' })).toEqual({ errors: [{ path: 'doc_no', message: 'is required but empty' }] });
    expect(parse({ ...row, doc_no: '3.1E+09' })).toEqual({
      errors: [{ path: 'doc_no', message: '"3.1E+09" is not a valid code (a GFMIS document number such as 3100012345)' }],
    });
  });
});
