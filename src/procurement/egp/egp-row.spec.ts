import { EGP_CANONICAL_INDEX, EGP_KEYS, EGP_THAI_HEADERS, EgpKey } from './egp-columns';
import { detectEgpLayout } from './egp-layout';
import { parseEgpRow } from './egp-row';

const HEADER = EGP_KEYS.map((key) => EGP_THAI_HEADERS[key]);
const LAYOUT = detectEgpLayout(HEADER, []);

const BASE: Record<EgpKey, string> = {
  seq: '1',
  project_id: '67019123456',
  project_name: 'ซ่อมแซมอาคารสำนักงาน',
  project_type_name: 'จ้างก่อสร้าง',
  dept_name: 'สำนักงานจังหวัดระยอง',
  dept_sub_name: 'กลุ่มงานบริหารทั่วไป',
  purchase_method_name: 'เฉพาะเจาะจง',
  purchase_method_group_name: 'เฉพาะเจาะจง',
  announce_date: '15 ม.ค. 67',
  project_money: '450,000.00',
  price_build: '449,000.00',
  sum_price_agree: '445,000.00',
  budget_year: '2567',
  transaction_date: '20 ก.พ. 67',
  province: 'ระยอง',
  district: 'เมืองระยอง',
  subdistrict: 'ท่าประดู่',
  project_status: 'สิ้นสุดสัญญา',
  location: '',
  lat: '12.68',
  lon: '101.28',
  winner_tin: '0107544000108',
  winner: 'บริษัท ตัวอย่าง จำกัด',
  contract_no: '5/2567',
  contract_date: '1 มี.ค. 67',
  contract_finish_date: '30 เม.ย. 67',
  price_agree: '445,000.00',
  contract_status: 'ส่งงานตามกำหนด',
};

function fields(overrides: Partial<Record<EgpKey, string>> = {}): string[] {
  const values = { ...BASE, ...overrides };
  return EGP_KEYS.map((key) => values[key]);
}

function parse(overrides: Partial<Record<EgpKey, string>> = {}, row = 7) {
  return parseEgpRow(fields(overrides), LAYOUT, row);
}

describe('parseEgpRow', () => {
  it('reads a clean row with no problems', () => {
    const result = parse();
    expect(result.errors).toEqual([]);
    expect(result.repairs).toEqual([]);
    expect(result.value).toMatchObject({
      projectId: '67019123456',
      projectType: 'works',
      method: 'specific',
      announceDate: '2024-01-15',
      projectMoney: '450000.00',
      budgetYear: 2567,
      winnerTin: '0107544000108',
      winnerTinValid: true,
      contractStatus: 'delivered_on_time',
      contractNo: '5/2567',
    });
  });

  describe('errors reject the row, naming row and canonical column', () => {
    it.each([
      ['project_id', '', /is required but empty/],
      ['project_id', '6701912345', /not an e-GP project id/],
      ['announce_date', '31 ก.พ. 67', /not a real date/],
      ['contract_date', '45 มี.ค. 67', /not a real date/],
      ['transaction_date', 'เมื่อวาน', /not a date/],
      ['project_money', 'สี่แสน', /not an amount/],
      ['price_agree', '1.2.3', /more than one decimal point/],
      ['price_build', '-5,000', /negative/],
      ['budget_year', '2024', /Christian Era year; fiscal years are Buddhist Era \(2567\)/],
      ['budget_year', '67', /not a Buddhist Era fiscal year/],
    ] as const)('%s = %j', (column, raw, message) => {
      const result = parse({ [column]: raw });
      expect(result.value).toBeUndefined();
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatchObject({ row: 7, column });
      expect(result.errors[0]!.message).toMatch(message);
    });

    it('reports every bad cell of a row, not just the first', () => {
      const result = parse({ project_id: 'x', contract_finish_date: '32 ม.ค. 67', sum_price_agree: 'abc' });
      expect(result.errors.map((e) => e.column)).toEqual(['project_id', 'sum_price_agree', 'contract_finish_date']);
    });

    it('rejects a row of another length than the file\'s, since its values would be misplaced', () => {
      const short = parseEgpRow(fields().slice(0, 27), LAYOUT, 9);
      expect(short.value).toBeUndefined();
      expect(short.errors).toEqual([
        { row: 9, column: '', message: expect.stringMatching(/has 27 values but rows of this file carry 28/) },
      ]);
      const long = parseEgpRow([...fields(), 'extra'], LAYOUT, 9);
      expect(long.errors[0]!.message).toMatch(/has 29 values/);
    });

    it('accepts trailing empty cells (a trailing comma shifts nothing)', () => {
      expect(parseEgpRow([...fields(), '', ' '], LAYOUT, 9).value).toBeDefined();
    });
  });

  describe('missing values', () => {
    it('reads empty and "-" as null, never zero', () => {
      const result = parse({
        sum_price_agree: '-',
        price_agree: '',
        contract_no: ' - ',
        contract_date: '-',
        budget_year: '',
        lat: '-',
        lon: '',
        winner_tin: '',
        winner: '-',
        project_type_name: '',
        contract_status: '',
      });
      expect(result.errors).toEqual([]);
      expect(result.repairs).toEqual([]);
      expect(result.value).toMatchObject({
        sumPriceAgree: null,
        priceAgree: null,
        contractNo: null,
        contractDate: null,
        budgetYear: null,
        lat: null,
        lon: null,
        winnerTinRaw: null,
        winnerTin: null,
        winnerTinValid: false,
        winnerName: null,
        projectType: null,
        projectTypeText: null,
        contractStatus: null,
        contractStatusText: null,
      });
    });

    it('reads columns a layout lacks as null', () => {
      const header = EGP_KEYS.filter((k) => k !== 'lat' && k !== 'lon' && k !== 'location');
      const values = { ...BASE };
      const layout = detectEgpLayout(header, []);
      const result = parseEgpRow(header.map((k) => values[k]), layout, 2);
      expect(result.value).toMatchObject({ lat: null, lon: null, location: null, projectId: '67019123456' });
    });
  });

  describe('unknown wordings are kept, not errors', () => {
    it('type, method and status become other with their text', () => {
      const result = parse({ project_type_name: 'แลกเปลี่ยน', purchase_method_name: 'วิธีใหม่', purchase_method_group_name: '', contract_status: 'รอตรวจรับ' });
      expect(result.errors).toEqual([]);
      expect(result.value).toMatchObject({
        projectType: 'other',
        projectTypeText: 'แลกเปลี่ยน',
        method: 'other',
        methodText: 'วิธีใหม่',
        contractStatus: 'other',
        contractStatusText: 'รอตรวจรับ',
      });
    });
  });

  describe('whitespace and Thai digits', () => {
    it('trims every cell and reads Thai digits in numbers, dates and codes', () => {
      const result = parse({
        project_id: ' ๖๗๐๑๙๑๒๓๔๕๖ ',
        project_name: '  ซ่อมแซม   อาคาร ',
        budget_year: '๒๕๖๗',
        announce_date: ' ๑๕ ม.ค. ๖๗ ',
        project_money: '๔๕๐,๐๐๐',
        contract_no: '๕/๒๕๖๗',
        lat: '๑๒.๖๘',
      });
      expect(result.errors).toEqual([]);
      expect(result.value).toMatchObject({
        projectId: '67019123456',
        projectName: 'ซ่อมแซม อาคาร',
        budgetYear: 2567,
        announceDate: '2024-01-15',
        projectMoney: '450000',
        contractNo: '5/2567',
        lat: 12.68,
      });
    });
  });

  describe('method columns', () => {
    it('swaps back a method that sits in the group column, and reports it', () => {
      const result = parse({
        purchase_method_name: 'ประกาศเชิญชวนทั่วไป',
        purchase_method_group_name: 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)',
      });
      expect(result.value).toMatchObject({
        method: 'e_bidding',
        methodText: 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)',
        methodGroupText: 'ประกาศเชิญชวนทั่วไป',
      });
      expect(result.repairs).toEqual([
        { row: 7, column: 'purchase_method_name', message: expect.stringContaining('swapped back') },
      ]);
    });

    it('moves a method written only in the group column', () => {
      const result = parse({ purchase_method_name: '', purchase_method_group_name: 'ตลาดอิเล็กทรอนิกส์ (e-market)' });
      expect(result.value).toMatchObject({ method: 'e_market', methodText: 'ตลาดอิเล็กทรอนิกส์ (e-market)', methodGroupText: null });
      expect(result.repairs).toHaveLength(1);
    });

    it('leaves a consistent pair alone', () => {
      const result = parse({ purchase_method_name: 'สอบราคา', purchase_method_group_name: 'ประกาศเชิญชวนทั่วไป' });
      expect(result.value).toMatchObject({ method: 'price_inquiry', methodGroupText: 'ประกาศเชิญชวนทั่วไป' });
      expect(result.repairs).toEqual([]);
    });

    it('does not swap when neither names a method', () => {
      const result = parse({ purchase_method_name: 'ไม่ระบุ', purchase_method_group_name: 'วิธีการจัดหา ประกาศเชิญชวนทั่วไป คัดเลือก เฉพาะเจาะจง' });
      expect(result.value).toMatchObject({ method: 'other', methodText: 'ไม่ระบุ' });
      expect(result.repairs).toEqual([]);
    });

    it('is null when neither column has text', () => {
      expect(parse({ purchase_method_name: '', purchase_method_group_name: '-' }).value?.method).toBeNull();
    });
  });

  describe('tax ids', () => {
    it('restores a lost leading zero even when the check digit then fails, and says so', () => {
      const result = parse({ winner_tin: '105552012345' });
      expect(result.value).toMatchObject({ winnerTin: '0105552012345', winnerTinValid: false, winnerTinRaw: '105552012345' });
      expect(result.repairs).toEqual([
        { row: 7, column: 'winner_tin', message: expect.stringMatching(/restored the leading zero.*still invalid/) },
      ]);
    });

    it('keeps the row but no id when the length is wrong', () => {
      const result = parse({ winner_tin: '12345' });
      expect(result.value).toMatchObject({ winnerTin: null, winnerTinValid: false, winnerTinRaw: '12345' });
      expect(result.repairs[0]!.message).toMatch(/has 5 digits; a tax id has 13; the contract is kept without a tax id/);
    });

    it('reads Thai digits and keeps the raw text trimmed', () => {
      const result = parse({ winner_tin: ' ๐๑๐๗๕๔๔๐๐๐๑๐๘ ' });
      expect(result.value).toMatchObject({ winnerTin: '0107544000108', winnerTinValid: true, winnerTinRaw: '๐๑๐๗๕๔๔๐๐๐๑๐๘' });
      expect(result.repairs).toEqual([]);
    });
  });

  describe('coordinates are kept-and-reported, never fatal', () => {
    it('swaps back a longitude written as the latitude', () => {
      const result = parse({ lat: '101.28', lon: '12.68' });
      expect(result.value).toMatchObject({ lat: 12.68, lon: 101.28 });
      expect(result.repairs).toEqual([{ row: 7, column: 'lat', message: expect.stringContaining('swapped back') }]);
    });

    it('drops 0, 0 as a placeholder', () => {
      const result = parse({ lat: '0', lon: '0.000' });
      expect(result.value).toMatchObject({ lat: null, lon: null });
      expect(result.repairs).toHaveLength(1);
    });

    it('drops text and out-of-range values, reporting each', () => {
      const result = parse({ lat: 'ไม่ทราบ', lon: '250' });
      expect(result.errors).toEqual([]);
      expect(result.value).toMatchObject({ lat: null, lon: null });
      expect(result.repairs.map((r) => r.column)).toEqual(['lat', 'lon']);
      expect(result.repairs[0]!.message).toMatch(/not a coordinate.*stored none/);
      expect(result.repairs[1]!.message).toMatch(/not a longitude/);
    });
  });

  it('lists repairs for a rejected row too, so the report shows everything seen', () => {
    const result = parse({ project_id: '', winner_tin: '1.05552E+11' });
    expect(result.value).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.repairs).toHaveLength(1);
  });

  it('reads each value where the layout says, whatever the column order', () => {
    const reversed = [...EGP_KEYS].reverse();
    const layout = detectEgpLayout(reversed.map((key) => EGP_THAI_HEADERS[key]), []);
    const result = parseEgpRow(reversed.map((key) => BASE[key]), layout, 2);
    expect(result.value).toEqual(parse().value);
    expect(layout.fieldIndex.winner).not.toBe(EGP_CANONICAL_INDEX.winner);
  });
});
