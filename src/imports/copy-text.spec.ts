import { copyRow } from './copy-text';
import type { TargetColumn } from './source-definition';

const columns: TargetColumn[] = [
  { name: 'code', type: 'text' },
  { name: 'budget', type: 'numeric' },
  { name: 'ids', type: 'text[]' },
  { name: 'meta', type: 'jsonb' },
  { name: 'valid', type: 'boolean' },
];

describe('copyRow', () => {
  it('writes the row number, then each column in order, tab-separated, with \\N for null or absent', () => {
    expect(copyRow(7, { code: '00123', budget: '1234.50', ids: ['a'], meta: { k: 1 }, valid: true }, columns)).toBe(
      '7\t00123\t1234.50\t{"a"}\t{"k":1}\ttrue\n',
    );
    expect(copyRow(8, { code: null, ids: undefined }, columns)).toBe('8\t\\N\t\\N\t\\N\t\\N\t\\N\n');
  });

  it('escapes what would break a COPY line: backslash, tab, line breaks', () => {
    expect(copyRow(2, { code: 'a\\b\tc\r\nd' }, columns.slice(0, 1))).toBe('2\ta\\\\b\\tc\\r\\nd\n');
  });

  it('quotes every array element, escaping quotes and backslashes inside the literal', () => {
    expect(copyRow(3, { ids: ['x"y', 'p\\q', ''] }, [columns[2]])).toBe('3\t{"x\\\\"y","p\\\\\\\\q",""}\n');
  });

  it('keeps Thai text as it is', () => {
    expect(copyRow(4, { code: 'สำนักงานจังหวัดระยอง' }, columns.slice(0, 1))).toBe('4\tสำนักงานจังหวัดระยอง\n');
  });
});
