import { OFFICE_SUPPLIES_BUY, RAYONG_ROAD_CONTRACT } from '../../../test/support/egp-sample-contracts';
import { detectEgpLayout, EgpLayoutName } from './egp-layout';
import { EgpContractRow, parseEgpRow, Problem } from './egp-row';

/*
 * The point of the e-GP module: the same contracts, published in any of the layouts, read into the same
 * values with the same repairs. Headers and rows are written out literally here (not built from the
 * module's own column list) so that a mistake in the module cannot hide itself.
 */

// data-formats.md's published header (28 names).
const THAI_28 = [
  'ลำดับ', 'รหัสโครงการ', 'ชื่อโครงการ', 'ชื่อประเภทโครงการ', 'ชื่อหน่วยงาน', 'ชื่อหน่วยงานย่อย', 'วิธีจัดซื้อฯ',
  'กลุ่มวิธีจัดซื้อฯ', 'วันที่ประกาศ', 'งบประมาณ(บาท)', 'ราคากลาง(บาท)', 'ราคาตกลงซื้อ/จ้าง', 'ปีงบประมาณ',
  'วันที่เกิดรายการ', 'จังหวัด', 'เขต/อำเภอ', 'แขวง/ตำบล', 'สถานะโครงการ', 'พิกัดของโครงการ', 'ละติจูดโครงการ',
  'ลองจิจูดโครงการ', 'เลขนิติบุคคล', 'ชื่อผู้ชนะ', 'เลขที่สัญญา', 'วันที่ลงนามสัญญา', 'วันที่สิ้นสุดสัญญา',
  'งบสัญญา(บาท)', 'สถานะสัญญา',
];
// FY2565–2567, and the header of the FY2568 files whose rows do not carry the (Eng) columns.
const THAI_31 = [
  ...THAI_28.slice(0, 15), 'จังหวัด (Eng)', 'เขต/อำเภอ', 'เขต/อำเภอ (Eng)', 'แขวง/ตำบล', 'แขวง/ตำบล (Eng)',
  ...THAI_28.slice(17),
];
// FY2568 first file: no เขต/อำเภอ, no แขวง/ตำบล.
const THAI_26 = [...THAI_28.slice(0, 15), ...THAI_28.slice(17)];
const ENGLISH_28 = [
  'seq', 'project_id', 'project_name', 'project_type_name', 'dept_name', 'dept_sub_name', 'purchase_method_name',
  'purchase_method_group_name', 'announce_date', 'project_money', 'price_build', 'sum_price_agree', 'budget_year',
  'transaction_date', 'province', 'district', 'subdistrict', 'project_status', 'location', 'lat', 'lon', 'winner_tin',
  'winner', 'contract_no', 'contract_date', 'contract_finish_date', 'price_agree', 'contract_status',
];

const GENERIC_GROUP = 'วิธีการจัดหา ประกาศเชิญชวนทั่วไป คัดเลือก เฉพาะเจาะจง';

/** The three contracts as published: 28 values each, in published order. */
const VALUES_28: string[][] = [
  [
    '1', '67019123456', 'ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3, ตำบลเนินพระ', 'จ้างก่อสร้าง',
    'องค์การบริหารส่วนจังหวัดระยอง', 'กองช่าง', 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)', 'ประกาศเชิญชวนทั่วไป',
    '15 ม.ค. 67', '4,500,000.00', '4,498,500.00', '3,950,000.00', '2567', '20 ก.พ. 67', 'ระยอง', 'เมืองระยอง',
    'เนินพระ', 'จัดทำสัญญา/PO แล้ว', 'ถนนสายบ้านเนินพระ', '12.6814', '101.2816',
    '105552012347', // Excel dropped the leading zero
    'บริษัท ระยองก่อสร้าง จำกัด', '12/2567', '1 มี.ค. 67', '28 ส.ค. 67', '3,950,000.00', 'ส่งงานล่าช้ากว่ากำหนด',
  ],
  [
    '2', '64099012345', 'ซื้อวัสดุสำนักงาน', 'ซื้อ', 'สำนักงานจังหวัดระยอง', ' ', GENERIC_GROUP, 'เฉพาะเจาะจง', // swapped
    '15-ก.ย.-64', '98,500', '98,500', '97,000', '2564', '16-ก.ย.-64', 'ระยอง', 'บ้านฉาง', 'สำนักท้อน',
    'สิ้นสุดสัญญา', '-', '-', '-',
    '1.05552E+11', // damaged by Excel before publication
    'ห้างหุ้นส่วนจำกัด บ้านฉางพาณิชย์', '-', '17-ก.ย.-64', '24-ก.ย.-64', '97,000', 'ส่งงานครบถ้วน',
  ],
  [
    '3', '๖๘๐๑๙๗๗๗๐๐๑', 'จ้างเหมาบริการรักษาความปลอดภัย', 'จ้างทำของ/จ้างเหมาบริการ', 'สำนักงานคลังจังหวัดระยอง', '',
    'คัดเลือก', GENERIC_GROUP, '๑ ต.ค. ๖๗', '๔๘๐,๐๐๐.๐๐', '๔๘๐,๐๐๐.๐๐', '๔๗๕,๐๐๐.๐๐', '๒๕๖๘', '๓ ต.ค. ๖๗', 'ระยอง',
    'ปลวกแดง', 'มาบยางพร', '  ระหว่างดำเนินการ ', '', '', '',
    '0105552012345', // 13 digits, bad check digit
    'บริษัท รักษ์ระยอง ซีเคียวริตี้ จำกัด', '๓๔/๒๕๖๘', '๑๐ ต.ค. ๖๗', '๓๐ ก.ย. ๖๘', '๔๗๕,๐๐๐.๐๐', 'แก้ไขสัญญา',
  ],
];
const ENGLISH_PLACES = [
  ['Rayong', 'Mueang Rayong', 'Noen Phra'],
  ['Rayong', 'Ban Chang', 'Samnak Thon'],
  ['Rayong', 'Pluak Daeng', 'Map Yang Phon'],
];

/** FY2565–2567 rows: each Thai place value followed by its English twin. */
function with31Columns(values: string[], [province, district, subdistrict]: string[]): string[] {
  return [...values.slice(0, 15), province!, values[15]!, district!, values[16]!, subdistrict!, ...values.slice(17)];
}

const PUBLISHED: { expected: EgpLayoutName; label: string; header: string[]; rows: string[][] }[] = [
  { expected: 'fy2565-2567-31col', label: 'FY2565–2567, 31 and 31', header: THAI_31, rows: VALUES_28.map((v, i) => with31Columns(v, ENGLISH_PLACES[i]!)) },
  {
    expected: 'fy2565-2567-31col',
    label: 'FY2565–2567 with a leading _id',
    header: ['_id', ...THAI_31],
    rows: VALUES_28.map((v, i) => [String(1000 + i), ...with31Columns(v, ENGLISH_PLACES[i]!)]),
  },
  { expected: 'fy2568-26-names-28-values', label: 'FY2568 first file, 26 names over 28 values', header: THAI_26, rows: VALUES_28 },
  { expected: 'fy2568-31-names-28-values', label: 'FY2568, 31 names over 28 values', header: THAI_31, rows: VALUES_28 },
  { expected: 'canonical-28', label: 'plain 28 with the Thai header', header: THAI_28, rows: VALUES_28 },
  { expected: 'english-keys', label: 'plain 28 with the English keys', header: ENGLISH_28, rows: VALUES_28 },
];

const EXPECTED: EgpContractRow[] = [
  RAYONG_ROAD_CONTRACT,
  OFFICE_SUPPLIES_BUY,
  {
    projectId: '68019777001',
    projectName: 'จ้างเหมาบริการรักษาความปลอดภัย',
    projectType: 'services',
    projectTypeText: 'จ้างทำของ/จ้างเหมาบริการ',
    deptName: 'สำนักงานคลังจังหวัดระยอง',
    deptSubName: null,
    method: 'selection',
    methodText: 'คัดเลือก',
    methodGroupText: GENERIC_GROUP,
    announceDate: '2024-10-01',
    projectMoney: '480000.00',
    priceBuild: '480000.00',
    sumPriceAgree: '475000.00',
    budgetYear: 2568,
    transactionDate: '2024-10-03',
    province: 'ระยอง',
    district: 'ปลวกแดง',
    subdistrict: 'มาบยางพร',
    projectStatus: 'ระหว่างดำเนินการ',
    location: null,
    lat: null,
    lon: null,
    winnerTinRaw: '0105552012345',
    winnerTin: '0105552012345',
    winnerTinValid: false,
    winnerName: 'บริษัท รักษ์ระยอง ซีเคียวริตี้ จำกัด',
    contractNo: '34/2568',
    contractDate: '2024-10-10',
    contractFinishDate: '2025-09-30',
    priceAgree: '475000.00',
    contractStatus: 'other',
    contractStatusText: 'แก้ไขสัญญา',
  },
];

/** Data rows are spreadsheet rows 2, 3 and 4 (the header is row 1). */
const EXPECTED_REPAIRS: { row: number; column: string; message: RegExp }[] = [
  { row: 2, column: 'winner_tin', message: /restored the leading zero Excel dropped: 0105552012347/ },
  { row: 3, column: 'purchase_method_name', message: /วิธีจัดซื้อฯ "วิธีการจัดหา .*" and กลุ่มวิธีจัดซื้อฯ "เฉพาะเจาะจง" were swapped/ },
  { row: 3, column: 'winner_tin', message: /"1\.05552E\+11" is a tax id damaged by Excel.*cannot be restored.*kept without a tax id/ },
  { row: 4, column: 'winner_tin', message: /0105552012345 fails its check digit.*kept as given and marked invalid/ },
];

function parseAll(header: string[], rows: string[][]) {
  const layout = detectEgpLayout(header, rows);
  const results = rows.map((fields, i) => parseEgpRow(fields, layout, i + 2));
  const repairs: Problem[] = results.flatMap((r) => r.repairs);
  return { layout, values: results.map((r) => r.value), errors: results.flatMap((r) => r.errors), repairs };
}

describe('the same three contracts in every published layout', () => {
  it.each(PUBLISHED.map((p) => [p.label, p] as const))('%s', (_label, published) => {
    const { layout, values, errors, repairs } = parseAll(published.header, published.rows);
    expect(layout.name).toBe(published.expected);
    expect(errors).toEqual([]);
    expect(values).toEqual(EXPECTED);
    expect(repairs).toHaveLength(EXPECTED_REPAIRS.length);
    repairs.forEach((repair, i) => {
      expect(repair.row).toBe(EXPECTED_REPAIRS[i]!.row);
      expect(repair.column).toBe(EXPECTED_REPAIRS[i]!.column);
      expect(repair.message).toMatch(EXPECTED_REPAIRS[i]!.message);
    });
  });

  it('gives deep-equal values and repairs across all layouts', () => {
    const [first, ...others] = PUBLISHED.map((p) => parseAll(p.header, p.rows));
    for (const other of others) {
      expect(other.values).toEqual(first!.values);
      expect(other.repairs).toEqual(first!.repairs);
    }
  });

  it('needs position, not names, for FY2568 files: zipping 31 names onto 28 values misplaces the winner', () => {
    // What a naive reader would do: the winner lands under a coordinate, the tax id under the location.
    const zipped = Object.fromEntries(THAI_31.map((name, i) => [name, VALUES_28[0]![i]]));
    expect(zipped['ละติจูดโครงการ']).toBe('บริษัท ระยองก่อสร้าง จำกัด');
    expect(zipped['พิกัดของโครงการ']).toBe('105552012347');
    // …and the detected layout reads them where they are.
    expect(parseAll(THAI_31, VALUES_28).values[0]).toMatchObject({ winnerName: 'บริษัท ระยองก่อสร้าง จำกัด', lat: 12.6814 });
  });
});
