import { PayloadTooLargeException } from '@nestjs/common';
import { Readable, Transform } from 'node:stream';

/** 413 naming the limit, for a raw body or a multipart file over `IMPORT_MAX_MB`. */
export function importTooLarge(maxBytes: number): PayloadTooLargeException {
  const mb = Math.round((maxBytes / (1024 * 1024)) * 100) / 100;
  return new PayloadTooLargeException(`the file is larger than the import limit of ${mb} MB (IMPORT_MAX_MB); nothing was imported`);
}

/**
 * The request body as a stream that fails with 413 as soon as more than `maxBytes` have come, counted as
 * they stream (a chunked body declares no length). A body cut off by the client fails too, rather than
 * leaving the import waiting for an end that never comes. The request itself is never destroyed here (that
 * would close the socket the answer goes out on): the caller drains what is left of it.
 */
export function limitBytes(body: Readable, maxBytes: number): Readable {
  let seen = 0;
  const limited = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) return done(importTooLarge(maxBytes));
      done(null, chunk);
    },
  });
  body.on('error', (error) => limited.destroy(error));
  body.on('close', () => {
    if (!body.readableEnded) limited.destroy(new Error('the upload was cut off before its end'));
  });
  body.pipe(limited);
  return limited;
}
