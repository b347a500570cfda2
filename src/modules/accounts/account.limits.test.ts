import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createStaff } from '../../../test/helpers/factories';
import { appBehindProxy, counter, expectLimited, spend } from '../../../test/helpers/rate-limits';
import type { Limit } from '../../platform/http/rate-limit';
import { hashToken } from '../../platform/security/tokens';
import { LIMITS } from './account.limits';

// Sign-in under abuse: magic links and staff logins are limited per IP (IPv6 per /64) and per account, answer
// 429 with Retry-After, and a made-up X-Forwarded-For only counts when it came through a trusted proxy.

let t: TestApp;
let staffEmail: string;
beforeAll(async () => {
  t = await createTestApp();
  staffEmail = (await createStaff(t.db, t.config.secret, t.org.id, 'moderator')).email;
});
afterAll(() => t.close());

let seq = 0;
interface Endpoint {
  name: string;
  ip: Limit;
  account: Limit;
  /** One attempt; `email` is the account it counts against. */
  send(c: Client, email: string, headers?: Record<string, string>): ReturnType<Client['post']>;
  /** What an attempt under the limit answers. */
  ok: number;
  email(): string;
}

const endpoints: Endpoint[] = [
  {
    name: 'magic link',
    ip: LIMITS.magicLinkIp,
    account: LIMITS.magicLinkEmail,
    send: (c, email, headers = {}) => c.post('/anmelden', { email }, { headers }),
    ok: 200,
    email: () => `link-${++seq}@example.de`,
  },
  {
    name: 'staff login',
    ip: LIMITS.loginIp,
    account: LIMITS.loginAccount,
    send: (c, email, headers = {}) => c.post('/verwaltung/anmelden', { email, password: 'falsch falsch falsch' }, { headers }),
    ok: 401,
    email: () => staffEmail,
  },
];

for (const e of endpoints) {
  describe(`${e.name}`, () => {
    // Staff tests share one account: each test starts with its account counter at zero.
    beforeEach(() => spend(t.db, e.account, hashToken(staffEmail), 0));

    it('is limited per IP: 429 with Retry-After, other addresses unaffected', async () => {
      const ip = `198.51.100.${100 + ++seq}`;
      await spend(t.db, e.ip, ip, e.ip.max - 1);
      expect((await e.send(new Client(t, ip), e.email())).statusCode).toBe(e.ok);
      const limited = await e.send(new Client(t, ip), e.email());
      expectLimited(limited, e.ip.windowSeconds);
      expect(limited.body).toContain('Zu viele Versuche');
      expect((await e.send(new Client(t, `198.51.100.${100 + ++seq}`), e.email())).statusCode).toBe(e.ok);
    });

    it('is limited per account, from whichever IP', async () => {
      const email = e.email();
      await spend(t.db, e.account, hashToken(email), e.account.max - 1);
      expect((await e.send(new Client(t, `192.0.2.${++seq}`), email)).statusCode).toBe(e.ok);
      expectLimited(await e.send(new Client(t, `192.0.2.${++seq}`), email), e.account.windowSeconds);
      // The address as typed is the same account.
      expectLimited(await e.send(new Client(t, `192.0.2.${++seq}`), ` ${email.toUpperCase()} `), e.account.windowSeconds);
    });

    it('ignores a made-up X-Forwarded-For without TRUST_PROXY', async () => {
      const ip = `198.51.100.${100 + ++seq}`;
      await spend(t.db, e.ip, ip, e.ip.max - 1);
      const c = new Client(t, ip);
      expect((await e.send(c, e.email(), { 'x-forwarded-for': '192.0.2.201' })).statusCode).toBe(e.ok);
      expectLimited(await e.send(c, e.email(), { 'x-forwarded-for': '192.0.2.202' }), e.ip.windowSeconds);
      expect(await counter(t.db, e.ip, '192.0.2.201')).toBeUndefined();
    });

    it('behind a trusted proxy counts the forwarded address, and ignores the header from anyone else', async () => {
      const proxied = await appBehindProxy(t, '10.0.0.1, 10.0.0.2');
      try {
        const via = (ip: string) => new Client({ ...t, app: proxied }, ip);
        const client = `203.0.113.${++seq}`;
        await spend(t.db, e.ip, client);
        expectLimited(await e.send(via('10.0.0.1'), e.email(), { 'x-forwarded-for': client }), e.ip.windowSeconds);
        // Two proxies in a row, and a forged entry the client wrote first.
        expectLimited(await e.send(via('10.0.0.2'), e.email(), { 'x-forwarded-for': `192.0.2.250, ${client}, 10.0.0.1` }), e.ip.windowSeconds);
        const other = `203.0.113.${++seq}`;
        expect((await e.send(via('10.0.0.1'), e.email(), { 'x-forwarded-for': other })).statusCode).toBe(e.ok);
        expect(await counter(t.db, e.ip, other)).toBe(1);
        expect(await counter(t.db, e.ip, '10.0.0.1')).toBeUndefined();
        const stranger = `198.51.100.${100 + ++seq}`;
        expect((await e.send(via(stranger), e.email(), { 'x-forwarded-for': client })).statusCode).toBe(e.ok);
        expect(await counter(t.db, e.ip, stranger)).toBe(1);
      } finally {
        await proxied.close();
      }
    });

    it('counts IPv6 per /64', async () => {
      const net = `2001:db8:${++seq}:1`;
      await spend(t.db, e.ip, `${net}::/64`);
      expectLimited(await e.send(new Client(t, `${net}::1`), e.email()), e.ip.windowSeconds);
      expectLimited(await e.send(new Client(t, `${net}:1:2:3:4`), e.email()), e.ip.windowSeconds);
      expect((await e.send(new Client(t, `2001:db8:${seq}:2::1`), e.email())).statusCode).toBe(e.ok);
    });
  });
}

describe('TRUST_PROXY=true believes any X-Forwarded-For', () => {
  it('but text that is no address cannot open a new counter per request', async () => {
    const proxied = await appBehindProxy(t, 'true');
    try {
      const c = new Client({ ...t, app: proxied }, '10.9.9.9');
      await spend(t.db, LIMITS.magicLinkIp, 'not-an-ip');
      for (const junk of ['a', 'b', 'x-1'])
        expectLimited(
          await c.post('/anmelden', { email: `junk-${junk}@example.de` }, { headers: { 'x-forwarded-for': junk } }),
          LIMITS.magicLinkIp.windowSeconds,
        );
    } finally {
      await proxied.close();
    }
  });
});
