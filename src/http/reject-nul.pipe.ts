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
    const where = nulIn(value, metadata.type === 'body' ? 'body' : metadata.type === 'query' ? 'query' : 'path');
    if (where) throw new BadRequestException(`${where} contains a NUL character (\\u0000), which no field accepts`);
    return value;
  }
}

/** Where the first NUL is (e.g. `body.items.2.name`), or undefined. Iterative: a deeply nested body cannot overflow the stack. */
export function nulIn(value: unknown, root: string): string | undefined {
  const pending: [unknown, string][] = [[value, root]];
  while (pending.length) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return path;
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => pending.push([item, `${path}.${i}`]));
    } else if (current !== null && typeof current === 'object' && Object.getPrototypeOf(current) === Object.prototype) {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes('\u0000')) return `${path} (a key)`;
        pending.push([item, `${path}.${key}`]);
      }
    }
  }
  return undefined;
}
