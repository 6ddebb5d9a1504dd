import { ValueParseError } from '../../common/errors';

/*
 * An e-GP file repeats the same texts endlessly: a few dozen method and status wordings, a few thousand
 * dates and vendors across a million rows. Remembering the answer for each distinct text turns the
 * regex-heavy common parsers into one Map lookup per cell. Memory stays bounded: a memo that reaches its
 * limit starts over (a file of all-distinct values then costs one wasted Map insert per cell, nothing more).
 */

const DEFAULT_LIMIT = 20_000;

/** Remembers `compute(text)` for each distinct text; `compute` must be pure. */
export function memoised<T>(compute: (text: string) => T, limit = DEFAULT_LIMIT): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    let value = memo.get(text);
    if (value === undefined && !memo.has(text)) {
      value = compute(text);
      if (memo.size >= limit) memo.clear();
      memo.set(text, value);
    }
    return value as T;
  };
}

/**
 * Like {@link memoised} for a parser that throws ValueParseError on bad input: the failure is remembered
 * too and thrown again for the same text. Any other error is a bug and is never cached.
 */
export function memoisedParser<T>(parse: (text: string) => T, limit = DEFAULT_LIMIT): (text: string) => T {
  const remember = memoised((text: string): { value: T } | { error: ValueParseError } => {
    try {
      return { value: parse(text) };
    } catch (error) {
      if (error instanceof ValueParseError) return { error };
      throw error;
    }
  }, limit);
  return (text) => {
    const outcome = remember(text);
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  };
}
