import { parse } from 'csv-parse';
import { expectRecordLength } from './csv-record-length';

/** Parses `text` as readCsvRecords does, telling the parser each record's length as it is consumed. */
async function parseTelling(text: string): Promise<{ records: string[][]; inconsistent: number }> {
  const parser = parse({ relax_column_count: true });
  const records: string[][] = [];
  const consumed = (async () => {
    for await (const record of parser as AsyncIterable<string[]>) {
      expectRecordLength(parser, record.length);
      records.push(record);
    }
  })();
  // One write per line, so the parser sees each record after the previous one was consumed.
  for (const line of text.split(/(?<=\n)/)) {
    parser.write(line);
    await new Promise((resolve) => setImmediate(resolve));
  }
  parser.end();
  await consumed;
  return { records, inconsistent: parser.info.invalid_field_length };
}

describe('expectRecordLength', () => {
  it('spares csv-parse an error object for every row when the header has another length than the rows', async () => {
    // 31 names over 28 values, as in the FY2568 e-GP files.
    const header = Array.from({ length: 31 }, (_, i) => `h${i}`).join(',');
    const row = Array.from({ length: 28 }, (_, i) => `v${i}`).join(',');
    const { records, inconsistent } = await parseTelling([header, ...Array(200).fill(row)].join('\n') + '\n');
    expect(records).toHaveLength(201);
    // Without the hint csv-parse counts (and builds an error for) all 200 rows; with it, only the first.
    // Should this fail after a csv-parse upgrade, its internal field has moved: reading got slower, not wrong.
    expect(inconsistent).toBe(1);
  });

  it('changes no record: rows of any length still come through as written', async () => {
    const { records } = await parseTelling('a,b,c\n1\n1,2,3,4\n1,2\n');
    expect(records).toEqual([['a', 'b', 'c'], ['1'], ['1', '2', '3', '4'], ['1', '2']]);
  });

  it('does nothing to a parser without that internal field', () => {
    const parser = parse({ relax_column_count: true });
    (parser as unknown as { state: unknown }).state = undefined;
    expect(() => expectRecordLength(parser, 28)).not.toThrow();
  });
});
