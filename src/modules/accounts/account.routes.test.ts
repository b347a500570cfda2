import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, latestMailLink, type TestApp } from '../../../test/helpers/app';
import { createResident, createStaff } from '../../../test/helpers/factories';
import { createStaffAccount } from './account.service';
import { totpAt } from './totp';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const magicLink = /http:\/\/localhost\/anmelden\/link\/[A-Za-z0-9_-]+/;

async function staffLogin(c: Client, email: string, password: string, secret: string, when = Date.now()) {
  const step1 = await c.post('/verwaltung/anmelden', { email, password });
  expect(step1.statusCode).toBe(200);
  expect(step1.body).toContain('Bestätigungscode');
  return c.post('/verwaltung/anmelden/code', { code: totpAt(secret, when) });
}

describe('resident sign-in by magic link', () => {
  it('mails a single-use link, confirms by POST, and starts a session with a new id', async () => {
    const c = new Client(t);
    const res = await c.post('/anmelden', { email: 'Erika@Example.DE', return: '/impressum' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('erika@example.de');
    const link = await latestMailLink(t.db, 'erika@example.de', magicLink);
    const path = new URL(link).pathname;

    const confirm = await c.get(path);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Jetzt anmelden');
    expect(c.cookies.has('k_session')).toBe(false);

    c.cookies.set('k_session', 'planted-by-an-attacker');
    const done = await c.post(path);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/impressum');
    const session = c.cookies.get('k_session');
    expect(session).toBeDefined();
    expect(session).not.toBe('planted-by-an-attacker');
    const cookie = (done.cookies as Array<{ name: string; httpOnly?: boolean; sameSite?: string }>).find((x) => x.name === 'k_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect((await c.get('/konto')).body).toContain('erika@example.de');

    const again = await new Client(t).post(path);
    expect(again.statusCode).toBe(410);
  });

  it('refuses an expired link', async () => {
    const c = new Client(t);
    await c.post('/anmelden', { email: 'spaet@example.de' });
    const path = new URL(await latestMailLink(t.db, 'spaet@example.de', magicLink)).pathname;
    await t.db.updateTable('login_tokens').set({ expires_at: sql`now() - interval '1 second'` }).where('email', '=', 'spaet@example.de').execute();
    expect((await c.get(path)).statusCode).toBe(410);
    expect((await c.post(path)).statusCode).toBe(410);
  });

  it('answers the same for known and unknown addresses', async () => {
    await createResident(t.db, t.org.id, 'bekannt@example.de');
    const known = await new Client(t, '198.51.100.1').post('/anmelden', { email: 'bekannt@example.de' });
    const unknown = await new Client(t, '198.51.100.2').post('/anmelden', { email: 'unbekannt@example.de' });
    expect(known.statusCode).toBe(unknown.statusCode);
    const strip = (s: string) => s.replace(/(bekannt|unbekannt)@example\.de/g, 'X');
    expect(strip(known.body)).toBe(strip(unknown.body));
  });

  it('keeps the input and marks the field on a bad address', async () => {
    const res = await new Client(t).post('/anmelden', { email: 'kein-at-zeichen<b>' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('k-error-summary');
    expect(res.body).toContain('href="#f-email"');
    expect(res.body).toContain('value="kein-at-zeichen&lt;b>"');
    expect(res.body).toContain('aria-invalid="true"');
  });

  it('limits magic links per address and per IP with 429 and Retry-After', async () => {
    let last = await new Client(t, '198.51.100.50').post('/anmelden', { email: 'viel@example.de' });
    for (let i = 0; i < 5; i++) last = await new Client(t, `198.51.100.${60 + i}`).post('/anmelden', { email: 'viel@example.de' });
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);

    const sameNet = Array.from({ length: 11 }, (_, i) => new Client(t, `2001:db8:1:2::${i + 1}`));
    const results = [];
    for (const [i, c] of sameNet.entries()) results.push((await c.post('/anmelden', { email: `v6-${i}@example.de` })).statusCode);
    expect(results.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(results[10]).toBe(429);
  });

  it('signs out on the server, not only in the browser', async () => {
    const resident = await createResident(t.db, t.org.id);
    const c = new Client(t);
    await c.signInAs(resident.id, 'resident');
    const token = c.cookies.get('k_session')!;
    expect((await c.get('/konto')).statusCode).toBe(200);
    const out = await c.post('/abmelden');
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/anmelden?ok=abgemeldet');
    expect((await c.get(String(out.headers.location))).body).toContain('Sie sind abgemeldet');
    const replay = new Client(t);
    replay.cookies.set('k_session', token);
    const res = await replay.get('/konto');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('/anmelden');
  });

  it('ends sessions after idle and absolute timeouts', async () => {
    const resident = await createResident(t.db, t.org.id);
    const idle = new Client(t);
    await idle.signInAs(resident.id, 'resident');
    await t.db.updateTable('sessions').set({ last_seen_at: sql`now() - interval '31 minutes'` }).where('user_id', '=', resident.id).execute();
    expect((await idle.get('/konto')).statusCode).toBe(303);

    const old = new Client(t);
    await old.signInAs(resident.id, 'resident');
    await t.db.updateTable('sessions').set({ expires_at: sql`now() - interval '1 second'` }).where('user_id', '=', resident.id).execute();
    expect((await old.get('/konto')).statusCode).toBe(303);
  });
});

describe('staff sign-in with password and TOTP', () => {
  it('signs in with password and code, and refuses a replayed code', async () => {
    const staff = await createStaff(t.db, t.config.secret, t.org.id, 'admin');
    const c = new Client(t, '192.0.2.1');
    const res = await staffLogin(c, staff.email, staff.password, staff.totpSecret);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/verwaltung');
    expect((await c.get('/verwaltung')).statusCode).toBe(200);

    const replay = new Client(t, '192.0.2.2');
    const again = await staffLogin(replay, staff.email, staff.password, staff.totpSecret);
    expect(again.statusCode).toBe(401);
    expect(again.body).toContain('Der Code stimmt nicht');
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const staff = await createStaff(t.db, t.config.secret, t.org.id, 'moderator');
    const wrong = await new Client(t, '192.0.2.3').post('/verwaltung/anmelden', { email: staff.email, password: 'falsches Passwort 123' });
    const unknown = await new Client(t, '192.0.2.4').post('/verwaltung/anmelden', { email: 'niemand@teststadt.example', password: 'falsches Passwort 123' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (s: string) => s.replace(/value="[^"]*@teststadt\.example"/, '');
    expect(strip(wrong.body)).toBe(strip(unknown.body));
  });

  it('does not let a magic link open the back office for a staff address', async () => {
    const staff = await createStaff(t.db, t.config.secret, t.org.id, 'admin');
    const c = new Client(t, '192.0.2.5');
    await c.post('/anmelden', { email: staff.email });
    const path = new URL(await latestMailLink(t.db, staff.email, magicLink)).pathname;
    await c.post(path);
    expect((await c.get('/konto')).statusCode).toBe(200);
    expect((await c.get('/verwaltung')).statusCode).toBe(403);
  });

  it('rate limits staff logins per account and source: eleven addresses, eleven checked attempts; one address, ten', async () => {
    const staff = await createStaff(t.db, t.config.secret, t.org.id, 'moderator');
    const spread: number[] = [];
    for (let i = 0; i < 11; i++)
      spread.push((await new Client(t, `192.0.2.${100 + i}`).post('/verwaltung/anmelden', { email: staff.email, password: 'wrong wrong wrong' })).statusCode);
    expect(spread.every((s) => s === 401)).toBe(true);
    const one = new Client(t, '192.0.2.99');
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await one.post('/verwaltung/anmelden', { email: staff.email, password: 'wrong wrong wrong' })).statusCode);
    expect(codes.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(codes[10]).toBe(429);
  });

  it('sets up a new staff account from its one-time link', async () => {
    const { setupUrl } = await createStaffAccount(
      { db: t.db, secret: t.config.secret, publicUrl: t.config.publicUrl },
      t.org,
      { email: 'neu@teststadt.example', displayName: 'Neu', role: 'moderator', departmentIds: [] },
      { sendMail: false, locale: 'de' },
    );
    const path = new URL(setupUrl).pathname;
    const c = new Client(t, '192.0.2.20');
    const page = await c.get(path);
    expect(page.statusCode).toBe(200);
    const secret = page.body.match(/data-secret="([A-Z2-7]+)"/)?.[1];
    expect(secret).toBeDefined();

    const weak = await c.post(path, { password: 'password1234', code: '000000' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('zu bekannt');
    expect(weak.body).toContain('Der Code stimmt nicht');

    const ok = await c.post(path, { password: 'Löwenzahn wächst am Westfalenpark', code: totpAt(secret!, Date.now()) });
    expect(ok.statusCode).toBe(303);
    expect((await c.get('/verwaltung')).statusCode).toBe(200);
    expect((await new Client(t).get(path)).statusCode).toBe(410);
  });

  it('resets a password only with the second factor, and ends old sessions', async () => {
    const staff = await createStaff(t.db, t.config.secret, t.org.id, 'admin');
    const old = new Client(t, '192.0.2.30');
    await old.signInAs(staff.id, 'staff');
    const c = new Client(t, '192.0.2.31');
    const sent = await c.post('/verwaltung/passwort-vergessen', { email: staff.email });
    expect(sent.statusCode).toBe(200);
    const path = new URL(await latestMailLink(t.db, staff.email, /http:\/\/localhost\/verwaltung\/passwort\/[A-Za-z0-9_-]+/)).pathname;
    const noCode = await c.post(path, { password: 'Ein ganz neues Passwort für mich', code: '' });
    expect(noCode.statusCode).toBe(400);
    const done = await c.post(path, { password: 'Ein ganz neues Passwort für mich', code: totpAt(staff.totpSecret, Date.now()) });
    expect(done.statusCode).toBe(303);
    expect((await old.get('/verwaltung')).statusCode).toBe(303);
    const step1 = await new Client(t, '192.0.2.32').post('/verwaltung/anmelden', { email: staff.email, password: 'Ein ganz neues Passwort für mich' });
    expect(step1.body).toContain('Bestätigungscode');
  });

  it('answers password reset requests the same for unknown addresses and sends nothing', async () => {
    const before = await t.db.selectFrom('outbox').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const res = await new Client(t, '192.0.2.40').post('/verwaltung/passwort-vergessen', { email: 'gibtsnicht@teststadt.example' });
    expect(res.statusCode).toBe(200);
    const after = await t.db.selectFrom('outbox').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('staff pages', () => {
  it('send anonymous visitors to the login and residents to a 403', async () => {
    const anon = await new Client(t).get('/verwaltung/abteilungen');
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toBe('/verwaltung/anmelden?return=%2Fverwaltung%2Fabteilungen');
    const resident = await createResident(t.db, t.org.id);
    const c = new Client(t);
    await c.signInAs(resident.id, 'resident');
    expect((await c.get('/verwaltung/abteilungen')).statusCode).toBe(403);
  });

  it('lets admins create staff, who get a setup mail; disabling ends their sessions', async () => {
    const admin = await createStaff(t.db, t.config.secret, t.org.id, 'admin');
    const c = new Client(t);
    await c.signInAs(admin.id, 'staff');
    const bad = await c.post('/verwaltung/mitarbeitende', { email: 'x', role: 'king' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value="x"');
    expect(bad.body).toContain('Bitte wählen Sie eine Rolle');
    const ok = await c.post('/verwaltung/mitarbeitende', { email: 'Mod@Teststadt.example', role: 'moderator', displayName: 'Mo' });
    expect(ok.statusCode).toBe(303);
    await latestMailLink(t.db, 'mod@teststadt.example', /\/verwaltung\/einrichten\/[A-Za-z0-9_-]+/);
    const list = await c.get('/verwaltung/mitarbeitende');
    expect(list.body).toContain('mod@teststadt.example');

    const victim = await createStaff(t.db, t.config.secret, t.org.id, 'moderator');
    const vc = new Client(t);
    await vc.signInAs(victim.id, 'staff');
    expect((await c.post(`/verwaltung/mitarbeitende/${victim.id}/sperren`)).statusCode).toBe(303);
    expect((await vc.get('/verwaltung')).statusCode).toBe(303);
    expect((await c.post(`/verwaltung/mitarbeitende/${admin.id}/sperren`)).statusCode).toBe(403);
  });
});

describe('parameters checked by the route schemas', () => {
  it('a bad id or token is a 404, a bad query a 400 page in the visitor’s language; parameters no schema names still work', async () => {
    const admin = await createStaff(t.db, t.config.secret, t.org.id, 'admin');
    const c = new Client(t);
    await c.signInAs(admin.id, 'staff');
    for (const id of ['abc', '0', '-1', '1.5', '99999999999', 'Infinity', '999999']) {
      expect((await c.get(`/verwaltung/mitarbeitende/${id}`)).statusCode, id).toBe(404);
    }
    expect((await new Client(t).get('/anmelden/link/kurz')).statusCode).toBe(404);
    const tooLong = `/anmelden?return=/${'x'.repeat(2000)}`;
    const german = await new Client(t).get(tooLong);
    expect(german.statusCode).toBe(400);
    expect(german.headers['content-type']).toContain('text/html');
    expect(german.body).toContain('Ungültige Anfrage');
    const english = await new Client(t).get(`${tooLong}&lang=en`);
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain('Invalid request');
    const page = await new Client(t).get('/anmelden?lang=en&utm_source=newsletter&return=/konto');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('lang="en"');
    expect((await c.get('/verwaltung/mitarbeitende?ok=saved&utm_campaign=x')).statusCode).toBe(200);
  });
});
