import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createStaff } from '../../../test/helpers/factories';
import { sessionCookieName } from '../../platform/http/platform-plugin';
import { createSession } from '../../platform/http/sessions';
import { hashToken } from '../../platform/security/tokens';
import { PERSON, type ResidentWorld, referencesTo, rowCounts, seedResident, storageOf, whereFound } from './data-rights.test-support';
import { exportLinkToken } from './export-link';

// "Meine Daten herunterladen" and "Konto löschen" through HTTP, checked against the database and the file storage.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const COOKIE = sessionCookieName(false);

function residentClient(w: ResidentWorld, ip = PERSON.ip): Client {
  const c = new Client(t, ip);
  c.cookies.set(COOKIE, w.session);
  return c;
}

async function download(c: Client) {
  const made = await c.post('/konto/daten');
  expect(made.statusCode).toBe(303);
  expect(made.headers['cache-control']).toBe('no-store');
  const location = String(made.headers.location);
  expect(location).toMatch(/^\/konto\/daten\/datei\/[A-Za-z0-9_-]{20,100}$/);
  return { location, res: await c.get(location) };
}

const json = (files: Record<string, Uint8Array>, name: string) => JSON.parse(new TextDecoder().decode(files[name])) as unknown;

describe('data export (/konto/daten)', () => {
  it('explains what is included, links from the account page, and is not cached', async () => {
    const w = await seedResident(t);
    const c = residentClient(w);
    const account = await c.get('/konto');
    expect(account.body).toContain('href="/konto/daten"');
    expect(account.body).toContain('href="/konto/loeschen"');
    const page = await c.get('/konto/daten');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('Meine Daten herunterladen');
    expect(page.body).toContain('README.txt');
    expect(page.body).toContain('action="/konto/daten"');
  });

  it('sends everything about the resident as a ZIP of JSON files with a README, and nothing secret', async () => {
    const w = await seedResident(t);
    const { res } = await download(residentClient(w));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="meine-daten-city-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.zip"$/);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const names = Object.keys(files).sort();
    expect(names).toEqual(
      [
        'README.txt',
        'abonnements.json',
        // The participation core and the ideas module (issue 16): each module's part, empty when nothing is there.
        'beteiligung-kommentare.json',
        'beteiligung-meldungen-an-moderation.json',
        'beteiligung-verfolgt.json',
        'gremien.json',
        'ideen-unterstuetzungen.json',
        'ideen.json',
        'verifizierung.json',
        'bewertungen-angstraeume.json',
        'emails.json',
        `fotos/meldung-${w.ownReport}-1.jpg`,
        `fotos/meldung-${w.ownReport}-2.jpg`,
        `fotos/meldung-${w.unconfirmedReport}-1.jpg`,
        'konto.json',
        'meldungen.json',
        'rueckfragen-angstraeume.json',
        'rueckfragen-meldungen.json',
        'rueckmeldungen-barrierefreiheit.json',
        'sitzungen.json',
        'unterstuetzungen.json',
      ].sort(),
    );
    const readme = new TextDecoder().decode(files['README.txt']);
    for (const name of names.filter((n) => !n.startsWith('fotos/'))) expect(readme, name).toContain(name === 'README.txt' ? 'Meine Daten' : name);
    expect(readme).toContain('fotos/');
    expect(readme).toContain(t.org.contact_email);

    expect(json(files, 'konto.json')).toMatchObject({ id: w.userId, email: w.email, display_name: PERSON.name });
    const reports = json(files, 'meldungen.json') as Array<{ id: number; reporter_phone: string | null; timeline: unknown[]; photos: Array<{ file: string }> }>;
    expect(reports.map((r) => r.id)).toEqual([w.ownReport, w.unconfirmedReport]);
    expect(reports[0]!.reporter_phone).toBe(w.phone);
    expect(reports[0]!.timeline).toEqual([expect.objectContaining({ kind: 'created', to_status: 'new' })]);
    expect(reports[0]!.photos.map((p) => p.file)).toEqual([`meldung-${w.ownReport}-1.jpg`, `meldung-${w.ownReport}-2.jpg`]);
    // the photo in the ZIP is the stored file (JPEG), byte for byte
    const stored = await storageOf(t).get(`${w.approvedPhotoKey}/large.jpg`);
    expect(Buffer.from(files[`fotos/meldung-${w.ownReport}-1.jpg`]!).equals(stored!)).toBe(true);
    expect(json(files, 'unterstuetzungen.json')).toEqual([expect.objectContaining({ report_id: w.neighbourReport })]);
    // the reporter follows their own report; they also chose to follow the neighbour's
    expect((json(files, 'abonnements.json') as Array<{ report_id: number }>).map((f) => f.report_id)).toEqual([w.ownReport, w.neighbourReport]);
    expect(json(files, 'bewertungen-angstraeume.json')).toEqual([expect.objectContaining({ report_id: w.place, day: 2, night: 1 })]);
    expect(json(files, 'rueckfragen-meldungen.json')).toEqual([expect.objectContaining({ answer: 'yes', comment: 'Danke, ist behoben' })]);
    expect(json(files, 'rueckmeldungen-barrierefreiheit.json')).toEqual([expect.objectContaining({ message: 'Kontrast zu schwach' })]);
    expect(json(files, 'sitzungen.json')).toHaveLength(2);

    // No secrets: session ids and their hashes, token hashes, live links, and nobody else's data.
    const everything = names
      .filter((n) => n.endsWith('.json'))
      .map((n) => new TextDecoder().decode(files[n]))
      .join('\n');
    expect(everything).not.toContain(w.session);
    expect(everything).not.toContain(hashToken(w.session));
    expect(everything).not.toMatch(/id_hash|token_hash|unsubscribe/);
    expect(everything).not.toMatch(/anmelden\/link\/[A-Za-z0-9_-]{20,}/);
    expect(everything).toContain('[Link entfernt]');
    expect(everything).not.toContain(w.neighbourEmail);
  });

  it('is bound to the session that made the link and expires', async () => {
    const w = await seedResident(t);
    const { location } = await download(residentClient(w));
    // The same account on another device (another session): the copied link does not work there.
    const other = new Client(t);
    other.cookies.set(COOKIE, await createSession(t.db, { organizationId: t.org.id, userId: w.userId, level: 'resident', idleMinutes: 60, absoluteHours: 1 }));
    const elsewhere = await other.get(location);
    expect(elsewhere.statusCode).toBe(410);
    expect(elsewhere.headers['cache-control']).toBe('no-store');
    expect(elsewhere.body).toContain('Dieser Download-Link gilt nicht mehr');
    // Signed out: the sign-in page, not the data.
    const anonymous = await new Client(t).get(location);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/anmelden\?return=/);
    // Expired: made eleven minutes ago for this very session.
    const old = exportLinkToken(t.config.secret, t.org.id, w.userId, w.session, Date.now() - 11 * 60_000);
    expect((await residentClient(w).get(`/konto/daten/datei/${old}`)).statusCode).toBe(410);
    // Tampered: another account's id in the same token shape.
    const forged = exportLinkToken(t.config.secret, t.org.id, w.userId + 1, w.session);
    expect((await residentClient(w).get(`/konto/daten/datei/${forged}`)).statusCode).toBe(410);
    // After signing out the session is gone, and so is the link.
    const c = residentClient(w);
    await c.post('/abmelden');
    expect((await c.get(location)).statusCode).toBe(303);
  });
});

describe('account deletion (/konto/loeschen)', () => {
  it('asks for the address and keeps the input when it does not match', async () => {
    const w = await seedResident(t);
    const c = residentClient(w);
    const page = await c.get('/konto/loeschen');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('ohne Namen, E-Mail-Adresse, Telefonnummer und Konto (anonym)');
    const wrong = await c.post('/konto/loeschen', { confirm: 'jemand@example.de' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#f-confirm"');
    expect(wrong.body).toContain('value="jemand@example.de"');
    expect(await t.db.selectFrom('users').select('id').where('id', '=', w.userId).executeTakeFirst()).toBeDefined();
  });

  it('removes every personal trace, keeps public contributions as anonymous, ends sessions and deletes private photos', async () => {
    const w = await seedResident(t);
    const neighbour = await seedResident(t);
    const before = await rowCounts(t.db);
    const needles = [w.email, hashToken(w.email), PERSON.ip];
    expect(await whereFound(t.db, needles)).not.toEqual([]);
    const storage = storageOf(t);
    expect(await storage.get(`${w.pendingPhotoKey}/large.jpg`)).not.toBeNull();

    const c = residentClient(w);
    const res = await c.post('/konto/loeschen', { confirm: ` ${w.email.toUpperCase()} ` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/konto/geloescht');
    expect(c.cookies.has(COOKIE)).toBe(false);
    const done = await c.get('/konto/geloescht');
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Ihr Konto ist gelöscht');
    expect(done.body).toContain('href="/anmelden"');
    // The old session cookie opens nothing any more.
    expect((await residentClient(w).get('/konto')).statusCode).toBe(303);

    // Nothing of the person anywhere: address (also hashed), name, phone, the IP of their requests, their account.
    expect(await whereFound(t.db, [...needles, w.phone])).toEqual([]);
    const namesLeft = await whereFound(t.db, [PERSON.name]);
    // The neighbour's rows carry the same synthetic name; none of the deleted resident's rows may.
    const ownReport = await t.db.selectFrom('reports').selectAll().where('id', '=', w.ownReport).executeTakeFirstOrThrow();
    expect(namesLeft.every((place) => place.startsWith('reports.reporter_name') || place.startsWith('users.display_name'))).toBe(true);
    expect(ownReport).toMatchObject({ reporter_name: '', reporter_email: null, reporter_phone: null, show_name: false, user_id: null, status: 'new' });
    expect(await referencesTo(t.db, w.userId)).toEqual([]);
    expect(await t.db.selectFrom('report_supporters').select('report_id').where('supporter_key', '=', `u:${w.userId}`).execute()).toEqual([]);

    const after = await rowCounts(t.db);
    const diff = Object.fromEntries(
      Object.keys(before)
        .map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)])
        .filter(([, d]) => d !== 0),
    );
    expect(diff).toEqual({
      users: -1,
      sessions: -2,
      login_tokens: -2, // the sign-in link and the unconfirmed report's confirmation link
      outbox: -2, // the sign-in mail and the confirmation mail
      rate_limits: -3, // by address hash, by account, by the IP the deletion came from
      reports: -1, // the unconfirmed one (never public); the published one stays, anonymous
      report_photos: -2, // the unconfirmed report's photo and the published report's photo still waiting for review
      report_events: -1, // the unconfirmed report's "created"
      report_followers: -2, // the reporter following their own report, and the follow of the neighbour's report
      safety_rating_slots: -1,
      angstraum_questionnaires: -1, // not answered: nothing to keep
      audit_log: 1,
    });
    // The neighbour is untouched.
    expect(await t.db.selectFrom('users').select('email').where('id', '=', neighbour.userId).executeTakeFirst()).toEqual({ email: neighbour.email });
    // Public contributions stay: the support still counts, the rating still rates, the answer still answers.
    expect((await t.db.selectFrom('reports').select('supporters_count').where('id', '=', w.neighbourReport).executeTakeFirstOrThrow()).supporters_count).toBe(
      1,
    );
    expect(await t.db.selectFrom('safety_ratings').select(['day', 'user_id']).where('report_id', '=', w.place).execute()).toEqual([{ day: 2, user_id: null }]);
    // Files: the private ones are gone, the published one stays with its report.
    expect(await storage.get(`${w.pendingPhotoKey}/large.jpg`)).toBeNull();
    expect(await storage.get(`${w.pendingPhotoKey}/thumb.jpg`)).toBeNull();
    expect(await storage.get(`${w.approvedPhotoKey}/large.jpg`)).not.toBeNull();
    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_user_id']).where('action', '=', 'account.deleted').execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('refuses staff accounts (the administration removes those)', async () => {
    const staff = await createStaff(t.db, t.config.secret, t.org.id, 'admin');
    const c = new Client(t);
    await c.signInAs(staff.id, 'resident');
    const page = await c.get('/konto/loeschen');
    expect(page.body).toContain('Zugänge für Mitarbeitende löscht die Administration');
    expect(page.body).not.toContain('action="/konto/loeschen"');
    const res = await c.post('/konto/loeschen', { confirm: staff.email });
    expect(res.statusCode).toBe(403);
    expect(await t.db.selectFrom('users').select('id').where('id', '=', staff.id).executeTakeFirst()).toEqual({ id: staff.id });
  });

  it('sends signed-out visitors to the sign-in, and signed-in visitors of the confirmation page to their account', async () => {
    expect((await new Client(t).get('/konto/loeschen')).statusCode).toBe(303);
    expect((await new Client(t).post('/konto/loeschen', { confirm: 'x@example.de' })).statusCode).toBe(303);
    const w = await seedResident(t);
    const res = await residentClient(w).get('/konto/geloescht');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/konto');
  });
});

describe('account deletion where the city removes contributions (DELETED_ACCOUNT_CONTRIBUTIONS=remove)', () => {
  let r: TestApp;
  beforeAll(async () => {
    r = await createTestApp({ DELETED_ACCOUNT_CONTRIBUTIONS: 'remove' });
  });
  afterAll(() => r.close());

  it('deletes the reports with all their photos, takes supports off the count and deletes ratings and answers', async () => {
    const w = await seedResident(r);
    const c = new Client(r, PERSON.ip);
    c.cookies.set(COOKIE, w.session);
    expect((await c.get('/konto/loeschen')).body).toContain('Ihre Meldungen mit allen Fotos, Ihre Unterstützungen und Ihre Bewertungen werden gelöscht.');
    const res = await c.post('/konto/loeschen', { confirm: w.email });
    expect(res.statusCode).toBe(303);
    expect(await r.db.selectFrom('reports').select('id').where('id', 'in', [w.ownReport, w.unconfirmedReport]).execute()).toEqual([]);
    expect((await r.db.selectFrom('reports').select('supporters_count').where('id', '=', w.neighbourReport).executeTakeFirstOrThrow()).supporters_count).toBe(
      0,
    );
    expect(await r.db.selectFrom('safety_ratings').select('id').where('report_id', '=', w.place).execute()).toEqual([]);
    expect(await r.db.selectFrom('report_questionnaires').select('id').where('report_id', '=', w.neighbourReport).execute()).toEqual([]);
    expect(await storageOf(r).get(`${w.approvedPhotoKey}/large.jpg`)).toBeNull();
    expect(await whereFound(r.db, [w.email, hashToken(w.email), w.phone, PERSON.ip])).toEqual([]);
    expect(await referencesTo(r.db, w.userId)).toEqual([]);
  });
});
