import { Workbook } from 'exceljs';
import { toBangkokIsoDate } from '../../common/bangkok-date';
import { formatThaiDate } from '../../common/buddhist-era';
import { csvLine } from '../../common/csv/write-csv';
import type { FlagView } from './flags.service';

/** Rule titles by id, for the exports people read. */
export type RuleTitles = ReadonlyMap<string, { th: string; en: string }>;

/** Machine-readable CSV: the API's field names, ISO dates, exact amounts, lists joined with `;`. */
const CSV_COLUMNS: [string, (f: FlagView) => string | number | null][] = [
  ['id', (f) => f.id],
  ['ruleId', (f) => f.ruleId],
  ['entityType', (f) => f.entityType],
  ['entityKey', (f) => f.entityKey],
  ['agencyCode', (f) => f.agencyCode],
  ['fiscalYear', (f) => f.fiscalYear],
  ['score', (f) => f.score],
  ['severity', (f) => f.severity],
  ['amount', (f) => f.amount],
  ['projectIds', (f) => f.projectIds.join(';')],
  ['vendorTins', (f) => f.vendorTins.join(';')],
  ['paymentDocs', (f) => f.paymentDocs.join(';')],
  ['status', (f) => f.status],
  ['note', (f) => f.note],
  ['evidence', (f) => JSON.stringify(f.evidence)],
  ['createdAt', (f) => toBangkokIsoDate(new Date(f.createdAt))],
];

export function flagsToCsv(flags: readonly FlagView[]): string {
  const lines = [csvLine(CSV_COLUMNS.map(([name]) => name))];
  for (const flag of flags) lines.push(csvLine(CSV_COLUMNS.map(([, value]) => value(flag))));
  return `${lines.join('\n')}\n`;
}

const SEVERITY_TH: Record<string, string> = { low: 'ต่ำ', medium: 'ปานกลาง', high: 'สูง', critical: 'วิกฤต' };
const STATUS_TH: Record<string, string> = { open: 'รอพิจารณา', confirmed: 'ยืนยันแล้ว', dismissed: 'ยกเลิก' };

/**
 * The audit unit's report of red flags (รายงานธงความเสี่ยง): Thai headers, Buddhist-era dates, amounts with
 * thousands separators, one row per flag, most serious first.
 */
export async function flagsToXlsx(flags: readonly FlagView[], titles: RuleTitles): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'audit-radar';
  const sheet = workbook.addWorksheet('ธงความเสี่ยง', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'ลำดับ', key: 'no', width: 7 },
    { header: 'กฎความเสี่ยง', key: 'rule', width: 34 },
    { header: 'รหัสกฎ', key: 'ruleId', width: 26 },
    { header: 'สิ่งที่ถูกตั้งธง', key: 'entityKey', width: 30 },
    { header: 'หน่วยงาน', key: 'agency', width: 10 },
    { header: 'ปีงบประมาณ', key: 'fiscalYear', width: 11 },
    { header: 'ความร้ายแรง', key: 'severity', width: 11 },
    { header: 'คะแนน (0–1)', key: 'score', width: 11, style: { numFmt: '0.00' } },
    { header: 'มูลค่าที่เกี่ยวข้อง (บาท)', key: 'amount', width: 20, style: { numFmt: '#,##0.00' } },
    { header: 'เลขที่โครงการ e-GP', key: 'projects', width: 26 },
    { header: 'เลขประจำตัวผู้เสียภาษี', key: 'vendors', width: 30 },
    { header: 'เอกสาร GFMIS', key: 'payments', width: 24 },
    { header: 'หลักฐาน', key: 'evidence', width: 60 },
    { header: 'สถานะ', key: 'status', width: 12 },
    { header: 'หมายเหตุผู้ตรวจสอบ', key: 'note', width: 30 },
    { header: 'วันที่พบ', key: 'found', width: 14 },
  ];
  sheet.getRow(1).font = { bold: true };
  flags.forEach((f, i) =>
    sheet.addRow({
      no: i + 1,
      rule: titles.get(f.ruleId)?.th ?? f.ruleId,
      ruleId: f.ruleId,
      entityKey: f.entityKey,
      agency: f.agencyCode ?? '',
      fiscalYear: f.fiscalYear ?? '',
      severity: SEVERITY_TH[f.severity] ?? f.severity,
      score: f.score,
      // A report cell, not a ledger: the exact amount stays in the API, the CSV and the JSON.
      amount: f.amount === null ? null : Number(f.amount),
      projects: f.projectIds.join(', '),
      vendors: f.vendorTins.join(', '),
      payments: f.paymentDocs.join(', '),
      evidence: JSON.stringify(f.evidence),
      status: STATUS_TH[f.status] ?? f.status,
      note: f.note ?? '',
      found: formatThaiDate(toBangkokIsoDate(new Date(f.createdAt)), 'short'),
    }),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
