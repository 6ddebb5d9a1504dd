import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { stream as excelStream } from 'exceljs';
import { toBangkokIsoDate } from '../../common/bangkok-date';
import { formatThaiDate } from '../../common/buddhist-era';
import { csvLine } from '../../common/csv/write-csv';
import type { FlagView } from './flags.service';

/**
 * The flags' exports, written as the rows come (FlagsService.stream gives them in batches from a cursor):
 * memory holds one batch whatever the count, and the next batch is read only once the output has taken the
 * last one (backpressure), so a slow client slows the read instead of filling the process. Rows are turned into
 * text ROWS_PER_TURN at a time, giving the event loop back in between, so other requests are answered meanwhile.
 */

/** A batch of 1,000 rows made into XLSX at once kept the event loop 0.5–1 s on a busy machine (/health waited). */
const ROWS_PER_TURN = 100;

/** Rule titles by id, for the exports people read. */
export type RuleTitles = ReadonlyMap<string, { th: string; en: string }>;

/** Batches of flags, most serious first. */
export type FlagBatches = AsyncIterable<FlagView[]>;

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

export const CSV_HEADER = csvLine(CSV_COLUMNS.map(([name]) => name));

/** One batch as CSV lines, each ending in a newline. */
export function flagsCsvLines(flags: readonly FlagView[]): string {
  let text = '';
  for (const flag of flags) text += `${csvLine(CSV_COLUMNS.map(([, value]) => value(flag)))}\n`;
  return text;
}

/** Writes the CSV (header, then one line per flag) to `out`; returns the number of flags. Does not end `out`. */
export async function writeFlagsCsv(batches: FlagBatches, out: Writable): Promise<number> {
  await send(out, `${CSV_HEADER}\n`);
  let count = 0;
  for await (const flags of batches) {
    for (let i = 0; i < flags.length; i += ROWS_PER_TURN) {
      await send(out, flagsCsvLines(flags.slice(i, i + ROWS_PER_TURN)));
      await nextTurn();
    }
    count += flags.length;
  }
  return count;
}

/**
 * Writes `{ "total": n, "items": [...] }` to `out`, one item per line; `total` is asked for once the first batch
 * is read (the count is taken in the same snapshot before it). Does not end `out`.
 */
export async function writeFlagsJson(batches: FlagBatches, total: () => number, out: Writable): Promise<number> {
  let count = 0;
  for await (const flags of batches) {
    for (let i = 0; i < flags.length; i += ROWS_PER_TURN) {
      let text = count === 0 ? `{"total":${total()},"items":[\n` : '';
      for (const flag of flags.slice(i, i + ROWS_PER_TURN)) text += `${count++ === 0 ? '' : ',\n'}${JSON.stringify(flag)}`;
      await send(out, text);
      await nextTurn();
    }
  }
  await send(out, count === 0 ? `{"total":${total()},"items":[]}\n` : '\n]}\n');
  return count;
}

const SEVERITY_TH: Record<string, string> = { low: 'ต่ำ', medium: 'ปานกลาง', high: 'สูง', critical: 'วิกฤต' };
const STATUS_TH: Record<string, string> = { open: 'รอพิจารณา', confirmed: 'ยืนยันแล้ว', dismissed: 'ยกเลิก' };

/**
 * The audit unit's report of red flags (รายงานธงความเสี่ยง): Thai headers, Buddhist-era dates, amounts with
 * thousands separators, one row per flag, most serious first. Written with exceljs' streaming workbook writer:
 * each row is committed (turned into sheet XML and compressed) as it is added. Ends `out` when done.
 */
export async function writeFlagsXlsx(batches: FlagBatches, titles: RuleTitles, out: Writable): Promise<number> {
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
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
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  let count = 0;
  for await (const flags of batches) {
    for (const f of flags) {
      sheet
        .addRow({
          no: ++count,
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
        })
        .commit();
      if (count % ROWS_PER_TURN === 0) await nextTurn();
    }
    // the rows go through exceljs' buffers and the zip into `out`: wait for `out` before the next batch
    if (out.writableNeedDrain) await drained(out);
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

/**
 * Reads the first batch before anything is written, so that a failing query (or a refused filter) is answered
 * as an ordinary error, not as a response cut after its headers; then gives every batch, the first included.
 */
export async function primed(batches: AsyncIterable<FlagView[]>): Promise<FlagBatches> {
  const iterator = batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  return {
    async *[Symbol.asyncIterator]() {
      try {
        if (first.done) return;
        yield first.value;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
      } finally {
        await iterator.return?.();
      }
    },
  };
}

/** Writes a chunk and, when the stream's buffer is full, waits until it has room again. */
export async function send(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await drained(out);
}

function drained(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('the output was closed'));
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('the output was closed'));
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', done);
  });
}
