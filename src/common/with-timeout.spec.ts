import { withTimeout } from './with-timeout';

describe('withTimeout', () => {
  it('passes a result through when it comes in time', async () => {
    await expect(withTimeout(Promise.resolve(42), 1000)).resolves.toBe(42);
  });

  it('rejects with the given message when it does not', async () => {
    await expect(withTimeout(new Promise(() => undefined), 10, 'too slow')).rejects.toThrow('too slow');
  });
});
