import { csvLine, quoteCsv } from './write-csv';

describe('writing CSV', () => {
  it('quotes only cells that need it, doubling inner quotes', () => {
    expect(quoteCsv('ระยอง')).toBe('ระยอง');
    expect(quoteCsv('a,b')).toBe('"a,b"');
    expect(quoteCsv('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsv('two\nlines')).toBe('"two\nlines"');
    expect(quoteCsv(' padded')).toBe('" padded"');
  });

  it('writes empty cells for null and keeps numbers and negative amounts as they are', () => {
    expect(csvLine(['x', null, undefined, 0.5, '-1200.00'])).toBe('x,,,0.5,-1200.00');
  });

  it('stops Excel from running a cell as a formula', () => {
    expect(csvLine(['=HYPERLINK("http://x")', '+1', '@SUM(A1)'])).toBe(`"'=HYPERLINK(""http://x"")",'+1,'@SUM(A1)`);
  });
});
