import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, latestMailLink, type TestApp } from '../../../test/helpers/app';
import { createStaff } from '../../../test/helpers/factories';
import { totpAt } from './totp';

// The audit's open redirect: /anmelden?return=%2F%09%2Fevil.example, and after the magic link the answer was
// "303 Location: /\t/evil.example", which browsers read as //evil.example. Every return target goes through
// safeReturnPath (platform/http/form.ts, where the table of hostile inputs is); these follow it end to end.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// (A NUL is refused with a 400 before any of this; it is in the unit table.)
const HOSTILE = ['/\t/evil.example', '/\t\\evil.example', '/\n/evil.example', ' //evil.example', '/.//evil.example', '/a/..//evil.example'];

/** The sign-in form of a page (not the language switch, whose return field is the page's own address). */
function signInForm(html: string): string {
  return html.match(/<form method="post" action="\/anmelden"[\s\S]*?<\/form>/)?.[0] ?? '';
}

describe('return target after sign-in', () => {
  it.each(HOSTILE)('the magic link for return=%j leads to the account, not to another host', async (target) => {
    const c = new Client(t);
    const email = `ziel-${HOSTILE.indexOf(target)}@example.de`;
    // As the audit did it: the target in the sign-in page's address, carried by its hidden field.
    const page = await c.get(`/anmelden?return=${encodeURIComponent(target)}`);
    expect(page.statusCode).toBe(200);
    expect(signInForm(page.body)).toContain('name="return" value/>');
    const res = await c.post('/anmelden', { email, return: target });
    expect(res.statusCode).toBe(200);
    const path = new URL(await latestMailLink(t.db, email, /http:\/\/localhost\/anmelden\/link\/[A-Za-z0-9_-]+/)).pathname;
    const done = await c.post(path);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/konto');
  });

  it('keeps a return target on this site, as the browser will read it', async () => {
    const c = new Client(t);
    await c.post('/anmelden', { email: 'heimweg@example.de', return: '/meldungen/7?ansicht=karte' });
    const path = new URL(await latestMailLink(t.db, 'heimweg@example.de', /http:\/\/localhost\/anmelden\/link\/[A-Za-z0-9_-]+/)).pathname;
    expect((await c.post(path)).headers.location).toBe('/meldungen/7?ansicht=karte');
  });

  it('sends staff back into the back office only, whatever the return field says', async () => {
    for (const target of ['/verwaltung/..//evil.example', '/verwaltung\t/../\t/evil.example', '/\t/evil.example']) {
      // One account each: a TOTP code counts once.
      const staff = await createStaff(t.db, t.config.secret, t.org.id, 'admin');
      const c = new Client(t, `198.51.100.${HOSTILE.length + target.length}`);
      const step1 = await c.post('/verwaltung/anmelden', { email: staff.email, password: staff.password, return: target });
      expect(step1.statusCode).toBe(200);
      expect(step1.body).not.toContain('evil.example');
      const done = await c.post('/verwaltung/anmelden/code', { code: totpAt(staff.totpSecret, Date.now()), return: target });
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toBe('/verwaltung');
      await t.db.deleteFrom('rate_limits').execute();
    }
  });
});
