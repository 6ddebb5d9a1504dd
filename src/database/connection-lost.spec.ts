import { asDatabaseError, DatabaseUnavailableError, isConnectionLost } from './connection-lost';

describe('isConnectionLost', () => {
  it('knows a terminated backend, a dropped socket and pg messages, whichever realm made the error', () => {
    expect(isConnectionLost(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    // What a socket reports: a plain object from another realm fails `instanceof Error`, and must still count.
    expect(isConnectionLost({ code: 'EPIPE', message: 'write EPIPE' })).toBe(true);
    expect(isConnectionLost(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('looks through the errors a lost connection was wrapped in (a rule, a run)', () => {
    const lost = Object.assign(new Error('server closed'), { code: '08006' });
    const rule = new Error('rule single-bidder failed: server closed', { cause: lost });
    expect(isConnectionLost(new Error('risk run 4 failed', { cause: rule }))).toBe(true);
  });

  it('leaves every other error alone', () => {
    const syntax = Object.assign(new Error('relation "complaints" does not exist'), { code: '42P01' });
    expect(isConnectionLost(syntax)).toBe(false);
    expect(isConnectionLost(new Error('wrapped', { cause: syntax }))).toBe(false);
    expect(asDatabaseError(syntax)).toBe(syntax);
    expect(asDatabaseError({ code: 'ECONNRESET', message: 'read ECONNRESET' })).toBeInstanceOf(DatabaseUnavailableError);
  });
});
