import type { Response } from 'superagent';

/** A supertest `.parse()` that keeps the body as the raw bytes (an XLSX, an ICS…), not text or JSON. */
export function binaryBody(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
