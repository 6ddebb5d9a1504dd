import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/**
 * Refuses a NUL character (U+0000) anywhere in a path parameter, a query parameter or a JSON body,
 * keys included. PostgreSQL cannot store NUL in text and answers with an error that would surface as a
 * 500 with the SQL in the log; no field of this API has a use for it. Applied once, to every route, so
 * no schema has to remember it.
 */
@Injectable()
export class RejectNulPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') return value;
    const root = metadata.type === 'param' ? 'path' : metadata.type;
    const where = nulIn(value, metadata.data ? `${root}.${metadata.data}` : root);
    if (where) throw new BadRequestException(`${where} contains a NUL character (\\u0000), which no field accepts`);
    return value;
  }
}

interface Entry {
  value: unknown;
  key: string;
  parent?: Entry;
}

/** Where the first NUL is (e.g. `body.items.2.name`), or undefined. Iterative: a deeply nested body cannot overflow the stack. */
export function nulIn(value: unknown, root: string): string | undefined {
  // Each entry links to its parent, so the path is spelled out only for the one value that has a NUL.
  const spell = (entry: Entry): string => {
    const keys: string[] = [];
    for (let e: Entry | undefined = entry; e; e = e.parent) keys.push(e.key);
    return keys.reverse().join('.');
  };
  const pending: Entry[] = [{ value, key: root }];
  while (pending.length) {
    const entry = pending.pop()!;
    const current = entry.value;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return spell(entry);
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => pending.push({ value: item, key: String(i), parent: entry }));
    } else if (isPlainRecord(current)) {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes('\u0000')) return `${spell(entry)} (a key)`;
        pending.push({ value: item, key, parent: entry });
      }
    }
  }
  return undefined;
}

/** JSON objects, and the prototype-less objects Express's query parser makes; not Dates, Buffers or class instances. */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
