import { waitFor, withCancellation } from '../../database/request-cancellation';

interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  /** Callers waiting with a cancellation of their own (requests). */
  waiters: number;
  /** A caller with no cancellation (a job, a warm-up, the planner) needs the result: never given up. */
  pinned: boolean;
}

/**
 * One computation per key at a time in this process: callers asking for a key being computed wait for that
 * computation instead of starting their own. The computation runs with a cancellation of its own, not its
 * first caller's: a caller whose client goes away stops waiting, and the computation is cancelled only
 * when no caller is left waiting for it (and none needs it uncancelled).
 */
export class SingleFlight<T> {
  private readonly flights = new Map<string, Flight<T>>();

  /** `caller`: the cancellation of the one asking (`undefined`: it cannot be cancelled). */
  run(key: string, work: () => Promise<T>, caller: AbortSignal | undefined): Promise<T> {
    const flight = this.flights.get(key) ?? this.start(key, work);
    if (!caller) {
      flight.pinned = true;
      return flight.promise;
    }
    if (caller.aborted) return waitFor(flight.promise, caller);
    flight.waiters += 1;
    const leave = () => {
      flight.waiters -= 1;
      if (flight.waiters === 0 && !flight.pinned) this.abandon(key, flight);
    };
    caller.addEventListener('abort', leave, { once: true });
    return waitFor(flight.promise, caller).finally(() => caller.removeEventListener('abort', leave));
  }

  private start(key: string, work: () => Promise<T>): Flight<T> {
    const controller = new AbortController();
    const flight: Flight<T> = { controller, waiters: 0, pinned: false, promise: withCancellation(controller.signal, work) };
    this.flights.set(key, flight);
    const forget = () => {
      if (this.flights.get(key) === flight) this.flights.delete(key);
    };
    // Also handles the rejection of a flight nobody waits for any more.
    flight.promise.then(forget, forget);
    return flight;
  }

  /** Nobody waits: cancel it, and let the next caller start afresh rather than join a dying computation. */
  private abandon(key: string, flight: Flight<T>): void {
    if (this.flights.get(key) === flight) this.flights.delete(key);
    flight.controller.abort();
  }
}
