import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, latestMailLink, type TestApp } from '../../../test/helpers/app';
import { createCategory, createDepartment, createResident, createStaff, createSyntheticBoundary } from '../../../test/helpers/factories';
import { hashToken, randomToken } from '../../platform/security/tokens';
import { addFollower, insertEvent, insertReport } from '../reports/report.queries';
import * as service from './angstraeume.service';
import { scheduleSafetyQuestionnaires, sendDueSafetyQuestionnaires } from './questionnaire';

// Synthetic data: a square test city, an Angstraum category and reports made up for the tests.

let t: TestApp;
let categoryId: number;
let admin: Awaited<ReturnType<typeof createStaff>>;
let moderator: Awaited<ReturnType<typeof createStaff>>;
let staffClient: Client;

beforeAll(async () => {
  t = await createTestApp();
  await createSyntheticBoundary(t.db, t.org.id);
  categoryId = (await createCategory(t.db, t.org.id, { code: 'angstraum', name: 'Angstraum', kind: 'angstraum' })).id;
  admin = await createStaff(t.db, t.config.secret, t.org.id, 'admin');
  moderator = await createStaff(t.db, t.config.secret, t.org.id, 'moderator');
  staffClient = new Client(t, '203.0.113.50');
  await staffClient.signInAs(admin.id, 'staff');
});
afterAll(() => t.close());

let seq = 0;
async function place(options: { reviewed?: boolean; description?: string; address?: string; email?: string; departmentId?: number } = {}): Promise<number> {
  seq++;
  const r = await insertReport(t.db, {
    organizationId: t.org.id,
    categoryId,
    departmentId: options.departmentId ?? null,
    districtId: null,
    status: 'new',
    lat: 51.5 + seq / 1000,
    lon: 7.5,
    address: options.address ?? `Unterführung ${seq}`,
    locationPrecise: true,
    description: options.description ?? `Dunkel und zugewachsen ${seq}`,
    answers: {},
    userId: null,
    reporterName: '',
    reporterEmail: options.email ?? null,
    showName: false,
    idempotencyKey: null,
  });
  await insertEvent(t.db, { organizationId: t.org.id, reportId: r!.id, kind: 'created', public: true, toStatus: 'new' });
  if (options.reviewed) await t.db.updateTable('reports').set({ reviewed_at: new Date(), reviewed_by: admin.id }).where('id', '=', r!.id).execute();
  return r!.id;
}

async function resident(ip = `198.51.100.${++seq % 250}`): Promise<{ c: Client; id: number }> {
  const user = await createResident(t.db, t.org.id);
  const c = new Client(t, ip);
  await c.signInAs(user.id, 'resident');
  return { c, id: user.id };
}

describe('review gate', () => {
  it('keeps an unreviewed Angstraum out of every public listing and shows only category and district', async () => {
    const id = await place({ description: 'Herr Müller aus Nr. 5 lungert hier herum', address: 'Hinterhof bei Familie Mustermann, Kennzeichen DO-AB 123' });
    const anon = new Client(t);
    expect((await anon.get('/meldungen')).body).not.toContain(`/meldungen/${id}"`);
    expect((await anon.get('/angstraeume')).body).not.toContain(`/angstraeume/${id}"`);
    const map = JSON.parse((await anon.get('/api/reports/map?bbox=7,51,8,52&zoom=16')).body);
    expect(map.features.map((f: { properties: { id: number } }) => f.properties.id)).not.toContain(id);
    expect(JSON.parse((await anon.get('/api/angstraeume/karte')).body).features).toEqual([]);

    const redirect = await anon.get(`/meldungen/${id}`);
    expect(redirect.statusCode).toBe(303);
    expect(redirect.headers.location).toBe(`/angstraeume/${id}`);
    const page = await anon.get(`/angstraeume/${id}`);
    expect(page.statusCode).toBe(200);
    // The reporter's own place text may name people or number plates: not in the title, the heading or anywhere.
    expect(page.body).not.toContain('Mustermann');
    expect(page.body).not.toContain('DO-AB');
    expect(page.body).toMatch(/<title>Angstraum #\d+: Ort ohne Beschreibung/);
    expect(page.body).toContain('Angstraum');
    expect(page.body).toContain('Die Stadt prüft diesen Ort noch');
    expect(page.body).not.toContain('Herr Müller');

    // Staff see it in the queue and publish a moderated text.
    expect((await staffClient.get('/verwaltung/angstraeume')).body).toContain(`/verwaltung/angstraeume/${id}"`);
    const form = (await staffClient.get(`/verwaltung/angstraeume/${id}`)).body;
    expect(form).toContain('value="Hinterhof bei Familie Mustermann, Kennzeichen DO-AB 123"');
    const empty = await staffClient.post(`/verwaltung/angstraeume/${id}/pruefen`, { description: '  ', address: 'Hinterhof Rheinische Straße' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#f-description"');
    expect(empty.body).toContain('value="Hinterhof Rheinische Straße"');
    const long = await staffClient.post(`/verwaltung/angstraeume/${id}/pruefen`, { description: 'Dunkel', address: 'x'.repeat(301) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('href="#f-address"');
    const done = await staffClient.post(`/verwaltung/angstraeume/${id}/pruefen`, {
      description: 'Eine Person hält sich oft hier auf; der Tunnel ist dunkel.',
      address: 'Hinterhof Rheinische Straße',
    });
    expect(done.statusCode).toBe(303);
    const row = await t.db.selectFrom('reports').select(['reviewed_at', 'reviewed_by', 'description']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.reviewed_at).not.toBeNull();
    expect(row.reviewed_by).toBe(admin.id);
    expect(row.description).not.toContain('Müller');

    expect((await anon.get('/meldungen')).body).toContain(`/meldungen/${id}"`);
    expect((await anon.get(`/meldungen/${id}`)).statusCode).toBe(200);
    const after = await anon.get(`/angstraeume/${id}`);
    expect(after.body).toContain('der Tunnel ist dunkel');
    expect(after.body).toMatch(/<h1>Angstraum #\d+: Hinterhof Rheinische Straße<\/h1>/);
    expect(after.body).not.toContain('Mustermann');
    expect((await anon.get('/angstraeume')).body).toContain(`/angstraeume/${id}"`);
    expect(JSON.parse((await anon.get('/api/angstraeume/karte')).body).features.map((f: { properties: { id: number } }) => f.properties.id)).toContain(id);
  });

  it('lets only admins and moderators review; residents get 403, anonymous visitors the staff login', async () => {
    const id = await place();
    const { c } = await resident();
    expect((await c.post(`/verwaltung/angstraeume/${id}/pruefen`, { description: 'x' })).statusCode).toBe(403);
    expect((await c.get('/verwaltung/angstraeume')).statusCode).toBe(403);
    const anon = await new Client(t).get('/verwaltung/angstraeume');
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toContain('/verwaltung/anmelden');
    const dept = await createStaff(t.db, t.config.secret, t.org.id, 'department_staff');
    const d = new Client(t);
    await d.signInAs(dept.id, 'staff');
    expect((await d.post(`/verwaltung/angstraeume/${id}/pruefen`, { description: 'x' })).statusCode).toBe(403);
    const m = new Client(t);
    await m.signInAs(moderator.id, 'staff');
    expect((await m.post(`/verwaltung/angstraeume/${id}/pruefen`, { description: 'Geprüft' })).statusCode).toBe(303);
  });
});

describe('departments in the back office', () => {
  it('shows department staff only their departments’ places: no unreviewed text of another’s, no measures there', async () => {
    const [a, b] = [await createDepartment(t.db, t.org.id, 'Amt A'), await createDepartment(t.db, t.org.id, 'Amt B')];
    const ofA = await place({ departmentId: a.id, address: 'Garage hinter Haus Nr. 7 (Amt A)', description: 'Ungeprüfter Text von Amt A' });
    const reviewedOfA = await place({ departmentId: a.id, reviewed: true, address: 'Parkhaus von Amt A' });
    const staffOf = async (departmentId: number) => {
      const c = new Client(t);
      await c.signInAs((await createStaff(t.db, t.config.secret, t.org.id, 'department_staff', { departmentIds: [departmentId] })).id, 'staff');
      return c;
    };
    const staffA = await staffOf(a.id);
    const staffB = await staffOf(b.id);
    const measures = () => t.db.selectFrom('report_events').select('id').where('report_id', '=', reviewedOfA).where('kind', '=', 'measure').execute();

    const refused = await staffB.get(`/verwaltung/angstraeume/${ofA}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('Ungeprüfter Text von Amt A');
    expect(refused.body).not.toContain('Haus Nr. 7');
    const overviewB = (await staffB.get('/verwaltung/angstraeume')).body;
    expect(overviewB).not.toContain(`/verwaltung/angstraeume/${ofA}"`);
    expect(overviewB).not.toContain(`/verwaltung/angstraeume/${reviewedOfA}"`);
    expect((await staffB.get(`/verwaltung/angstraeume/${reviewedOfA}`)).statusCode).toBe(403);
    expect((await staffB.post(`/verwaltung/angstraeume/${reviewedOfA}/massnahme`, { type: 'lighting', body: 'Von Amt B' })).statusCode).toBe(403);
    expect(await measures()).toEqual([]);

    // Their own department's staff, and moderators for every department.
    const page = await staffA.get(`/verwaltung/angstraeume/${ofA}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ungeprüfter Text von Amt A');
    const overviewA = (await staffA.get('/verwaltung/angstraeume')).body;
    expect(overviewA).toContain(`/verwaltung/angstraeume/${ofA}"`);
    expect(overviewA).toContain(`/verwaltung/angstraeume/${reviewedOfA}"`);
    expect((await staffA.post(`/verwaltung/angstraeume/${reviewedOfA}/massnahme`, { type: 'lighting', body: 'Von Amt A' })).statusCode).toBe(303);
    expect(await measures()).toHaveLength(1);
    const m = new Client(t);
    await m.signInAs(moderator.id, 'staff');
    expect((await m.get(`/verwaltung/angstraeume/${ofA}`)).statusCode).toBe(200);
    expect((await m.get('/verwaltung/angstraeume')).body).toContain(`/verwaltung/angstraeume/${ofA}"`);
  });
});

describe('measures and the overdue mark', () => {
  it('posts a typed measure to the public timeline; bad input is refused with the field marked', async () => {
    const id = await place({ reviewed: true });
    const bad = await staffClient.post(`/verwaltung/angstraeume/${id}/massnahme`, { type: 'magic', body: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#f-type"');
    expect(bad.body).toContain('href="#f-body"');
    const ok = await staffClient.post(`/verwaltung/angstraeume/${id}/massnahme`, { type: 'lighting', body: 'Zwei neue LED-Leuchten' });
    expect(ok.statusCode).toBe(303);
    const event = await t.db.selectFrom('report_events').selectAll().where('report_id', '=', id).where('kind', '=', 'measure').executeTakeFirstOrThrow();
    expect(event.public).toBe(true);
    expect(event.data).toEqual({ type: 'lighting' });
    const page = (await new Client(t).get(`/angstraeume/${id}`)).body;
    expect(page).toContain('Beleuchtung verbessert');
    expect(page).toContain('Zwei neue LED-Leuchten');
    // The reports module's timeline shows it as "Maßnahme" too.
    expect((await new Client(t).get(`/meldungen/${id}`)).body).toContain('Zwei neue LED-Leuchten');
  });

  it('refuses measures before the review', async () => {
    const id = await place();
    expect((await staffClient.post(`/verwaltung/angstraeume/${id}/massnahme`, { type: 'other', body: 'x' })).statusCode).toBe(409);
  });

  it('marks a place overdue once the interval passes without news, and a measure clears it', async () => {
    const id = await place({ reviewed: true, address: 'Parkhaus Ost' });
    const row = () => new Client(t).get('/angstraeume').then((r) => r.body.split('<tr>').find((x) => x.includes(`/angstraeume/${id}"`)) ?? '');
    expect(await row()).not.toContain('Überfällig');
    await t.db.updateTable('reports').set({ reviewed_at: sql`now() - interval '31 days'` }).where('id', '=', id).execute();
    expect(await row()).toContain('Überfällig');
    expect(await row()).toContain('vor 31 Tagen');
    const bo = (await staffClient.get('/verwaltung/angstraeume')).body;
    const overdueSection = bo.slice(bo.indexOf('id="overdue-title"'), bo.indexOf('id="all-title"'));
    expect(overdueSection).toContain(`/verwaltung/angstraeume/${id}"`);
    // A city with a longer interval: not overdue.
    await staffClient.post('/verwaltung/angstraeume/einstellungen', { interval: '45', weeks: '8' });
    expect(await row()).not.toContain('Überfällig');
    await staffClient.post('/verwaltung/angstraeume/einstellungen', { interval: '30', weeks: '8' });
    expect(await row()).toContain('Überfällig');
    await staffClient.post(`/verwaltung/angstraeume/${id}/massnahme`, { type: 'presence', body: 'Ordnungsamt geht abends Streife' });
    expect(await row()).not.toContain('Überfällig');
  });

  it('validates the settings', async () => {
    const bad = await staffClient.post('/verwaltung/angstraeume/einstellungen', { interval: '0', weeks: '99' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#f-interval"');
    expect(bad.body).toContain('href="#f-weeks"');
    expect(bad.body).toContain('value="99"');
    const m = new Client(t);
    await m.signInAs(moderator.id, 'staff');
    expect((await m.get('/verwaltung/angstraeume/einstellungen')).statusCode).toBe(403);
  });
});

describe('ratings', () => {
  it('asks anonymous visitors to sign in', async () => {
    const id = await place({ reviewed: true });
    const anon = new Client(t);
    expect((await anon.get(`/angstraeume/${id}`)).body).toContain('Anmelden und bewerten');
    const res = await anon.post(`/angstraeume/${id}/bewertung`, { day: '3', night: '2' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('/anmelden');
    expect(await t.db.selectFrom('safety_ratings').select('id').where('report_id', '=', id).execute()).toEqual([]);
  });

  it('rejects out-of-range values with a clear message, the field marked and the valid input kept', async () => {
    const id = await place({ reviewed: true });
    const { c } = await resident();
    for (const day of ['0', '6', '3.5', 'sehr', '']) {
      const res = await c.post(`/angstraeume/${id}/bewertung`, { day, night: '4' });
      expect(res.statusCode, day).toBe(400);
      expect(res.body).toContain('href="#f-day"');
      expect(res.body).toContain('Bitte wählen Sie einen Wert von 1 bis 5: Tagsüber');
      expect(res.body).toMatch(/class="k-fieldset k-field--error" id="f-day"/);
      expect(res.body).toMatch(/id="f-night-4" value="4" checked/);
    }
    expect(await t.db.selectFrom('safety_ratings').select('id').where('report_id', '=', id).execute()).toEqual([]);
  });

  it('stores one rating per person, place and 30 days', async () => {
    const id = await place({ reviewed: true });
    const { c, id: userId } = await resident();
    const first = await c.post(`/angstraeume/${id}/bewertung`, { day: '2', night: '1' });
    expect(first.statusCode).toBe(303);
    expect((await c.get(first.headers.location as string)).body).toContain('Ihre Bewertung ist gespeichert');
    const second = await c.post(`/angstraeume/${id}/bewertung`, { day: '5', night: '5' });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('Sie haben diesen Ort am');
    await t.db
      .updateTable('safety_rating_slots')
      .set({ last_rated_at: sql`now() - interval '30 days'` })
      .where('report_id', '=', id)
      .where('user_id', '=', userId)
      .execute();
    expect((await c.post(`/angstraeume/${id}/bewertung`, { day: '4', night: '3' })).statusCode).toBe(303);
    const rows = await t.db.selectFrom('safety_ratings').select(['day', 'night']).where('report_id', '=', id).orderBy('id').execute();
    expect(rows).toEqual([
      { day: 2, night: 1 },
      { day: 4, night: 3 },
    ]);
  });

  it('holds under 50 parallel submissions of one person (service and routes)', async () => {
    const id = await place({ reviewed: true });
    const { id: userId } = await resident();
    const results = await Promise.all(Array.from({ length: 50 }, () => service.ratePlace(t.db, t.org.id, id, userId, { day: '3', night: '3' })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.kind === 'already')).toHaveLength(49);

    const other = await resident('192.0.2.77');
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => other.c.post(`/angstraeume/${id}/bewertung`, { day: String((i % 5) + 1), night: '2' })),
    );
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((s) => s === 303)).toHaveLength(1);
    expect(codes.every((s) => s === 303 || s === 409 || s === 429)).toBe(true);
    const stored = await t.db.selectFrom('safety_ratings').select('user_id').where('report_id', '=', id).execute();
    expect(stored.map((r) => r.user_id).sort()).toEqual([userId, other.id].sort());
  });

  it('is rate limited per person', async () => {
    const ids = await Promise.all(Array.from({ length: 21 }, () => place({ reviewed: true })));
    const { c } = await resident();
    const codes: number[] = [];
    for (const id of ids) codes.push((await c.post(`/angstraeume/${id}/bewertung`, { day: '3', night: '3' })).statusCode);
    expect(codes.slice(0, 20).every((s) => s === 303)).toBe(true);
    expect(codes[20]).toBe(429);
  });

  it('cannot rate an unreviewed place', async () => {
    const id = await place();
    const { c } = await resident();
    expect((await c.post(`/angstraeume/${id}/bewertung`, { day: '3', night: '3' })).statusCode).toBe(404);
  });

  it('shows the averages before and after each measure and the chart with a table', async () => {
    const id = await place({ reviewed: true });
    const measure = await t.db
      .insertInto('report_events')
      .values({
        organization_id: t.org.id,
        report_id: id,
        kind: 'measure',
        public: true,
        body: 'Hecke geschnitten',
        data: JSON.stringify({ type: 'greenery' }),
        created_at: sql<Date>`now() - interval '20 days'`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const users = await Promise.all(Array.from({ length: 6 }, () => createResident(t.db, t.org.id)));
    const values = users.map((u, i) => ({
      organization_id: t.org.id,
      report_id: id,
      user_id: u.id,
      day: i < 3 ? 2 : 4,
      night: i < 3 ? 1 : 3,
      created_at: i < 3 ? sql<Date>`now() - interval '40 days'` : sql<Date>`now() - interval '5 days'`,
    }));
    await t.db.insertInto('safety_ratings').values(values).execute();
    expect(measure.id).toBeGreaterThan(0);
    const page = (await new Client(t).get(`/angstraeume/${id}`)).body;
    expect(page).toContain('Bewertungen vor und nach jeder Maßnahme');
    expect(page).toMatch(/M1: Grün zurückgeschnitten[^<]*<\/th><td>2,0<\/td><td>4,0<\/td><td>1,0<\/td><td>3,0<\/td><td>3 \/ 3<\/td>/);
    expect(page).toContain('Sicherer seit der letzten Maßnahme');
    expect(page).toContain('role="img"');
    expect(page).toContain('<title id="safety-chart-title">Sicherheitsgefühl im Zeitverlauf</title>');
    expect(page).toContain('Monatliche Durchschnittswerte');
    const stats = JSON.parse((await new Client(t).get('/api/statistik/angstraeume.json')).body);
    expect(stats.effect.safer).toBeGreaterThanOrEqual(1);
    expect(stats.places.with_measures).toBeGreaterThanOrEqual(1);
  });
});

describe('questionnaire after a measure', () => {
  it('is mailed N weeks after the newest measure to reporter and followers, answered once', async () => {
    const id = await place({ reviewed: true, email: 'melderin@example.de' });
    await addFollower(t.db, t.org.id, id, 'nachbar@example.de', hashToken(randomToken()));
    await t.db
      .insertInto('report_events')
      .values({
        organization_id: t.org.id,
        report_id: id,
        kind: 'measure',
        public: true,
        body: 'Licht',
        data: JSON.stringify({ type: 'lighting' }),
        created_at: sql<Date>`now() - interval '57 days'`,
      })
      .execute();
    await scheduleSafetyQuestionnaires(t.db);
    expect(await sendDueSafetyQuestionnaires({ db: t.db, publicUrl: t.config.publicUrl })).toBe(2);
    expect(await sendDueSafetyQuestionnaires({ db: t.db, publicUrl: t.config.publicUrl })).toBe(0);
    const link = await latestMailLink(t.db, 'nachbar@example.de', /http:\/\/localhost\/angstraeume\/umfrage\/[A-Za-z0-9_-]+/);
    const path = new URL(link).pathname;
    const c = new Client(t, '203.0.113.99');
    const form = await c.get(path);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Fühlen Sie sich hier jetzt sicherer?');
    const empty = await c.post(path, { answer: 'vielleicht', comment: 'x' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#f-answer"');
    expect(empty.body).toContain('>x</textarea>');
    expect((await c.post(path, { answer: 'yes', comment: '' })).statusCode).toBe(200);
    expect((await c.get(path)).statusCode).toBe(410);
    const stats = JSON.parse((await c.get('/api/statistik/angstraeume.json')).body);
    expect(stats.questionnaire.answered).toBeGreaterThanOrEqual(1);
    expect(stats.questionnaire.yes).toBeGreaterThanOrEqual(1);
  });

  it('does not ask about a measure newer than the waiting time, and rate-limits the token page', async () => {
    const id = await place({ reviewed: true, email: 'frisch@example.de' });
    await t.db
      .insertInto('report_events')
      .values({ organization_id: t.org.id, report_id: id, kind: 'measure', public: true, body: 'x', data: JSON.stringify({ type: 'other' }) })
      .execute();
    await scheduleSafetyQuestionnaires(t.db);
    const row = await t.db.selectFrom('angstraum_questionnaires').select(['due_at', 'sent_at']).where('report_id', '=', id).executeTakeFirstOrThrow();
    expect(row.sent_at).toBeNull();
    expect(new Date(row.due_at).getTime()).toBeGreaterThan(Date.now() + 55 * 86_400_000);
    const c = new Client(t, '203.0.113.123');
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await c.get(`/angstraeume/umfrage/${'a'.repeat(43)}`)).statusCode);
    expect(codes.slice(0, 30).every((s) => s === 410)).toBe(true);
    expect(codes[30]).toBe(429);
  });
});

describe('pages and data', () => {
  it('serves the map picture, the statistics page and its JSON', async () => {
    const c = new Client(t);
    const svg = await c.get('/angstraeume/karte.svg');
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    const stats = await c.get('/statistik/angstraeume-und-muell');
    expect(stats.statusCode).toBe(200);
    expect(stats.body).toContain('Angsträume und Müll in Zahlen');
    const json = JSON.parse((await c.get('/api/statistik/angstraeume.json')).body);
    expect(Object.keys(json.places)).toEqual(['reported', 'reviewed', 'with_measures', 'overdue']);
    expect(json.places.reported).toBeGreaterThanOrEqual(json.places.reviewed);
  });
});
