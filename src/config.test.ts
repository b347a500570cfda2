import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('config', () => {
  it('has defaults for a demo on localhost:3000', () => {
    const c = loadConfig({ DATA_DIR: '/tmp/kuemmerer-config-test' });
    expect(c.mode).toBe('demo');
    expect(c.port).toBe(3000);
    expect(c.host).toBe('localhost');
    expect(c.publicUrl.href).toBe('http://localhost:3000/');
    expect(c.databaseUrl).toBeNull();
    expect(c.secret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: '/tmp/kuemmerer-config-test' }).secret).toBe(c.secret);
  });
  it('refuses to start in production without a secret, and names bad values', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SECRET is required/);
    expect(() => loadConfig({ NODE_ENV: 'production', SECRET: 'short' })).toThrow(/at least 32/);
    expect(() => loadConfig({ NODE_ENV: 'test', PORT: 'achtzig' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', PORT: '70000' })).toThrow(/between 0 and 65535/);
    expect(() => loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
    expect(() => loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    const prod = loadConfig({ NODE_ENV: 'production', SECRET: 'x'.repeat(40), TRUST_PROXY: '10.0.0.1, 10.0.0.2' });
    expect(prod.defaultOrganization).toBeNull();
    expect(prod.trustProxy).toEqual(['10.0.0.1', '10.0.0.2']);
  });
});
