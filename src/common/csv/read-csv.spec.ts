import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CsvFormatError } from './csv-format-error';
import { readCsvRecords, type CsvRecord } from './read-csv';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

async function readAll(input: Readable | string | Buffer, signal?: AbortSignal): Promise<CsvRecord[]> {
  const stream = input instanceof Readable ? input : Readable.from([Buffer.from(input)]);
  const records: CsvRecord[] = [];
  for await (const record of readCsvRecords(stream, { signal })) records.push(record);
  return records;
}

async function formatError(input: Readable | string | Buffer): Promise<CsvFormatError> {
  const error = await readAll(input).then(
    () => new Error('expected a CsvFormatError'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CsvFormatError);
  return error as CsvFormatError;
}

const agencies = [
  'รหัสหน่วยงาน,ชื่อหน่วยงาน,อำเภอ',
  '00123,สำนักงานจังหวัดระยอง,เมืองระยอง',
  '00456,"สำนักงานเกษตรจังหวัดระยอง, ฝ่ายบริหาร",เมืองระยอง',
];
const expected: CsvRecord[] = [
  { row: 1, fields: ['รหัสหน่วยงาน', 'ชื่อหน่วยงาน', 'อำเภอ'] },
  { row: 2, fields: ['00123', 'สำนักงานจังหวัดระยอง', 'เมืองระยอง'] },
  { row: 3, fields: ['00456', 'สำนักงานเกษตรจังหวัดระยอง, ฝ่ายบริหาร', 'เมืองระยอง'] },
];

describe('readCsvRecords', () => {
  it('yields the header as row 1 and records from row 2, with LF or CRLF, with or without a BOM', async () => {
    await expect(readAll(agencies.join('\n') + '\n')).resolves.toEqual(expected);
    await expect(readAll(agencies.join('\r\n'))).resolves.toEqual(expected);
    await expect(readAll(Buffer.concat([BOM, Buffer.from(agencies.join('\r\n') + '\r\n')]))).resolves.toEqual(expected);
  });

  it('keeps a quoted line break inside one row and numbers the rows after it as a spreadsheet does', async () => {
    const csv = 'รหัส,หมายเหตุ\r\n1,"บรรทัดแรก\r\nบรรทัดสอง\r\nบรรทัดสาม"\r\n2,"มี ""คำพูด"" และ , จุลภาค"\r\n3,ปกติ\r\n';
    await expect(readAll(csv)).resolves.toEqual([
      { row: 1, fields: ['รหัส', 'หมายเหตุ'] },
      { row: 2, fields: ['1', 'บรรทัดแรก\r\nบรรทัดสอง\r\nบรรทัดสาม'] },
      { row: 3, fields: ['2', 'มี "คำพูด" และ , จุลภาค'] },
      { row: 4, fields: ['3', 'ปกติ'] },
    ]);
  });

  it('skips blank lines but still counts them as rows, so row numbers match what a spreadsheet shows', async () => {
    const records = await readAll('a,b\n1,2\n\n3,4\n\n');
    expect(records).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: ['1', '2'] },
      { row: 4, fields: ['3', '4'] },
    ]);
  });

  it('keeps rows of any length and trims nothing', async () => {
    await expect(readAll('a,b,c\n1\n1,2,3,4\n  x ," y "\n')).resolves.toEqual([
      { row: 1, fields: ['a', 'b', 'c'] },
      { row: 2, fields: ['1'] },
      { row: 3, fields: ['1', '2', '3', '4'] },
      { row: 4, fields: ['  x ', ' y '] },
    ]);
  });

  it('reads Thai text arriving one byte at a time', async () => {
    const bytes = Buffer.from(agencies.join('\r\n'));
    await expect(readAll(Readable.from([...bytes].map((b) => Buffer.from([b]))))).resolves.toEqual(expected);
  });

  it('reads a Windows-874 file as the same Thai text', async () => {
    const text = agencies.join('\r\n');
    const bytes = Buffer.from([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : ch.charCodeAt(0) - 0x0d60)));
    await expect(readAll(bytes)).resolves.toEqual(expected);
  });

  it('refuses binary and undecodable input', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect((await formatError(png)).message).toBe('the file is binary, not CSV text');
    const latin1 = Buffer.from('name,city\nRené,Genève\n', 'latin1');
    expect((await formatError(latin1)).message).toBe('the file is neither UTF-8 nor Windows-874 (TIS-620) text');
  });

  it('refuses invalid UTF-8 in the middle of a large file instead of garbling it', async () => {
    function* chunks() {
      yield Buffer.from('รหัส,ชื่อ\n');
      for (let i = 0; i < 5000; i++) yield Buffer.from(`${i},สำนักงานจังหวัดระยอง\n`);
      yield Buffer.from([0x31, 0x2c, 0xc3, 0x28, 0x0a]);
    }
    const error = await formatError(Readable.from(chunks()));
    expect(error.line).toBe(5002);
    expect(error.message).toMatch(/not valid UTF-8/);
  });

  it('refuses an unclosed quote, naming the row where it opens', async () => {
    const error = await formatError('a,b\n1,2\n3,"never closed\n4,5\n');
    expect(error.message).toBe('row 3 opens a quote that is never closed (the file ends at line 4)');
    expect(error.line).toBe(4);
  });

  it('refuses text after a closing quote', async () => {
    const error = await formatError('a,b\n1,"x"y\n');
    expect(error.message).toMatch(/^row 2, line 2 is not valid CSV: Invalid Closing Quote/);
  });

  it('refuses a file with no header', async () => {
    expect((await formatError('')).message).toBe('the file is empty: it has no header row');
    expect((await formatError('\r\n\r\n')).message).toBe('the file is empty: it has no header row');
    expect((await formatError(BOM)).message).toBe('the file is empty: it has no header row');
  });

  it('stops and releases the input when the signal aborts', async () => {
    const input = Readable.from((function* () {
      for (let i = 0; ; i++) yield Buffer.from(`${i},x\n`);
    })());
    const controller = new AbortController();
    let seen = 0;
    const reading = (async () => {
      for await (const record of readCsvRecords(input, { signal: controller.signal })) {
        if (++seen === 100) controller.abort();
        void record;
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(input.destroyed).toBe(true);
  });

  it('releases the input when the caller stops early', async () => {
    const input = Readable.from([Buffer.from(agencies.join('\n'))]);
    for await (const record of readCsvRecords(input)) {
      expect(record.row).toBe(1);
      break;
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(input.destroyed).toBe(true);
  });

  it('streams 200,000 rows with flat memory and real backpressure', async () => {
    const total = 200_000;
    const warmUp = 20_000;
    let produced = 0;
    let consumed = 0;
    let maxLead = 0;
    // Lazily generated ~270-byte Thai rows (about 54 MB in all), 50 rows per chunk: never one big string.
    function* rows() {
      yield Buffer.from('รหัสโครงการ,ชื่อโครงการ,รหัสหน่วยงาน,งบประมาณ,หมายเหตุ\n');
      while (produced < total) {
        let chunk = '';
        for (let k = 0; k < 50 && produced < total; k++, produced++) {
          chunk += `P${produced},"โครงการพัฒนาแหล่งน้ำเพื่อการเกษตร ตำบลที่ ${produced}, อำเภอเมืองระยอง",00123,"12,500,000.00",ทดสอบ\n`;
        }
        maxLead = Math.max(maxLead, produced - consumed);
        yield Buffer.from(chunk);
      }
    }
    // Garbage is collected lazily, so RSS alone swings with V8's heap sizing; a forced collection before
    // each sample leaves what is really kept. Measured from after a warm-up, for the same reason.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const sample = () => (gc(), process.memoryUsage());
    let base: NodeJS.MemoryUsage | undefined;
    let peakRss = 0;
    let peakHeap = 0;
    for await (const record of readCsvRecords(Readable.from(rows()))) {
      consumed = record.row - 1;
      if (consumed % 10_000 !== 0 || consumed < warmUp) continue;
      const now = sample();
      base ??= now;
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    }
    expect(consumed).toBe(total);
    // Backpressure: the producer never runs far ahead of the consumer (a few stream buffers' worth).
    expect(maxLead).toBeLessThan(5_000);
    // Keeping every record would hold well over 50 MB by the end.
    expect(peakRss - base!.rss).toBeLessThan(50 * 1024 * 1024);
    expect(peakHeap - base!.heapUsed).toBeLessThan(10 * 1024 * 1024);
  }, 60_000);
});
