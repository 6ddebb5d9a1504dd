import { startTestApp, TestApp, TEST_ADMIN_TOKEN } from '../../test/support/test-app';
import { SqlDatabase } from '../database/sql-database';
import { ApiUsersService, InvalidUserError } from './api-users.service';

describe('ApiUsersService (PostgreSQL)', () => {
  let t: TestApp;
  let users: ApiUsersService;
  beforeAll(async () => {
    t = await startTestApp();
    users = t.app.get(ApiUsersService);
  });
  afterAll(() => t.close());

  it('stores an argon2id hash and a public prefix, never the token', async () => {
    const { user, token } = await users.create({ name: 'finance officer', role: 'finance' });
    const [row] = await t.app.get(SqlDatabase).query('select token_prefix, token_hash from api_users where id = $1', [user.id]);
    expect(token.startsWith(`ar_${row.token_prefix}_`)).toBe(true);
    expect(row.token_hash).toMatch(/^\$argon2id\$v=19\$/);
    const everything = JSON.stringify(await t.app.get(SqlDatabase).query('select * from api_users'));
    expect(everything).not.toContain(token.split('_').pop());
  });

  it('authenticates its tokens, refuses altered ones, and binds agency users to their agency', async () => {
    await t.app.get(SqlDatabase).query(`insert into agencies (code, name) values ('00101', 'สำนักงานจังหวัดทดสอบ')`);
    const { token } = await users.create({ name: 'agency officer', role: 'agency', agencyCode: '00101' });
    expect(await users.authenticate(token)).toMatchObject({ role: 'agency', agencyCode: '00101' });
    const altered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(await users.authenticate(altered)).toBeUndefined();
    expect(await users.authenticate(TEST_ADMIN_TOKEN)).toMatchObject({ role: 'admin', userId: null });
    await expect(users.create({ name: 'x', role: 'agency' })).rejects.toThrow('agency code');
    await expect(users.create({ name: 'x', role: 'viewer', agencyCode: '00101' })).rejects.toThrow('only agency users');
  });

  it('refuses to bind an agency user to an agency code that does not exist, and creates nothing', async () => {
    const before = await users.list();
    await expect(users.create({ name: 'x', role: 'agency', agencyCode: '99999' })).rejects.toThrow(InvalidUserError);
    await expect(users.create({ name: 'x', role: 'agency', agencyCode: '99999' })).rejects.toThrow('no agency with code 99999');
    expect(await users.list()).toHaveLength(before.length);
  });

  it('stops accepting a revoked token at once, even one it had just verified', async () => {
    const { user, token } = await users.create({ name: 'leaving auditor', role: 'auditor' });
    expect(await users.authenticate(token)).toBeDefined();
    expect(await users.revoke(user.id)).toBe(true);
    expect(await users.authenticate(token)).toBeUndefined();
    expect(await users.revoke(user.id)).toBe(false);
  });

  it('verifies a token once for many concurrent requests (a script burst after the cache expired)', async () => {
    const { token } = await users.create({ name: 'busy script', role: 'viewer' });
    // A spy that counts the real verifications; argon2 itself still runs.
    const verify = jest.spyOn(require('argon2') as typeof import('argon2'), 'verify');
    try {
      const principals = await Promise.all(Array.from({ length: 20 }, () => users.authenticate(token)));
      expect(principals.every((p) => p?.role === 'viewer')).toBe(true);
      expect(verify).toHaveBeenCalledTimes(1);
    } finally {
      verify.mockRestore();
    }
  });
});
