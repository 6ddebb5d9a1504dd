import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { egpHeaderLine, EgpCsvContract, EgpLayoutName, writeEgpCsvLine } from '../src/procurement/egp';

/**
 * Writes an e-GP contract file of `rows` contracts in a published layout, deterministic for a given
 * size: realistic Thai names, agencies, methods, dates and amounts, without holding the file in memory.
 */
export async function generateEgpFile(path: string, rows: number, layout: EgpLayoutName): Promise<void> {
  const out = createWriteStream(path);
  out.write(egpHeaderLine(layout) + '\r\n');
  let seed = 20250930;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];

  for (let i = 0; i < rows; i++) {
    const line = writeEgpCsvLine(contract(i, random, pick), layout, i + 1);
    if (!out.write(line + '\r\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const AGENCIES = [
  'สำนักงานจังหวัดระยอง',
  'สำนักงานเกษตรจังหวัดระยอง',
  'สำนักงานโยธาธิการและผังเมืองจังหวัดระยอง',
  'สำนักงานสาธารณสุขจังหวัดระยอง',
  'องค์การบริหารส่วนจังหวัดระยอง',
  'เทศบาลนครระยอง',
] as const;
const WORKS = ['ก่อสร้างถนนคอนกรีตเสริมเหล็ก', 'ซื้อวัสดุสำนักงาน', 'จ้างเหมาบริการทำความสะอาด', 'ซื้อครุภัณฑ์คอมพิวเตอร์', 'ปรับปรุงอาคาร'] as const;
const METHODS = [
  ['เฉพาะเจาะจง', 'ซื้อ'],
  ['เฉพาะเจาะจง', 'จ้างทำของ/จ้างเหมาบริการ'],
  ['ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)', 'จ้างก่อสร้าง'],
  ['ตลาดอิเล็กทรอนิกส์ (e-market)', 'ซื้อ'],
  ['คัดเลือก', 'จ้างก่อสร้าง'],
] as const;
const STATUSES = ['จัดทำสัญญา/ PO แล้ว', 'ระหว่างดำเนินการ', 'ส่งงานครบถ้วน', 'สิ้นสุดสัญญา'] as const;

function contract(i: number, random: () => number, pick: <T>(items: readonly T[]) => T): EgpCsvContract {
  const [methodText, projectTypeText] = pick(METHODS);
  const money = Math.round(10_000 + random() * 4_990_000);
  const agreed = Math.round(money * (0.85 + random() * 0.15));
  const day = 1 + Math.floor(random() * 28);
  const month = 1 + Math.floor(random() * 12);
  const year = month >= 10 ? 2024 : 2025;
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const vendor = 10_000 + Math.floor(random() * 5_000);
  return {
    projectId: `68${String(100_000_000 + i).slice(-9)}`,
    projectName: `${pick(WORKS)} หมู่ที่ ${1 + (i % 12)}, ตำบลเนินพระ`,
    projectTypeText,
    deptName: pick(AGENCIES),
    methodText,
    methodGroupText: 'วิธีการจัดหา ประกาศเชิญชวนทั่วไป คัดเลือก เฉพาะเจาะจง',
    announceDate: date,
    projectMoney: `${money}.00`,
    priceBuild: `${money}.00`,
    sumPriceAgree: `${agreed}.00`,
    budgetYear: 2568,
    transactionDate: date,
    province: 'ระยอง',
    district: 'เมืองระยอง',
    subdistrict: 'เนินพระ',
    projectStatus: 'จัดทำสัญญา/PO แล้ว',
    winnerTinRaw: tinFor(vendor),
    winnerName: `บริษัท ผู้รับจ้างที่ ${vendor} จำกัด`,
    contractNo: `${1 + (i % 500)}/2568`,
    contractDate: date,
    contractFinishDate: date,
    priceAgree: `${agreed}.00`,
    contractStatusText: pick(STATUSES),
  };
}

/** A valid 13-digit juristic id for a vendor number. */
function tinFor(n: number): string {
  const first12 = `01055${String(n).padStart(7, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return first12 + ((11 - (sum % 11)) % 10);
}
