import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { CsvFormatError } from './csv-format-error';
import { createCsvDecoder, incompleteTailStart, type CsvEncoding } from './decode-csv';

const SNIFF = 64 * 1024;

/** Windows-874 bytes for ASCII + Thai text: Thai U+0E01–U+0E5B sit at 0xA1–0xFB. */
function windows874(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x0e01 && code <= 0x0e5b) return code - 0x0d60;
      throw new Error(`not encodable in this helper: ${ch}`);
    }),
  );
}

const bytes = (...parts: Array<string | number[] | Buffer>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

/** One Buffer per byte: the worst case for characters split across chunks. */
const oneByteChunks = (buf: Buffer) => [...buf].map((b) => Buffer.from([b]));

/** Every chunk the decoder hands on, as it handed it on. */
async function decodeChunks(chunks: Buffer[]): Promise<{ output: Buffer[]; encoding: CsvEncoding | undefined }> {
  const decoder = createCsvDecoder();
  Readable.from(chunks).pipe(decoder);
  const output: Buffer[] = [];
  for await (const piece of decoder) output.push(piece as Buffer);
  return { output, encoding: decoder.encoding() };
}

async function decode(chunks: Buffer[]): Promise<{ text: string; encoding: CsvEncoding | undefined }> {
  const { output, encoding } = await decodeChunks(chunks);
  return { text: Buffer.concat(output).toString('utf8'), encoding };
}

const decodeError = (chunks: Buffer[]) =>
  decode(chunks).then(
    () => {
      throw new Error('expected a CsvFormatError');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(CsvFormatError);
      return error as CsvFormatError;
    },
  );

const thaiHeader = 'รหัสหน่วยงาน,ชื่อหน่วยงาน\n00123,สำนักงานจังหวัดระยอง\n';

describe('createCsvDecoder', () => {
  it('passes UTF-8 through and strips a BOM', async () => {
    await expect(decode([bytes(thaiHeader)])).resolves.toEqual({ text: thaiHeader, encoding: 'utf-8' });
    await expect(decode([bytes([0xef, 0xbb, 0xbf], thaiHeader)])).resolves.toEqual({ text: thaiHeader, encoding: 'utf-8' });
  });

  it('strips a BOM that arrives one byte at a time', async () => {
    const { text } = await decode(oneByteChunks(bytes([0xef, 0xbb, 0xbf], thaiHeader)));
    expect(text).toBe(thaiHeader);
  });

  it('rebuilds Thai characters split across 1-byte chunks, past the sniffing sample too', async () => {
    const long = thaiHeader.repeat(Math.ceil((SNIFF * 2) / Buffer.byteLength(thaiHeader)));
    const { text } = await decode(oneByteChunks(bytes(long)));
    expect(text).toBe(long);
  });

  it('accepts a sample that ends in the middle of a character', async () => {
    // ASCII up to one byte before the sample limit, then a 3-byte Thai letter straddling it.
    const text = 'a'.repeat(SNIFF - 1) + 'ก' + 'ข';
    const buf = bytes(text);
    await expect(decode([buf.subarray(0, SNIFF), buf.subarray(SNIFF)])).resolves.toEqual({ text, encoding: 'utf-8' });
  });

  it('hands on UTF-8 bytes as they came, each chunk ending on a character boundary', async () => {
    const long = thaiHeader.repeat(Math.ceil((SNIFF * 2) / Buffer.byteLength(thaiHeader)));
    const input = bytes(long);
    // Cuts that fall inside 3-byte Thai characters, in the sample and after it.
    const cuts = [0, 5, SNIFF - 1, SNIFF + 7, SNIFF + 8, input.length - 2, input.length];
    const chunks = cuts.slice(1).map((end, i) => input.subarray(cuts[i], end));
    const { output } = await decodeChunks(chunks);
    for (const piece of output) {
      expect(Buffer.isBuffer(piece)).toBe(true);
      expect(isUtf8(piece)).toBe(true);
    }
    expect(Buffer.concat(output).equals(input)).toBe(true);
  });

  it('holds back a 4-byte character cut after each of its bytes', async () => {
    const text = 'a,😀\n'.repeat(10);
    const { output } = await decodeChunks(oneByteChunks(bytes(text)));
    expect(output.every((piece) => isUtf8(piece))).toBe(true);
    expect(Buffer.concat(output).toString('utf8')).toBe(text);
  });

  it('transcodes Windows-874 to UTF-8 bytes', async () => {
    const source = 'รหัส,ชื่อ\r\n00123,สำนักงาน\r\n';
    const { output } = await decodeChunks([windows874(source)]);
    expect(Buffer.concat(output).equals(Buffer.from(source, 'utf8'))).toBe(true);
  });

  it('decodes Windows-874 (TIS-620) bytes to the right Thai', async () => {
    const source = 'รหัสหน่วยงาน,ชื่อหน่วยงาน\r\n00123,สำนักงานประมงจังหวัดระยอง\r\n';
    await expect(decode([windows874(source)])).resolves.toEqual({ text: source, encoding: 'windows-874' });
    await expect(decode(oneByteChunks(windows874(source)))).resolves.toEqual({ text: source, encoding: 'windows-874' });
  });

  it('reads the punctuation Excel writes in Windows-874 (smart quotes, ellipsis)', async () => {
    const buf = Buffer.concat([windows874('ชื่อ,หมายเหตุ\n'), Buffer.from([0x93]), windows874('ก'), Buffer.from([0x94, 0x85, 0x0a])]);
    await expect(decode([buf])).resolves.toEqual({ text: 'ชื่อ,หมายเหตุ\n“ก”…\n', encoding: 'windows-874' });
  });

  it('refuses binary input', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const error = await decodeError([png]);
    expect(error.message).toBe('the file is binary, not CSV text');
  });

  it('refuses a NUL byte after the sample', async () => {
    const error = await decodeError([bytes('a,b\n'.repeat(SNIFF / 4)), bytes('c,d\n', [0], '\n')]);
    expect(error.byteOffset).toBe(SNIFF + 4);
    expect(error.line).toBe(SNIFF / 4 + 2);
  });

  it('refuses UTF-16 with a message that says what it is', async () => {
    const error = await decodeError([Buffer.from('\ufeffa,b\n', 'utf16le')]);
    expect(error.message).toMatch(/UTF-16/);
  });

  it('refuses 8-bit text that is not Thai (Latin-1 é is a Thai tone-mark byte)', async () => {
    const latin1 = Buffer.from('name,city\nRené,Genève\n', 'latin1');
    const error = await decodeError([latin1]);
    expect(error.message).toBe('the file is neither UTF-8 nor Windows-874 (TIS-620) text');
  });

  it('refuses high bytes that Windows-874 does not define', async () => {
    const error = await decodeError([Buffer.concat([windows874('ชื่อ\n'), Buffer.from([0xfc, 0xff, 0x0a])])]);
    expect(error.message).toBe('the file is neither UTF-8 nor Windows-874 (TIS-620) text');
  });

  it('refuses invalid UTF-8 after the sample, naming its byte and line', async () => {
    const head = bytes('รหัส,ชื่อ\n', 'a,b\n'.repeat(SNIFF / 4));
    const error = await decodeError([head, bytes('c,', [0xe0, 0x41], '\n')]);
    expect(error.byteOffset).toBe(head.length + 2);
    expect(error.line).toBe(SNIFF / 4 + 2);
    expect(error.message).toMatch(new RegExp(`line ${SNIFF / 4 + 2} \\(byte ${head.length + 2}\\).*not valid UTF-8`));
  });

  it('names the first byte of an invalid sequence that began in an earlier chunk', async () => {
    const head = bytes('a,b\n'.repeat(SNIFF / 4));
    // ก is E0 B8 81; here its last byte is replaced by an ASCII letter, one byte per chunk.
    const error = await decodeError([head, ...oneByteChunks(bytes('x,', [0xe0, 0xb8], 'y\n'))]);
    expect(error.byteOffset).toBe(head.length + 2);
  });

  it('refuses a file whose BOM says UTF-8 but whose bytes are not', async () => {
    const error = await decodeError([bytes([0xef, 0xbb, 0xbf]), windows874('ชื่อ\n')]);
    expect(error.byteOffset).toBe(3);
  });

  it('refuses a file that ends in the middle of a UTF-8 character', async () => {
    const error = await decodeError([bytes('a,ก').subarray(0, 4)]);
    expect(error.message).toBe('the file ends in the middle of a UTF-8 character (byte 2)');
  });

  it('refuses a Windows-874 file that turns into something else after the sample', async () => {
    const head = windows874('ชื่อ,อำเภอ\n' + 'ก,ข\n'.repeat(SNIFF / 4));
    const error = await decodeError([head, Buffer.from([0x41, 0xfe, 0x0a])]);
    expect(error.byteOffset).toBe(head.length + 1);
    expect(error.message).toMatch(/byte 0xfe/);
  });

  it('gives nothing and no encoding for an empty input', async () => {
    await expect(decode([])).resolves.toEqual({ text: '', encoding: undefined });
  });
});

describe('incompleteTailStart', () => {
  const thai = Buffer.from('ก', 'utf8'); // E0 B8 81
  const emoji = Buffer.from('😀', 'utf8'); // F0 9F 98 80

  it('finds the start of a character the end cuts short', () => {
    expect(incompleteTailStart(Buffer.concat([Buffer.from('ab'), thai.subarray(0, 1)]))).toBe(2);
    expect(incompleteTailStart(Buffer.concat([Buffer.from('ab'), thai.subarray(0, 2)]))).toBe(2);
    expect(incompleteTailStart(Buffer.concat([Buffer.from('a'), emoji.subarray(0, 3)]))).toBe(1);
  });

  it('says the bytes are whole when the last character is complete, or when nothing is there', () => {
    expect(incompleteTailStart(Buffer.concat([Buffer.from('ab'), thai]))).toBe(5);
    expect(incompleteTailStart(emoji)).toBe(4);
    expect(incompleteTailStart(Buffer.from('abc'))).toBe(3);
    expect(incompleteTailStart(Buffer.alloc(0))).toBe(0);
  });

  it('leaves invalid bytes in place for validation to report', () => {
    expect(incompleteTailStart(Buffer.from([0x61, 0x80, 0x80, 0x80]))).toBe(4);
    expect(incompleteTailStart(Buffer.from([0x61, 0xff]))).toBe(2);
  });
});
