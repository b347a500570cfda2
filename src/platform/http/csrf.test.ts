import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, latestMailLink, type TestApp } from '../../../test/helpers/app';
import { createResident } from '../../../test/helpers/factories';
import { CSRF_COOKIE, csrfTokenFor } from './csrf';

// The CSRF cookie and token: `__Host-` on https, and bound to the session, so that a cookie someone managed to
// plant (and the anonymous token that goes with it) is worth nothing once the person is signed in.

let t: TestApp;
let secure: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  secure = await createTestApp({ PUBLIC_URL: 'https://kuemmerer.example' });
});
afterAll(async () => {
  await t.close();
  await secure.close();
});

type SetCookie = { name: string; value: string; secure?: boolean; path?: string; domain?: string; httpOnly?: boolean };

const tokenIn = (html: string) => html.match(/name="_csrf" value="([^"]+)"/)?.[1];

describe('CSRF cookie on https', () => {
  it('is a __Host- cookie: Secure, Path=/, no Domain', async () => {
    const res = await secure.app.inject({ url: '/anmelden', headers: { host: 'localhost' } });
    const cookies = res.cookies as SetCookie[];
    const csrf = cookies.find((c) => c.name === `__Host-${CSRF_COOKIE}`);
    expect(csrf).toBeDefined();
    expect(csrf).toMatchObject({ secure: true, path: '/', httpOnly: true });
    expect(csrf?.domain).toBeUndefined();
    expect(cookies.find((c) => c.name === CSRF_COOKIE)).toBeUndefined();
    expect(tokenIn(res.body)).toBe(csrfTokenFor(secure.config.secret, csrf!.value));
  });

  it('accepts the token with its __Host- cookie, and not with a plain cookie of the same value (which a subdomain could set)', async () => {
    const form = (cookies: Record<string, string>) =>
      secure.app.inject({
        method: 'POST',
        url: '/anmelden',
        headers: { host: 'localhost', 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrfTokenFor(secure.config.secret, 'planted'), email: 'a@example.de' }).toString(),
        cookies,
      });
    expect((await form({ [`__Host-${CSRF_COOKIE}`]: 'planted' })).statusCode).toBe(200);
    expect((await form({ [CSRF_COOKIE]: 'planted' })).statusCode).toBe(403);
  });

  it('stays a plain cookie on http, where browsers refuse __Host- cookies', async () => {
    const res = await t.app.inject({ url: '/anmelden', headers: { host: 'localhost' } });
    const csrf = (res.cookies as SetCookie[]).find((c) => c.name === CSRF_COOKIE);
    expect(csrf?.secure).toBeFalsy();
  });
});

describe('CSRF token bound to the session', () => {
  it('keeps anonymous forms working, and a token from before sign-in does not work after it', async () => {
    const c = new Client(t, '192.0.2.80');
    const before = tokenIn((await c.get('/anmelden')).body)!;
    expect(before).toBe(c.csrf);
    // An anonymous form with the token of its page.
    expect((await c.post('/anmelden', { email: 'bindung@example.de', _csrf: before }, { csrf: false })).statusCode).toBe(200);
    const plantedCookie = c.cookies.get(CSRF_COOKIE);

    const link = new URL(await latestMailLink(t.db, 'bindung@example.de', /http:\/\/localhost\/anmelden\/link\/[A-Za-z0-9_-]+/)).pathname;
    const signIn = await c.post(link);
    expect(signIn.statusCode).toBe(303);
    // The sign-in gives a new CSRF cookie.
    const rotated = (signIn.cookies as SetCookie[]).find((x) => x.name === CSRF_COOKIE);
    expect(rotated?.value).toBeDefined();
    expect(rotated?.value).not.toBe(plantedCookie);

    const save = (token: string, cookies: Record<string, string> = {}) =>
      c.request({
        method: 'POST',
        url: '/konto',
        payload: new URLSearchParams({ _csrf: token, displayName: 'Erika' }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        cookies,
      });
    expect((await save(before)).statusCode).toBe(403);
    // Even if the browser kept the cookie from before (one an attacker planted and knows the token of).
    expect((await save(before, { [CSRF_COOKIE]: plantedCookie! })).statusCode).toBe(403);
    const fresh = tokenIn((await c.get('/konto')).body)!;
    expect(fresh).not.toBe(before);
    expect((await save(fresh)).statusCode).toBe(303);
  });

  it('does not accept the token of one session in another, even with the same CSRF cookie', async () => {
    const a = new Client(t, '192.0.2.81');
    const b = new Client(t, '192.0.2.82');
    await a.signInAs((await createResident(t.db, t.org.id)).id, 'resident');
    await b.signInAs((await createResident(t.db, t.org.id)).id, 'resident');
    expect(a.cookies.get(CSRF_COOKIE)).toBe(b.cookies.get(CSRF_COOKIE));
    const tokenOfA = tokenIn((await a.get('/konto')).body)!;
    expect((await b.post('/konto', { displayName: 'B', _csrf: tokenOfA }, { csrf: false })).statusCode).toBe(403);
    expect((await b.post('/konto', { displayName: 'B' })).statusCode).toBe(303);
  });
});
