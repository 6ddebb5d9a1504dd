import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies the contract defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: undefined,
      port: 3000,
      migrateOnStart: true,
      loadDemoData: true,
      logLevel: 'info',
      adminToken: undefined,
    });
    expect(config.dataDir).toMatch(/\/\.data$/);
    expect(config.rulesDir).toMatch(/\/rules$/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ databaseUrl: undefined, port: 3000 });
  });

  it('reads typed values', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/audit',
      PORT: '8080',
      MIGRATE_ON_START: 'false',
      ADMIN_TOKEN: 'a-long-enough-admin-token',
      IMPORT_MAX_MB: '2',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u:p@db:5432/audit',
      port: 8080,
      migrateOnStart: false,
      adminToken: 'a-long-enough-admin-token',
      importMaxBytes: 2 * 1024 * 1024,
    });
  });

  it('stops with one line per bad variable, naming it and what is wrong', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty', MIGRATE_ON_START: 'maybe', ADMIN_TOKEN: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(message).toMatch(/PORT: /);
    expect(message).toMatch(/MIGRATE_ON_START: must be true or false/);
    expect(message).toMatch(/ADMIN_TOKEN: must be at least 16 characters/);
  });

  describe('TRUST_PROXY', () => {
    it('trusts no proxy by default, so X-Forwarded-For is never believed', () => {
      expect(loadConfig({}).trustProxy).toBe(false);
      expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    });

    it('takes named ranges, addresses and CIDR ranges, or a hop count', () => {
      expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
      expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8 ,fd00::/8,192.168.1.10' }).trustProxy).toEqual([
        'loopback',
        '10.0.0.0/8',
        'fd00::/8',
        '192.168.1.10',
      ]);
      expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    });

    it('refuses "true" (any client could claim any address) and what is not an address, naming the variable', () => {
      expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: name the proxies/);
      expect(() => loadConfig({ TRUST_PROXY: 'loopback,proxy.example' })).toThrow(/TRUST_PROXY: not an address.*"proxy\.example"/);
      expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY: not an address/);
      expect(() => loadConfig({ TRUST_PROXY: '500' })).toThrow(/TRUST_PROXY: a hop count/);
    });
  });
});
