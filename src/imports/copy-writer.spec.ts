import { Writable } from 'node:stream';
import { CopyWriter } from './copy-writer';

/** Stands in for a pg-copy-streams COPY: records each write; `hold` keeps writes unacknowledged (a full socket). */
class FakeCopy extends Writable {
  readonly writes: Buffer[] = [];
  private held: Array<() => void> = [];
  hold = false;

  constructor() {
    super({ highWaterMark: 16 * 1024 });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.writes.push(chunk);
    if (this.hold) this.held.push(() => done());
    else done();
  }

  release(): void {
    this.hold = false;
    for (const done of this.held.splice(0)) done();
  }

  text(): string {
    return Buffer.concat(this.writes).toString('utf8');
  }
}

const line = (i: number) => `${i}\tสำนักงานจังหวัดระยอง\t1234.50\n`;

describe('CopyWriter', () => {
  it('sends many lines in few writes, byte for byte', async () => {
    const copy = new FakeCopy();
    const writer = new CopyWriter(copy);
    let expected = '';
    for (let i = 0; i < 20_000; i++) {
      expected += line(i);
      const wait = writer.add(line(i));
      if (wait) await wait;
    }
    await writer.end();
    expect(copy.text()).toBe(expected);
    expect(copy.writes.length).toBeLessThan(20);
  });

  it('sends a line longer than a batch whole', async () => {
    const copy = new FakeCopy();
    const writer = new CopyWriter(copy);
    const long = `1\t${'ก'.repeat(200_000)}\n`;
    await writer.add('0\tshort\n');
    await writer.add(long);
    await writer.add('2\tafter\n');
    await writer.end();
    expect(copy.text()).toBe(`0\tshort\n${long}2\tafter\n`);
  });

  it('makes the caller wait while the stream is full, and lets it go on once it drains', async () => {
    const copy = new FakeCopy();
    copy.hold = true;
    const writer = new CopyWriter(copy);
    let wait: Promise<void> | undefined;
    for (let i = 0; !wait; i++) wait = writer.add(line(i));
    let released = false;
    const waited = wait.then(() => expect(released).toBe(true));
    await new Promise((resolve) => setImmediate(resolve));
    released = true;
    copy.release();
    await waited;
    await writer.end();
  });

  it('ends the stream only after the last lines were written', async () => {
    const copy = new FakeCopy();
    const writer = new CopyWriter(copy);
    writer.add(line(1));
    expect(copy.writes).toHaveLength(0);
    await writer.end();
    expect(copy.writableFinished).toBe(true);
    expect(copy.text()).toBe(line(1));
  });

  it('rejects the wait and the end when the COPY fails, instead of waiting for a drain that never comes', async () => {
    const copy = new FakeCopy();
    copy.hold = true;
    const writer = new CopyWriter(copy);
    let wait: Promise<void> | undefined;
    for (let i = 0; !wait; i++) wait = writer.add(line(i));
    copy.destroy(new Error('invalid input syntax for type date'));
    await expect(wait).rejects.toThrow('invalid input syntax');
    await expect(writer.end()).rejects.toThrow('invalid input syntax');
  });

  it('abort() destroys the COPY so the connection leaves COPY mode', async () => {
    const copy = new FakeCopy();
    const writer = new CopyWriter(copy);
    writer.add(line(1));
    await writer.abort(new Error('row 9 opens a quote that is never closed'));
    expect(copy.destroyed).toBe(true);
    expect(copy.errored?.message).toBe('row 9 opens a quote that is never closed');
  });
});
