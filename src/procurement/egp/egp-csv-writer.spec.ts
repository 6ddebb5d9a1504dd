import { OFFICE_SUPPLIES_BUY, RAYONG_ROAD_CONTRACT } from '../../../test/support/egp-sample-contracts';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  egpHeaderLine,
  egpHeaderNames,
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
  // beyond BE 2599, the finish date is written with its full year
  { ...OFFICE_SUPPLIES_BUY, announceDate: '2021-09-05', contractFinishDate: '2057-01-31' },
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
