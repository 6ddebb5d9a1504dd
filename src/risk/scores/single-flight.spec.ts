import { currentCancellation, QueryCancelledError } from '../../database/request-cancellation';
import { SingleFlight } from './single-flight';

/** Work that ends when released, or fails as cancelled when its own cancellation aborts. */
function releasable() {
  let release!: (value: string) => void;
  let started = 0;
  let cancelled = 0;
  const work = () => {
    started += 1;
    const signal = currentCancellation()!;
    return new Promise<string>((resolve, reject) => {
      release = resolve;
      signal.addEventListener('abort', () => {
        cancelled += 1;
        reject(new QueryCancelledError());
      });
    });
  };
  return { work, release: (v: string) => release(v), counts: () => ({ started, cancelled }) };
}

describe('single flight', () => {
  it('runs one computation for callers of the same key, and a new one once it is done', async () => {
    const flights = new SingleFlight<string>();
    const w = releasable();
    const a = flights.run('k', w.work, new AbortController().signal);
    const b = flights.run('k', w.work, new AbortController().signal);
    w.release('set 1');
    await expect(Promise.all([a, b])).resolves.toEqual(['set 1', 'set 1']);
    const c = flights.run('k', w.work, undefined);
    w.release('set 2');
    await expect(c).resolves.toBe('set 2');
    expect(w.counts()).toEqual({ started: 2, cancelled: 0 });
  });

  it('lets a caller leave while the others still get the result', async () => {
    const flights = new SingleFlight<string>();
    const w = releasable();
    const leaving = new AbortController();
    const a = flights.run('k', w.work, leaving.signal);
    const b = flights.run('k', w.work, new AbortController().signal);
    leaving.abort();
    await expect(a).rejects.toBeInstanceOf(QueryCancelledError);
    w.release('set');
    await expect(b).resolves.toBe('set');
    expect(w.counts()).toEqual({ started: 1, cancelled: 0 });
  });

  it('cancels the computation when every caller has left, and starts afresh for the next', async () => {
    const flights = new SingleFlight<string>();
    const w = releasable();
    const first = new AbortController();
    const a = flights.run('k', w.work, first.signal);
    first.abort();
    await expect(a).rejects.toBeInstanceOf(QueryCancelledError);
    expect(w.counts()).toEqual({ started: 1, cancelled: 1 });
    const b = flights.run('k', w.work, new AbortController().signal);
    w.release('set');
    await expect(b).resolves.toBe('set');
    expect(w.counts()).toEqual({ started: 2, cancelled: 1 });
  });

  it('never cancels a computation a caller without a cancellation needs', async () => {
    const flights = new SingleFlight<string>();
    const w = releasable();
    const leaving = new AbortController();
    const a = flights.run('k', w.work, leaving.signal);
    const pinned = flights.run('k', w.work, undefined);
    leaving.abort();
    await expect(a).rejects.toBeInstanceOf(QueryCancelledError);
    w.release('set');
    await expect(pinned).resolves.toBe('set');
    expect(w.counts()).toEqual({ started: 1, cancelled: 0 });
  });
});
