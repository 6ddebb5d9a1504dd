import { EGP_KEYS, EGP_THAI_HEADERS } from './egp-columns';
import { detectEgpLayout, EgpLayoutError, usualRowLength } from './egp-layout';

const THAI_28 = EGP_KEYS.map((key) => EGP_THAI_HEADERS[key]);
const ENG_AFTER: Record<string, string> = {
  จังหวัด: 'จังหวัด (Eng)',
  'เขต/อำเภอ': 'เขต/อำเภอ (Eng)',
  'แขวง/ตำบล': 'แขวง/ตำบล (Eng)',
};
const THAI_31 = THAI_28.flatMap((name) => (ENG_AFTER[name] ? [name, ENG_AFTER[name]] : [name]));
const THAI_26 = THAI_28.filter((name) => name !== 'เขต/อำเภอ' && name !== 'แขวง/ตำบล');
const ENGLISH_28 = [...EGP_KEYS];

/** `count` data rows of `length` values each (detection looks only at lengths). */
function rows(length: number, count = 5): string[][] {
  return Array.from({ length: count }, () => Array.from({ length }, (_, i) => `v${i}`));
}

describe('detectEgpLayout', () => {
  it('FY2565–2567: 31 names over 31 values, read by name', () => {
    const layout = detectEgpLayout(THAI_31, rows(31));
    expect(layout.name).toBe('fy2565-2567-31col');
    expect(layout.expectedFieldCount).toBe(31);
    expect(layout.fieldIndex.province).toBe(14);
    expect(layout.fieldIndex.district).toBe(16); // after จังหวัด (Eng)
    expect(layout.fieldIndex.subdistrict).toBe(18);
    expect(layout.fieldIndex.winner_tin).toBe(24);
    expect(layout.fieldIndex.contract_status).toBe(30);
  });

  it('FY2565–2567 with the portal\'s leading _id: 32 and 32', () => {
    const layout = detectEgpLayout(['_id', ...THAI_31], rows(32));
    expect(layout.name).toBe('fy2565-2567-31col');
    expect(layout.expectedFieldCount).toBe(32);
    expect(layout.fieldIndex.seq).toBe(1);
    expect(layout.fieldIndex.project_id).toBe(2);
    expect(layout.fieldIndex.district).toBe(17);
    expect(layout.description).toContain('_id');
  });

  it('FY2568 first file: 26 names over 28 values, read by published position', () => {
    const layout = detectEgpLayout(THAI_26, rows(28));
    expect(layout.name).toBe('fy2568-26-names-28-values');
    expect(layout.expectedFieldCount).toBe(28);
    EGP_KEYS.forEach((key, index) => expect(layout.fieldIndex[key]).toBe(index));
  });

  it('FY2568 other files: 31 names over 28 values, read by published position', () => {
    const layout = detectEgpLayout(THAI_31, rows(28));
    expect(layout.name).toBe('fy2568-31-names-28-values');
    expect(layout.expectedFieldCount).toBe(28);
    EGP_KEYS.forEach((key, index) => expect(layout.fieldIndex[key]).toBe(index));
    expect(layout.description).toMatch(/zipping names would shift/);
  });

  it('FY2568 layouts shift by one after a leading _id', () => {
    expect(detectEgpLayout(['_id', ...THAI_26], rows(29)).fieldIndex.winner).toBe(23);
    expect(detectEgpLayout(['_id', ...THAI_31], rows(29)).fieldIndex.winner).toBe(23);
  });

  it('a plain 28-column Thai file', () => {
    const layout = detectEgpLayout(THAI_28, rows(28));
    expect(layout.name).toBe('canonical-28');
    EGP_KEYS.forEach((key, index) => expect(layout.fieldIndex[key]).toBe(index));
  });

  it('a plain file with the English keys, with or without seq, in any order', () => {
    expect(detectEgpLayout(ENGLISH_28, rows(28)).name).toBe('english-keys');
    const reordered = [...ENGLISH_28.slice(1)].reverse();
    const layout = detectEgpLayout(reordered, rows(27));
    expect(layout.name).toBe('english-keys');
    expect(layout.fieldIndex.contract_status).toBe(0);
    expect(layout.fieldIndex.project_id).toBe(26);
    expect(layout.fieldIndex.seq).toBeUndefined();
  });

  it('reads a Thai header by name whatever its spacing, BOM or order', () => {
    const header = [...THAI_28].reverse().map((h) => h.replace('(บาท)', ' (บาท)'));
    header[0] = `\uFEFF${header[0]}`;
    const layout = detectEgpLayout(header, rows(28));
    expect(layout.name).toBe('canonical-28');
    expect(layout.fieldIndex.project_money).toBe(27 - 9);
  });

  it('takes the header at its word when there are no data rows', () => {
    expect(detectEgpLayout(THAI_28, []).expectedFieldCount).toBe(28);
  });

  describe('the usual row length is the mode over the sample, not the first row', () => {
    // The first row of each sample has a title whose comma lost its quotes: one value too many.
    const misleadingFirst = (length: number) => [rows(length + 1, 1)[0]!, ...rows(length, 6)];

    it('26 names: a 29-value first row does not hide the 28-value rows', () => {
      const layout = detectEgpLayout(THAI_26, misleadingFirst(28));
      expect(layout.name).toBe('fy2568-26-names-28-values');
      expect(layout.expectedFieldCount).toBe(28);
    });

    it('31 names: a first row that happens to carry 31 values does not make the file FY2565–2567', () => {
      const layout = detectEgpLayout(THAI_31, [rows(31, 1)[0]!, ...rows(28, 6)]);
      expect(layout.name).toBe('fy2568-31-names-28-values');
    });

    it('28 names: a 29-value first row does not make the file unreadable', () => {
      expect(detectEgpLayout(THAI_28, misleadingFirst(28)).name).toBe('canonical-28');
    });

    it('31 names over 31 values: a 32-value first row is just one bad row', () => {
      expect(detectEgpLayout(THAI_31, misleadingFirst(31)).name).toBe('fy2565-2567-31col');
    });
  });

  describe('errors', () => {
    it('rejects a header that is not an e-GP contract header, saying what it found', () => {
      const agencies = ['รหัสหน่วยงาน', 'ชื่อหน่วยงาน', 'ชื่อภาษาอังกฤษ', 'ประเภท', 'อำเภอ'];
      expect(() => detectEgpLayout(agencies, rows(5))).toThrow(EgpLayoutError);
      expect(() => detectEgpLayout(agencies, rows(5))).toThrow(
        /not an e-GP contract header: it has 5 columns, 1 of them e-GP names, and none is รหัสโครงการ \/ project_id/,
      );
    });

    it('rejects a header that is mostly something else, even with a project id', () => {
      const header = ['รหัสโครงการ', 'ก', 'ข', 'ค', 'ง'];
      expect(() => detectEgpLayout(header, rows(5))).toThrow(/not an e-GP contract header/);
    });

    it('rejects a header naming a column twice', () => {
      expect(() => detectEgpLayout([...THAI_28, 'project_id'], rows(29))).toThrow(/names a column twice: project_id/);
    });

    it('rejects rows that fit no layout, naming the header count and the usual row length', () => {
      const sample = [...rows(30, 4), ...rows(28, 1)];
      expect(() => detectEgpLayout(THAI_28, sample)).toThrow(EgpLayoutError);
      expect(() => detectEgpLayout(THAI_28, sample)).toThrow(
        /header names 28 columns but rows usually carry 30 values \(4 of 5 sampled rows\)/,
      );
    });

    it('rejects 26 names over 28 values when the missing names are not the two place columns', () => {
      const header = THAI_28.filter((name) => name !== 'ละติจูดโครงการ' && name !== 'ลองจิจูดโครงการ');
      expect(() => detectEgpLayout(header, rows(28))).toThrow(/header names 26 columns \(no lat, lon\) but rows usually carry 28/);
    });

    it('rejects 31 names over 29 values', () => {
      expect(() => detectEgpLayout(THAI_31, rows(29))).toThrow(/31 columns \(3 \(Eng\) place columns\) but rows usually carry 29/);
    });

    it('is an Error subclass with its own name', () => {
      const error = new EgpLayoutError('x');
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('EgpLayoutError');
    });
  });
});

describe('usualRowLength', () => {
  it('counts the mode and ignores blank lines', () => {
    expect(usualRowLength([['a', 'b'], [''], ['a', 'b'], ['a', 'b', 'c']])).toEqual({ length: 2, count: 2, sampled: 3 });
  });

  it('breaks a tie in favour of a length a layout could explain', () => {
    const sample = [['a', 'b', 'c'], ['a', 'b']];
    expect(usualRowLength(sample, [2])?.length).toBe(2);
    expect(usualRowLength(sample, [3])?.length).toBe(3);
  });

  it('is undefined without rows', () => {
    expect(usualRowLength([])).toBeUndefined();
  });
});
