import { startTestApp, TestApp, TEST_ADMIN_TOKEN } from '../../test/support/test-app';
import { SqlDatabase } from '../database/sql-database';
import { ApiUsersService } from './api-users.service';

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
    const { token } = await users.create({ name: 'agency officer', role: 'agency', agencyCode: '00101' });
    expect(await users.authenticate(token)).toMatchObject({ role: 'agency', agencyCode: '00101' });
    const altered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(await users.authenticate(altered)).toBeUndefined();
    expect(await users.authenticate(TEST_ADMIN_TOKEN)).toMatchObject({ role: 'admin', userId: null });
    await expect(users.create({ name: 'x', role: 'agency' })).rejects.toThrow('agency code');
    await expect(users.create({ name: 'x', role: 'viewer', agencyCode: '00101' })).rejects.toThrow('only agency users');
  });

  it('stops accepting a revoked token at once, even one it had just verified', async () => {
    const { user, token } = await users.create({ name: 'leaving auditor', role: 'auditor' });
    expect(await users.authenticate(token)).toBeDefined();
    expect(await users.revoke(user.id)).toBe(true);
    expect(await users.authenticate(token)).toBeUndefined();
    expect(await users.revoke(user.id)).toBe(false);
  });
});
