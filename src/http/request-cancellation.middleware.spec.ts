import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { currentCancellation } from '../database/request-cancellation';
import { RequestCancellationMiddleware } from './request-cancellation.middleware';

/** Which requests run with a cancellation, and when it fires. */
describe('request cancellation middleware', () => {
  const middleware = new RequestCancellationMiddleware();
  function pass(method: string): { signal: AbortSignal | undefined; res: EventEmitter & { writableFinished: boolean } } {
    const res = Object.assign(new EventEmitter(), { writableFinished: false });
    let signal: AbortSignal | undefined;
    middleware.use({ method } as Request, res as unknown as Response, () => {
      signal = currentCancellation();
    });
    return { signal, res };
  }

  it('cancels a read whose connection closes before the answer is sent', () => {
    const { signal, res } = pass('GET');
    expect(signal?.aborted).toBe(false);
    res.emit('close');
    expect(signal?.aborted).toBe(true);
  });

  it('does not cancel a read that was answered', () => {
    const { signal, res } = pass('GET');
    res.writableFinished = true;
    res.emit('close');
    expect(signal?.aborted).toBe(false);
  });

  it.each(['POST', 'PATCH', 'PUT', 'DELETE'])('never cancels a write (%s): imports, runs, triage finish and are recorded', (method) => {
    expect(pass(method).signal).toBeUndefined();
  });
});
