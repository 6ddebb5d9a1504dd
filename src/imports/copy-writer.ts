import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Bytes of COPY text gathered before one write: a few hundred rows. */
const BATCH_BYTES = 256 * 1024;
/** A UTF-16 code unit never takes more than 3 bytes in UTF-8, so a line of n units fits in 3n bytes. */
const MAX_BYTES_PER_UNIT = 3;

/**
 * Sends COPY text lines to a pg-copy-streams stream in batches. That stream turns every write into its
 * own CopyData message and socket write, which with one write per row cost more CPU (in Node and in
 * PostgreSQL) than decoding the row. Lines are encoded straight into the batch's buffer: joining them
 * into one long string first made V8 flatten and re-encode it, a cost of its own.
 * Memory stays flat: one batch is filled while at most one is being sent, and when PostgreSQL falls
 * behind the caller waits for the socket to drain.
 */
export class CopyWriter {
  private buffer = Buffer.allocUnsafe(BATCH_BYTES);
  private used = 0;
  private readonly finished: Promise<unknown>;
  /** Why the COPY failed (a value PostgreSQL refused, the connection lost), once it has. */
  private failure: Error | undefined;

  constructor(private readonly copy: Writable) {
    this.finished = once(copy, 'finish');
    // A COPY that fails early (a value PostgreSQL refuses) rejects this before end() awaits it.
    this.finished.catch(() => undefined);
    // once() listens for one 'error' only; a lost connection can bring a second one (abort's CopyFail on a dead
    // socket), and an 'error' event nobody listens to ends the process.
    copy.on('error', (error: Error) => (this.failure ??= error));
  }

  /** Adds one line; when a promise comes back, await it before adding more (backpressure). */
  add(line: string): Promise<void> | undefined {
    // Writing on after the COPY failed would write to a connection pg-copy-streams has let go of.
    if (this.failure) throw this.failure;
    const bound = line.length * MAX_BYTES_PER_UNIT;
    if (bound <= this.buffer.length - this.used) {
      this.used += this.buffer.write(line, this.used);
      return undefined;
    }
    const sending = this.send();
    // A record may be larger than a batch (up to read-csv's record limit): it then gets a batch of its own size.
    if (bound > this.buffer.length) this.buffer = Buffer.allocUnsafe(bound);
    this.used = this.buffer.write(line, 0);
    return sending;
  }

  /** Sends what is left, ends the COPY and waits until PostgreSQL has taken every row. */
  async end(): Promise<void> {
    if (this.failure) throw this.failure;
    await this.send();
    this.copy.end();
    await this.finished;
  }

  /**
   * Gives up on the COPY when reading the file failed half-way (a broken quote, bytes that are not text).
   * pg-copy-streams then sends CopyFail, so the connection leaves COPY mode and the caller's rollback can
   * run; a COPY left open would keep every later query on the connection waiting forever.
   */
  async abort(reason: Error): Promise<void> {
    // A COPY that already failed has left COPY mode (or lost its connection): there is nothing to cancel.
    if (!this.failure && !this.copy.destroyed) this.copy.destroy(reason);
    await this.finished.catch(() => undefined);
  }

  private send(): Promise<void> | undefined {
    if (this.used === 0) return undefined;
    const batch = this.buffer.subarray(0, this.used);
    // The stream keeps the batch until the socket has taken it, so the next one needs a buffer of its own.
    this.buffer = Buffer.allocUnsafe(BATCH_BYTES);
    this.used = 0;
    return this.copy.write(batch) ? undefined : this.drained();
  }

  private async drained(): Promise<void> {
    // once() rejects should the COPY fail while we wait; a COPY that has already failed never drains.
    if (this.copy.destroyed) throw this.copy.errored ?? new Error('the COPY stream closed before all rows were sent');
    await once(this.copy, 'drain');
  }
}
