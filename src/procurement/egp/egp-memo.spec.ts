import { ValueParseError } from '../../common/errors';
import { memoised, memoisedParser } from './egp-memo';

describe('memoised', () => {
  it('computes each distinct text once', () => {
    const compute = jest.fn((text: string) => text.length);
    const length = memoised(compute);
    expect([length('ab'), length('ab'), length('abc'), length('ab')]).toEqual([2, 2, 3, 2]);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('remembers undefined and null answers too', () => {
    const compute = jest.fn((text: string) => (text === 'x' ? undefined : null));
    const f = memoised(compute);
    f('x');
    f('x');
    f('y');
    f('y');
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('starts over when full, so memory stays bounded', () => {
    const compute = jest.fn((text: string) => text);
    const f = memoised(compute, 2);
    f('a');
    f('b');
    f('c'); // full: cleared, then 'c' stored
    f('a');
    expect(compute).toHaveBeenCalledTimes(4);
    f('c');
    expect(compute).toHaveBeenCalledTimes(4);
  });
});

describe('memoisedParser', () => {
  it('remembers a ValueParseError and throws it again for the same text', () => {
    const parse = jest.fn((text: string) => {
      if (text === 'bad') throw new ValueParseError('"bad" is bad', text);
      return text.toUpperCase();
    });
    const f = memoisedParser(parse);
    expect(f('ok')).toBe('OK');
    expect(() => f('bad')).toThrow('"bad" is bad');
    expect(() => f('bad')).toThrow(ValueParseError);
    expect(f('ok')).toBe('OK');
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it('never caches other errors: they are bugs, not data', () => {
    const parse = jest.fn((): string => {
      throw new TypeError('boom');
    });
    const f = memoisedParser(parse);
    expect(() => f('x')).toThrow(TypeError);
    expect(() => f('x')).toThrow(TypeError);
    expect(parse).toHaveBeenCalledTimes(2);
  });
});
