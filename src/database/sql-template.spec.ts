import { join, raw, sql } from './sql-template';

describe('sql template', () => {
  it('turns every value into a numbered parameter, never into statement text', () => {
    const name = "x'; drop table flags; --";
    const q = sql`select * from flags where rule_id = ${name} and score > ${0.5}`.toQuery();
    expect(q.text).toBe('select * from flags where rule_id = $1 and score > $2');
    expect(q.values).toEqual([name, 0.5]);
  });

  it('renumbers the parameters of nested fragments in order', () => {
    const year = sql`fiscal_year = ${2568}`;
    const q = sql`select ${'a'} from t where ${year} and x = ${'b'}`.toQuery();
    expect(q.text).toBe('select $1 from t where fiscal_year = $2 and x = $3');
    expect(q.values).toEqual(['a', 2568, 'b']);
  });

  it('places raw text as it is and joins fragments with a separator', () => {
    const q = sql`select * from ${raw('"flags"')} where ${join([sql`a = ${1}`, sql`b = ${2}`], ' and ')}`.toQuery();
    expect(q.text).toBe('select * from "flags" where a = $1 and b = $2');
    expect(q.values).toEqual([1, 2]);
    expect(join([], ', ').toQuery().text).toBe('');
  });

  it('passes arrays as one parameter (for = any($n))', () => {
    const q = sql`where method = any(${['e_bidding', 'e_market']})`.toQuery();
    expect(q.text).toBe('where method = any($1)');
    expect(q.values).toEqual([['e_bidding', 'e_market']]);
  });
});
