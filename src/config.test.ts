import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, TEST_SECRET, weakSecretReason } from './config';

const GOOD_SECRET = 'q5pX2VdLr0wQm8HkYt3ZsNa7JcBf9GeU1oRi6yTw4Kv';

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
    const prod = loadConfig({ NODE_ENV: 'production', SECRET: GOOD_SECRET, TRUST_PROXY: '10.0.0.1, 10.0.0.2' });
    expect(prod.defaultOrganization).toBeNull();
    expect(prod.trustProxy).toEqual(['10.0.0.1', '10.0.0.2']);
  });

  // Secrets anyone can read in the source (the test secret; the benches' and crash tests' are built the same way),
  // and values typed by hand: each would let a reader of the code forge sessions, CSRF tokens and links.
  it.each([
    ['the test secret', TEST_SECRET, /test secret published in the source/],
    ['a secret like those in the benches', 'bench-secret-bench-secret-bench-secret-0001', /repeats "bench-se"/],
    ["a secret like the crash test's", 'crash-test-secret-crash-test-secret-0000', /repeats "crash-te"/],
    ['one letter repeated', 'x'.repeat(40), /repeats "xxxxxxxx"/],
    ['a short secret', 'kurz-aber-zufaellig-9f3a', /at least 32 characters/],
    ['few different characters', '0123456780123456781234567823456780', /repeats|fewer than 10 different/],
    ['few different characters, no repeat', 'aabbaabbccaaccbbaaccbbccaaccbbaacbabc', /repeats|fewer than 10 different/],
  ])('refuses %s in production, and says how to make a good one', (_label, secret, reason) => {
    const start = () => loadConfig({ NODE_ENV: 'production', SECRET: secret });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(reason);
    if (secret.length >= 32) expect(start).toThrow(/openssl rand -base64 48/);
  });

  it('takes a random secret in production (openssl rand -base64 48, or -hex 32), and any in test and demo mode', () => {
    for (let i = 0; i < 200; i++) {
      expect(weakSecretReason(randomBytes(48).toString('base64'))).toBeNull();
      expect(weakSecretReason(randomBytes(32).toString('hex'))).toBeNull();
    }
    expect(loadConfig({ NODE_ENV: 'production', SECRET: GOOD_SECRET }).secret).toBe(GOOD_SECRET);
    expect(loadConfig({ NODE_ENV: 'test' }).secret).toBe(TEST_SECRET);
    expect(loadConfig({ NODE_ENV: 'test', SECRET: 'x'.repeat(40) }).secret).toBe('x'.repeat(40));
  });

  it('has no developer mailbox from any environment: only the demo command turns it on (main.ts)', () => {
    for (const NODE_ENV of ['production', 'test', undefined]) {
      expect(loadConfig({ NODE_ENV, SECRET: GOOD_SECRET, DATA_DIR: '/tmp/kuemmerer-config-test', DEV_MAILBOX: 'true' }).devMailbox).toBe(false);
    }
  });

  it('reads the intranet hosts Open311 forwarding may reach, and names a typo in them', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).outboundAllowedPrivateHosts).toEqual([]);
    const c = loadConfig({ NODE_ENV: 'test', OUTBOUND_ALLOWED_PRIVATE_HOSTS: 'Fachverfahren.Stadt.Intern, 10.20.30.40 ,[fd00::5]' });
    expect(c.outboundAllowedPrivateHosts).toEqual(['fachverfahren.stadt.intern', '10.20.30.40', 'fd00::5']);
    expect(() => loadConfig({ NODE_ENV: 'test', OUTBOUND_ALLOWED_PRIVATE_HOSTS: 'https://fachverfahren.stadt.intern/v2' })).toThrow(
      /OUTBOUND_ALLOWED_PRIVATE_HOSTS/,
    );
    expect(() => loadConfig({ NODE_ENV: 'test', OUTBOUND_ALLOWED_PRIVATE_HOSTS: 'fach verfahren' })).toThrow(/OUTBOUND_ALLOWED_PRIVATE_HOSTS/);
  });
});
