import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { CsvFormatError } from './csv-format-error';

export type CsvEncoding = 'utf-8' | 'windows-874';
export type CsvDecoder = Transform & { encoding(): CsvEncoding | undefined };

/** How much of the file we look at before choosing an encoding (the whole file if it is smaller). */
const SNIFF_BYTES = 64 * 1024;

const NOT_TEXT = 'the file is neither UTF-8 nor Windows-874 (TIS-620) text';

/**
 * Buffer chunks in, chunks of valid UTF-8 bytes out, holding at most the sniffing sample in memory.
 * Thai offices export CSV either as UTF-8 (with or without BOM) or, from Excel on a Thai Windows, as
 * Windows-874; anything we cannot decode exactly is refused, never passed on garbled (no U+FFFD).
 *
 * The output is bytes, not strings, because csv-parse works on bytes: text would only be encoded back
 * into a Buffer inside it. UTF-8 input is therefore validated and passed through as it is, without the
 * BOM; Windows-874 is transcoded to UTF-8. Every chunk ends on a character boundary.
 */
export function createCsvDecoder(): CsvDecoder {
  return new CsvDecoderStream();
}

const EMPTY = Buffer.alloc(0);

class CsvDecoderStream extends Transform {
  private detected?: CsvEncoding;
  private sample: Buffer[] = [];
  private sampleBytes = 0;
  private readonly windows874 = new TextDecoder('windows-874', { fatal: true });
  /** Byte offset in the original file of the next chunk, for error messages. */
  private offset = 0;
  /** Physical line number at the start of the next chunk, for error messages. */
  private line = 1;
  /** The first bytes (≤ 3) of a UTF-8 character cut by the end of the last chunk, held until the rest arrives. */
  private pending: Buffer = EMPTY;

  encoding(): CsvEncoding | undefined {
    return this.detected;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      if (this.detected) {
        this.decode(chunk);
      } else {
        this.sample.push(chunk);
        this.sampleBytes += chunk.length;
        if (this.sampleBytes >= SNIFF_BYTES) this.startWithSample();
      }
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      if (!this.detected && this.sampleBytes > 0) this.startWithSample();
      if (this.pending.length > 0) {
        const byteOffset = this.offset - this.pending.length;
        throw new CsvFormatError(`the file ends in the middle of a UTF-8 character (byte ${byteOffset})`, {
          byteOffset,
          line: this.line,
        });
      }
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  private startWithSample(): void {
    let sample = Buffer.concat(this.sample);
    this.sample = [];
    this.detected = detectEncoding(sample);
    if (this.detected === 'utf-8' && hasUtf8Bom(sample)) {
      this.offset = UTF8_BOM_LENGTH;
      sample = sample.subarray(UTF8_BOM_LENGTH);
    }
    this.decode(sample);
  }

  private decode(chunk: Buffer): void {
    const nul = chunk.indexOf(0);
    // A NUL past the sample still means a damaged or binary file, and PostgreSQL text cannot hold it.
    if (nul >= 0) throw this.errorAt(chunk, nul, 'a NUL byte: the file is binary or damaged, not CSV text');
    if (this.detected === 'utf-8') {
      this.passUtf8(chunk);
    } else {
      let bad = 0;
      while (bad < chunk.length && WINDOWS_874[chunk[bad]]) bad++;
      if (bad < chunk.length) throw this.errorAt(chunk, bad, `byte 0x${chunk[bad].toString(16)}, which is not Windows-874 (TIS-620) Thai text`);
      const text = this.windows874.decode(chunk);
      this.advance(chunk);
      if (text.length > 0) this.push(Buffer.from(text, 'utf8'));
    }
  }

  /** Passes the chunk's whole characters on unchanged once they are known to be valid UTF-8. */
  private passUtf8(chunk: Buffer): void {
    const bytes = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    const end = incompleteTailStart(bytes);
    const whole = bytes.subarray(0, end);
    if (!isUtf8(whole)) {
      const bad = findInvalidUtf8(bytes, 0);
      // Relative to this chunk; negative when the bad sequence began in an earlier chunk.
      const index = (bad < 0 ? this.pending.length : bad) - this.pending.length;
      throw this.errorAt(chunk, index, 'bytes that are not valid UTF-8 (is part of the file in another encoding?)');
    }
    // Copied, so the few bytes held back do not keep a whole 64 KiB chunk alive.
    this.pending = end < bytes.length ? Buffer.from(bytes.subarray(end)) : EMPTY;
    this.advance(chunk);
    if (whole.length > 0) this.push(whole);
  }

  private advance(chunk: Buffer): void {
    this.offset += chunk.length;
    this.line += countNewlines(chunk, chunk.length);
  }

  private errorAt(chunk: Buffer, index: number, what: string): CsvFormatError {
    const byteOffset = this.offset + index;
    const line = this.line + countNewlines(chunk, Math.max(0, index));
    return new CsvFormatError(`line ${line} (byte ${byteOffset}) has ${what}`, { byteOffset, line });
  }
}

const UTF8_BOM_LENGTH = 3;
const hasUtf8Bom = (bytes: Buffer) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

function detectEncoding(sample: Buffer): CsvEncoding {
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
    // Excel's "Unicode text": say so, rather than the puzzling "binary".
    throw new CsvFormatError('the file is UTF-16 text; save it as "CSV UTF-8" instead');
  }
  const nul = sample.indexOf(0);
  if (nul >= 0) throw new CsvFormatError('the file is binary, not CSV text', { byteOffset: nul });
  // A sample cut at SNIFF_BYTES may end inside a character: its first bytes wait for the next chunk.
  if (hasUtf8Bom(sample) || findInvalidUtf8(sample, 0) < 0) return 'utf-8';
  if (looksLikeWindows874Thai(sample)) return 'windows-874';
  throw new CsvFormatError(NOT_TEXT);
}

/**
 * Bytes a Windows-874 CSV may hold: ASCII (except NUL), TIS-620 Thai (0xA1–0xDA, 0xDF–0xFB) and the few
 * punctuation marks Windows adds (€ … ‘ ’ “ ” • – — and no-break space), which Excel writes into titles.
 * Other bytes are undefined in Windows-874, so a file holding them is something else.
 */
const WINDOWS_874 = (() => {
  const ok = new Uint8Array(256);
  const allow = (from: number, to: number) => ok.fill(1, from, to + 1);
  allow(0x01, 0x7f);
  allow(0xa1, 0xda);
  allow(0xdf, 0xfb);
  [0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0xa0].forEach((b) => (ok[b] = 1));
  return ok;
})();

const isThaiByte = (b: number) => b >= 0xa1 && b <= 0xfb;
const isThaiConsonant = (b: number) => b >= 0xa1 && b <= 0xce;
/** Above/below vowels and tone marks (ั ิ ี ึ ื ุ ู ฺ ็ ่ ้ ๊ ๋ ์ ํ ๎): they always sit on a Thai letter. */
const isThaiCombining = (b: number) => b === 0xd1 || (b >= 0xd4 && b <= 0xda) || (b >= 0xe7 && b <= 0xee);

/**
 * Latin-1 or other 8-bit text also falls in these byte ranges (é is 0xE9, a Thai tone mark), so we also ask that
 * the sample has Thai consonants and that every combining mark follows a Thai letter, as real Thai does.
 */
function looksLikeWindows874Thai(sample: Buffer): boolean {
  let consonants = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b < 0x80) continue;
    if (!WINDOWS_874[b]) return false;
    if (isThaiConsonant(b)) consonants++;
    if (isThaiCombining(b) && !(i > 0 && isThaiByte(sample[i - 1]))) return false;
  }
  return consonants > 0;
}

/** Length of the UTF-8 sequence a lead byte starts: 1 for ASCII, 0 for a byte that cannot start one. */
function sequenceLength(b: number): number {
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

/**
 * Index of the first byte of the first invalid UTF-8 sequence from `from`, or -1 (an incomplete sequence
 * at the very end is not invalid: more bytes may follow). Same rules as the WHATWG decoder: no overlongs,
 * no surrogates, nothing above U+10FFFF.
 */
function findInvalidUtf8(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = sequenceLength(b);
    if (length === 0) return i;
    // The second byte's range depends on the lead; that is what rules out overlongs and surrogates.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return -1;
      const c = bytes[i + k];
      if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}

/**
 * Where a UTF-8 character that the end of `bytes` cuts short begins (it still waits for its continuation
 * bytes), or `bytes.length` when the last character is whole. Invalid bytes are left for validation to find.
 */
export function incompleteTailStart(bytes: Uint8Array): number {
  const from = Math.max(0, bytes.length - 3);
  for (let i = bytes.length - 1; i >= from; i--) {
    if ((bytes[i] & 0xc0) === 0x80) continue; // continuation byte: look further back
    return sequenceLength(bytes[i]) > bytes.length - i ? i : bytes.length;
  }
  return bytes.length;
}

function countNewlines(chunk: Buffer, end: number): number {
  let count = 0;
  for (let i = chunk.indexOf(0x0a); i >= 0 && i < end; i = chunk.indexOf(0x0a, i + 1)) count++;
  return count;
}
