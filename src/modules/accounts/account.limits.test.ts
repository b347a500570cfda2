import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, createTestApp, latestMailLink, type TestApp } from '../../../test/helpers/app';
import { createStaff } from '../../../test/helpers/factories';
import { appBehindProxy, counter, expectLimited, spend } from '../../../test/helpers/rate-limits';
import type { Limit } from '../../platform/http/rate-limit';
import { hashToken } from '../../platform/security/tokens';
import { LIMITS } from './account.limits';
import { totpAt } from './totp';

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
  /** Limited per account from whichever address (the staff login is not: see its own tests below). */
  account?: Limit;
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
    send: (c, email, headers = {}) => c.post('/verwaltung/anmelden', { email, password: 'falsch falsch falsch' }, { headers }),
    ok: 401,
    email: () => staffEmail,
  },
];

for (const e of endpoints) {
  describe(`${e.name}`, () => {
    // Staff tests share one account: each test starts with its account counter at zero.
    beforeEach(() => spend(t.db, LIMITS.loginAccount, hashToken(staffEmail), 0));

    it('is limited per IP: 429 with Retry-After, other addresses unaffected', async () => {
      const ip = `198.51.100.${100 + ++seq}`;
      await spend(t.db, e.ip, ip, e.ip.max - 1);
      expect((await e.send(new Client(t, ip), e.email())).statusCode).toBe(e.ok);
      const limited = await e.send(new Client(t, ip), e.email());
      expectLimited(limited, e.ip.windowSeconds);
      expect(limited.body).toContain('Zu viele Versuche');
      expect((await e.send(new Client(t, `198.51.100.${100 + ++seq}`), e.email())).statusCode).toBe(e.ok);
    });

    const account = e.account;
    if (account)
      it('is limited per account, from whichever IP', async () => {
        const email = e.email();
        await spend(t.db, account, hashToken(email), account.max - 1);
        expect((await e.send(new Client(t, `192.0.2.${++seq}`), email)).statusCode).toBe(e.ok);
        expectLimited(await e.send(new Client(t, `192.0.2.${++seq}`), email), account.windowSeconds);
        // The address as typed is the same account.
        expectLimited(await e.send(new Client(t, `192.0.2.${++seq}`), ` ${email.toUpperCase()} `), account.windowSeconds);
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

describe('staff login lock: per account and source, never a lock-out of the owner', () => {
  const wrong = (ip: string, email: string) => new Client(t, ip).post('/verwaltung/anmelden', { email, password: 'falsch falsch falsch' });
  const signIn = async (c: Client, email: string, password: string, totpSecret: string) => {
    const step1 = await c.post('/verwaltung/anmelden', { email, password });
    expect(step1.statusCode).toBe(200);
    expect(step1.body).toContain('Bestätigungscode');
    // The next 30-second step: a code may be used only once.
    const done = await c.post('/verwaltung/anmelden/code', { code: totpAt(totpSecret, Date.now() + 30_000) });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/verwaltung');
  };

  it('locks the address that guesses after ten attempts; the owner signs in from elsewhere', async () => {
    const owner = await createStaff(t.db, t.config.secret, t.org.id, 'admin');
    const attacker = `198.51.100.${200 + ++seq}`;
    for (let i = 0; i < LIMITS.loginSource.max; i++) expect((await wrong(attacker, owner.email)).statusCode).toBe(401);
    const locked = await wrong(attacker, owner.email);
    expectLimited(locked, LIMITS.loginSource.windowSeconds);
    // The form again, with the way out: the reset by mail.
    expect(locked.body).toContain('Zu viele Versuche');
    expect(locked.body).toContain('href="/verwaltung/passwort-vergessen"');
    // Locked even with the right password: a locked source learns nothing.
    expectLimited(
      await new Client(t, attacker).post('/verwaltung/anmelden', { email: owner.email, password: owner.password }),
      LIMITS.loginSource.windowSeconds,
    );
    // Other accounts from the same address are not locked by it.
    const colleague = await createStaff(t.db, t.config.secret, t.org.id, 'moderator');
    expect((await wrong(attacker, colleague.email)).statusCode).toBe(401);

    await signIn(new Client(t, `192.0.2.${200 + ++seq}`), owner.email, owner.password, owner.totpSecret);
  });

  it('locks an IPv6 source per /64', async () => {
    const owner = await createStaff(t.db, t.config.secret, t.org.id, 'moderator');
    const net = `2001:db8:77:${++seq}`;
    await spend(t.db, LIMITS.loginSource, `${net}::/64:${hashToken(owner.email)}`);
    expectLimited(await wrong(`${net}::1`, owner.email), LIMITS.loginSource.windowSeconds);
    expectLimited(await wrong(`${net}:a:b:c:d`, owner.email), LIMITS.loginSource.windowSeconds);
    expect((await wrong(`2001:db8:78:${seq}::1`, owner.email)).statusCode).toBe(401);
  });

  it('slows guessing from many addresses to one attempt per half minute, without locking', async () => {
    const owner = await createStaff(t.db, t.config.secret, t.org.id, 'moderator');
    const account = hashToken(owner.email);
    // A botnet has spent the account's share for the hour, each address under its own lock.
    await spend(t.db, LIMITS.loginAccount, account);
    expect((await wrong(`203.0.113.${100 + ++seq}`, owner.email)).statusCode).toBe(401);
    const slowed = await wrong(`203.0.113.${100 + ++seq}`, owner.email);
    expect(expectLimited(slowed, LIMITS.loginSlow.windowSeconds)).toBeLessThanOrEqual(30);
    expect(slowed.body).toContain('href="/verwaltung/passwort-vergessen"');
    // Half a minute later the next attempt is checked again: slowed, not stopped.
    await t.db
      .updateTable('rate_limits')
      .set({ window_start: new Date(Date.now() - 31_000) })
      .where('key', '=', `${LIMITS.loginSlow.name}:${account}`)
      .execute();
    expect((await wrong(`203.0.113.${100 + ++seq}`, owner.email)).statusCode).toBe(401);
  });

  it('lets the owner reset the password while locked, and the reset lifts the lock for them', async () => {
    const owner = await createStaff(t.db, t.config.secret, t.org.id, 'admin');
    const account = hashToken(owner.email);
    const home = `192.0.2.${200 + ++seq}`;
    const attacker = `198.51.100.${200 + ++seq}`;
    await spend(t.db, LIMITS.loginSource, `${home}:${account}`);
    await spend(t.db, LIMITS.loginSource, `${attacker}:${account}`);
    await spend(t.db, LIMITS.loginAccount, account);
    await spend(t.db, LIMITS.loginSlow, account);
    const c = new Client(t, home);
    expectLimited(await c.post('/verwaltung/anmelden', { email: owner.email, password: owner.password }), LIMITS.loginSource.windowSeconds);

    expect((await c.post('/verwaltung/passwort-vergessen', { email: owner.email })).statusCode).toBe(200);
    const link = new URL(await latestMailLink(t.db, owner.email, /http:\/\/localhost\/verwaltung\/passwort\/[A-Za-z0-9_-]+/)).pathname;
    const password = 'Ein neues Passwort nach der Sperre';
    const reset = await c.post(link, { password, code: totpAt(owner.totpSecret, Date.now()) });
    expect(reset.statusCode).toBe(303);

    await signIn(c, owner.email, password, owner.totpSecret);
    // The guessing address stays locked.
    expectLimited(await wrong(attacker, owner.email), LIMITS.loginSource.windowSeconds);
  });
});
