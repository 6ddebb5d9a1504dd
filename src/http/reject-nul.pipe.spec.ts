import { BadRequestException } from '@nestjs/common';
import { parse } from 'node:querystring';
import { nulIn, RejectNulPipe } from './reject-nul.pipe';

describe('RejectNulPipe', () => {
  const pipe = new RejectNulPipe();

  it('finds a NUL in strings, nested arrays and objects, keys included, and in prototype-less query objects', () => {
    expect(nulIn('a\u0000b', 'path')).toBe('path');
    expect(nulIn({ items: [{ name: 'ok' }, { name: 'x\u0000' }] }, 'body')).toBe('body.items.1.name');
    expect(nulIn({ ['k\u0000']: 1 }, 'body')).toBe('body (a key)');
    expect(nulIn(parse('rule=a%00b'), 'query')).toBe('query.rule');
    expect(nulIn({ name: 'สำนักงาน', codes: ['1', '2'], n: 3, none: null }, 'body')).toBeUndefined();
  });

  it('walks a deeply nested body without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(nulIn(deep, 'body')).toMatch(/^body(\.0)+$/);
  });

  it('answers 400 naming where the NUL is, and leaves other arguments alone', () => {
    expect(() => pipe.transform({ agencyCode: '1\u0000' }, { type: 'body' })).toThrow(BadRequestException);
    expect(() => pipe.transform({ agencyCode: '1\u0000' }, { type: 'body' })).toThrow('body.agencyCode contains a NUL character');
    expect(() => pipe.transform('1\u0000', { type: 'param', data: 'code' })).toThrow('path.code contains a NUL character');
    const principal = { name: 'a\u0000' };
    expect(pipe.transform(principal, { type: 'custom' })).toBe(principal);
  });
});
