import { RAYONG_ROAD_CONTRACT } from '../../../test/support/egp-sample-contracts';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  egpHeaderLine,
  egpHeaderNames,
  quoteCsv,
  thaiShortDate,
  withThousands,
  writeEgpCsvLine,
} from './egp-csv-writer';
import { detectEgpLayout, EgpLayoutName } from './egp-layout';
import { EgpContractRow, parseEgpRow } from './egp-row';

const LAYOUTS: EgpLayoutName[] = [
  'fy2565-2567-31col',
  'fy2568-26-names-28-values',
  'fy2568-31-names-28-values',
  'canonical-28',
  'english-keys',
];

const CONTRACTS: EgpContractRow[] = [
  { ...RAYONG_ROAD_CONTRACT, projectName: 'ก่อสร้างถนน คสล. หมู่ที่ 3, ตำบลเนินพระ "สายหลัก"' },
  {
    projectId: '64099012345',
    projectName: 'ซื้อวัสดุสำนักงาน',
    projectType: 'goods',
    projectTypeText: 'ซื้อ',
    deptName: 'สำนักงานจังหวัดระยอง',
    deptSubName: null,
    method: 'specific',
    methodText: 'เฉพาะเจาะจง',
    methodGroupText: 'วิธีการจัดหา ประกาศเชิญชวนทั่วไป คัดเลือก เฉพาะเจาะจง',
    announceDate: '2021-09-05',
    projectMoney: '98500',
    priceBuild: '98500',
    sumPriceAgree: '97000',
    budgetYear: 2564,
    transactionDate: '2021-09-16',
    province: 'ระยอง',
    district: 'บ้านฉาง',
    subdistrict: 'สำนักท้อน',
    projectStatus: 'สิ้นสุดสัญญา',
    location: null,
    lat: null,
    lon: null,
    winnerTinRaw: '1.05552E+11',
    winnerTin: null,
    winnerTinValid: false,
    winnerName: 'ห้างหุ้นส่วนจำกัด บ้านฉางพาณิชย์',
    contractNo: null,
    contractDate: '2021-09-17',
    contractFinishDate: '2057-01-31', // beyond BE 2599: written with its full year
    priceAgree: '97000',
    contractStatus: 'delivered_complete',
    contractStatusText: 'ส่งงานครบถ้วน',
  },
  {
    projectId: 'P67100012345',
    projectName: 'จ้างที่ปรึกษาออกแบบอาคาร',
    projectType: 'consulting',
    projectTypeText: 'จ้างที่ปรึกษา',
    deptName: 'สำนักงานคลังจังหวัดระยอง',
    deptSubName: null,
    method: null,
    methodText: null,
    methodGroupText: null,
    announceDate: null,
    projectMoney: '1200000',
    priceBuild: null,
    sumPriceAgree: null,
    budgetYear: 2568,
    transactionDate: '2024-10-03',
    province: 'ระยอง',
    district: null,
    subdistrict: null,
    projectStatus: null,
    location: null,
    lat: 12.7,
    lon: 101.1,
    winnerTinRaw: null,
    winnerTin: null,
    winnerTinValid: false,
    winnerName: null,
    contractNo: null,
    contractDate: null,
    contractFinishDate: null,
    priceAgree: null,
    contractStatus: null,
    contractStatusText: null,
  },
];

describe('thaiShortDate', () => {
  it('writes the e-GP short form with a two-digit BE year', () => {
    expect(thaiShortDate('2024-09-15')).toBe('15 ก.ย. 67');
    expect(thaiShortDate('2021-09-05')).toBe('5 ก.ย. 64');
    expect(thaiShortDate('2043-01-01')).toBe('1 ม.ค. 86');
    expect(thaiShortDate('1957-05-01')).toBe('1 พ.ค. 00');
  });

  it('writes the full year where two digits would be read as another century', () => {
    expect(thaiShortDate('2057-01-31')).toBe('31 ม.ค. 2600');
    expect(thaiShortDate('1950-03-01')).toBe('1 มี.ค. 2493');
  });

  it('writes none as empty and rejects what is not an ISO date', () => {
    expect(thaiShortDate(null)).toBe('');
    expect(() => thaiShortDate('15/09/2567')).toThrow(RangeError);
    expect(() => thaiShortDate('2024-13-01')).toThrow(RangeError);
  });
});

describe('withThousands', () => {
  it.each([
    ['0', '0'],
    ['999', '999'],
    ['1000', '1,000'],
    ['4500000.00', '4,500,000.00'],
    ['1234567.5', '1,234,567.5'],
    ['-1234', '-1,234'],
  ])('%s → %s', (amount, expected) => {
    expect(withThousands(amount)).toBe(expected);
  });

  it('writes none as empty', () => {
    expect(withThousands(null)).toBe('');
  });
});

describe('quoteCsv', () => {
  it('quotes only when needed and doubles inner quotes', () => {
    expect(quoteCsv('ระยอง')).toBe('ระยอง');
    expect(quoteCsv('a, b')).toBe('"a, b"');
    expect(quoteCsv('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsv('two\nlines')).toBe('"two\nlines"');
    expect(quoteCsv(' padded')).toBe('" padded"');
  });
});

describe('egpHeaderLine', () => {
  it.each([
    ['fy2565-2567-31col', 31],
    ['fy2568-26-names-28-values', 26],
    ['fy2568-31-names-28-values', 31],
    ['canonical-28', 28],
    ['english-keys', 28],
  ] as const)('%s names %i columns', (layout, count) => {
    expect(egpHeaderNames(layout)).toHaveLength(count);
    expect(egpHeaderLine(layout).split(',')).toHaveLength(count);
  });

  it('writes the FY2565–2567 (Eng) columns after each Thai place column', () => {
    expect(egpHeaderNames('fy2565-2567-31col').slice(14, 20)).toEqual([
      'จังหวัด',
      'จังหวัด (Eng)',
      'เขต/อำเภอ',
      'เขต/อำเภอ (Eng)',
      'แขวง/ตำบล',
      'แขวง/ตำบล (Eng)',
    ]);
    expect(egpHeaderNames('fy2568-26-names-28-values')).not.toContain('เขต/อำเภอ');
    expect(egpHeaderNames('english-keys')[1]).toBe('project_id');
  });
});

describe('writeEgpCsvLine', () => {
  it('writes 31 values for FY2565–2567 and 28 for every other layout', () => {
    const counts = LAYOUTS.map((layout) => parseCsv(writeEgpCsvLine(CONTRACTS[0]!, layout, 1))[0].length);
    expect(counts).toEqual([31, 28, 28, 28, 28]);
  });

  it('writes published forms: short BE dates, thousands separators, quoted titles', () => {
    const line = writeEgpCsvLine(CONTRACTS[0]!, 'canonical-28', 7);
    expect(line.startsWith('7,67019123456,"ก่อสร้างถนน คสล. หมู่ที่ 3, ตำบลเนินพระ ""สายหลัก""",จ้างก่อสร้าง,')).toBe(true);
    expect(line).toContain(',15 ม.ค. 67,"4,500,000.00","4,498,500.00",');
    expect(line).toContain(',105552012347,');
  });

  it('writes the English place names only where the FY2565–2567 layout carries them', () => {
    const contract = { ...CONTRACTS[0]!, provinceEn: 'Rayong', districtEn: 'Mueang Rayong', subdistrictEn: 'Noen Phra' };
    const values = parseCsv(writeEgpCsvLine(contract, 'fy2565-2567-31col'))[0] as string[];
    expect(values.slice(14, 20)).toEqual(['ระยอง', 'Rayong', 'เมืองระยอง', 'Mueang Rayong', 'เนินพระ', 'Noen Phra']);
    expect(writeEgpCsvLine(contract, 'canonical-28')).not.toContain('Rayong');
  });

  it('falls back to the published wording of an enum when no text is given', () => {
    const values = parseCsv(
      writeEgpCsvLine({ projectId: '67019123456', projectType: 'rent', method: 'e_market', contractStatus: 'cancelled' }, 'canonical-28'),
    )[0] as string[];
    expect(values[3]).toBe('เช่า');
    expect(values[6]).toBe('ตลาดอิเล็กทรอนิกส์ (e-market)');
    expect(values[27]).toBe('ยกเลิกสัญญา');
    expect(values[0]).toBe('');
  });
});

describe('round trip: write → csv-parse → detect → parse', () => {
  it.each(LAYOUTS)('%s gives back the same contracts', (layoutName) => {
    const text = [egpHeaderLine(layoutName), ...CONTRACTS.map((c, i) => writeEgpCsvLine(c, layoutName, i + 1))].join('\r\n') + '\r\n';
    const [header, ...rows] = parseCsv(text, { relax_column_count: true }) as string[][];
    const layout = detectEgpLayout(header!, rows);
    expect(layout.name).toBe(layoutName);
    const results = rows.map((fields, i) => parseEgpRow(fields, layout, i + 2));
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    expect(results.map((r) => r.value)).toEqual(CONTRACTS);
    // The damage the contracts carry is reported again on the way in.
    expect(results.flatMap((r) => r.repairs).map((r) => `${r.row}:${r.column}`)).toEqual(['2:winner_tin', '3:winner_tin']);
  });
});
