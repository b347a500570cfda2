import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createOrganization, createResident, createStaff, createSyntheticBoundary } from '../../../test/helpers/factories';
import { multipartBody } from '../../../test/helpers/multipart';
import * as q from './ideas.queries';
import { insertTestIdea } from './ideas.test-support';

// Synthetic data: a square test city and made-up ideas.

let t: TestApp;
let author: { id: number };
let staff: Client;

beforeAll(async () => {
  t = await createTestApp();
  await createSyntheticBoundary(t.db, t.org.id);
  author = await createResident(t.db, t.org.id);
  const admin = await createStaff(t.db, t.config.secret, t.org.id, 'admin');
  staff = new Client(t, '203.0.113.50');
  await staff.signInAs(admin.id, 'staff');
});
afterAll(() => t.close());

async function signedIn(userId?: number): Promise<Client> {
  const c = new Client(t, `203.0.113.${Math.floor(Math.random() * 200) + 1}`);
  await c.signInAs(userId ?? (await createResident(t.db, t.org.id)).id, 'resident');
  return c;
}

function submit(c: Client, fields: Record<string, string>, url = '/ideen/neu') {
  const body = multipartBody([{ name: '_csrf', value: c.csrf }, ...Object.entries(fields).map(([name, value]) => ({ name, value }))]);
  return c.request({ method: 'POST', url, payload: body.payload, headers: body.headers });
}

async function idea(overrides: Partial<Parameters<typeof q.insertIdea>[1]> = {}, organizationId = t.org.id): Promise<number> {
  return insertTestIdea(t.db, organizationId, author.id, overrides);
}

const count = async (table: 'ideas' | 'idea_supporters') =>
  (
    await t.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('submitting an idea', () => {
  it('keeps the input and marks the fields on errors', async () => {
    const c = await signedIn();
    const res = await submit(c, { title: 'Kurz', description: 'Eine <b>Idee</b> für mehr Schatten', topic: 'gruen', districtId: '', lat: '', lon: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('k-error-summary');
    expect(res.body).toContain('value="Kurz"');
    expect(res.body).toContain('Eine &lt;b>Idee&lt;/b> für mehr Schatten');
    expect(res.body).toMatch(/aria-invalid="true"[^>]*name="title"|name="title"[^>]*aria-invalid="true"/);
  });

  it('creates the idea with its place and history', async () => {
    const c = await signedIn();
    const res = await submit(c, {
      title: 'Trinkbrunnen am Westpark',
      description: 'Im Sommer gibt es im Westpark kein Trinkwasser für Kinder und Sportler.',
      topic: 'gruen',
      districtId: '',
      lat: '51.5',
      lon: '7.5',
    });
    expect(res.statusCode).toBe(303);
    const id = Number(res.headers.location?.toString().match(/\/ideen\/(\d+)/)?.[1]);
    const page = await c.get(`/ideen/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Trinkbrunnen am Westpark');
    expect(page.body).toContain('Idee eingereicht');
    expect(page.body).toContain('/ideen/ort.svg?lat=51.5&amp;lon=7.5');
    // The core's follow button and comments sit on the idea's page.
    expect(page.body).toContain('id="verfolgen"');
    expect(page.body).toContain('kommentare');
  });

  it('sends anonymous visitors to sign in first and stores nothing', async () => {
    const before = await count('ideas');
    const c = new Client(t);
    const res = await submit(c, { title: 'Trinkbrunnen am Westpark', description: 'Eine ausreichend lange Beschreibung der Idee.', topic: 'gruen' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/anmelden?return=%2Fideen%2Fneu');
    expect((await c.get('/ideen/neu')).headers.location).toBe('/anmelden?return=%2Fideen%2Fneu');
    expect(await count('ideas')).toBe(before);
  });

  it('refuses a place outside the city', async () => {
    const c = await signedIn();
    const res = await submit(c, {
      title: 'Idee in Paris',
      description: 'Eine ausreichend lange Beschreibung der Idee.',
      topic: 'kultur',
      lat: '48.85',
      lon: '2.35',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('nicht in');
  });
});

describe('supports', () => {
  it('counts one support per account under parallel posts, never the author', async () => {
    const id = await idea();
    const c = await signedIn();
    const results = await Promise.all(Array.from({ length: 8 }, () => c.post(`/ideen/${id}/unterstuetzen`)));
    expect(results.every((r) => r.statusCode === 303)).toBe(true);
    const own = await signedIn(author.id);
    await own.post(`/ideen/${id}/unterstuetzen`);
    const row = await q.findIdea(t.db, t.org.id, id);
    expect(row?.supporters_count).toBe(1);
    const rows = await t.db.selectFrom('idea_supporters').selectAll().where('idea_id', '=', id).execute();
    expect(rows).toHaveLength(1);
    // Withdrawn while open.
    await c.post(`/ideen/${id}/zurueckziehen`);
    expect((await q.findIdea(t.db, t.org.id, id))?.supporters_count).toBe(0);
  });

  it("refuses a support the city's rule does not allow with 403 and changes nothing", async () => {
    await t.db
      .insertInto('idea_settings')
      .values({
        organization_id: t.org.id,
        rules: JSON.stringify({ support: { who: 'verified', districtIds: [], ageMin: null, ageMax: null, referenceDate: null } }),
      })
      .onConflict((oc) =>
        oc
          .column('organization_id')
          .doUpdateSet({ rules: JSON.stringify({ support: { who: 'verified', districtIds: [], ageMin: null, ageMax: null, referenceDate: null } }) }),
      )
      .execute();
    try {
      const id = await idea();
      const c = await signedIn();
      const page = await c.get(`/ideen/${id}`);
      expect(page.body).toContain('data-refusal="verify"');
      expect(page.body).not.toContain(`action="/ideen/${id}/unterstuetzen"`);
      const res = await c.post(`/ideen/${id}/unterstuetzen`);
      expect(res.statusCode).toBe(403);
      expect((await q.findIdea(t.db, t.org.id, id))?.supporters_count).toBe(0);
      expect(await t.db.selectFrom('idea_supporters').selectAll().where('idea_id', '=', id).execute()).toHaveLength(0);
    } finally {
      await t.db.updateTable('idea_settings').set({ rules: '{}' }).where('organization_id', '=', t.org.id).execute();
    }
  });

  it('refuses anonymous supports and changes nothing', async () => {
    const id = await idea();
    const res = await new Client(t).post(`/ideen/${id}/unterstuetzen`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('/anmelden');
    expect((await q.findIdea(t.db, t.org.id, id))?.supporters_count).toBe(0);
  });

  it('sets the deadline in the transaction of the support that reaches the threshold', async () => {
    await t.db
      .insertInto('idea_settings')
      .values({ organization_id: t.org.id, threshold_floor: 2, threshold_permille: 0, answer_weeks: 6 })
      .onConflict((oc) => oc.column('organization_id').doUpdateSet({ threshold_floor: 2, threshold_permille: 0, computed_at: null }))
      .execute();
    const id = await idea();
    await (await signedIn()).post(`/ideen/${id}/unterstuetzen`);
    expect((await q.findIdea(t.db, t.org.id, id))?.reached_at).toBeNull();
    const res = await (await signedIn()).post(`/ideen/${id}/unterstuetzen`);
    expect(res.headers.location).toContain('ok=reached');
    const row = await q.findIdea(t.db, t.org.id, id);
    expect(row?.reached_at).not.toBeNull();
    const weeks = (new Date(row!.answer_due_at!).getTime() - new Date(row!.reached_at!).getTime()) / (7 * 86_400_000);
    expect(weeks).toBeCloseTo(6, 5);
    const page = await new Client(t).get(`/ideen/${id}`);
    expect(page.body).toContain('2 von 2 Unterstützungen');
    expect(page.body).toContain('Antwort fällig bis');
    const queue = await staff.get('/verwaltung/ideen');
    expect(queue.body).toContain(`/verwaltung/ideen/${id}"`);
  });
});

describe('staff', () => {
  it('changes status with a public reason, answers, and logs each action', async () => {
    const id = await idea();
    let res = await staff.post(`/verwaltung/ideen/${id}/status`, { to: 'rejected', reason: '' });
    expect(res.statusCode).toBe(422);
    res = await staff.post(`/verwaltung/ideen/${id}/status`, { to: 'implemented', reason: '' });
    expect(res.statusCode).toBe(422);
    res = await staff.post(`/verwaltung/ideen/${id}/status`, { to: 'reviewing', reason: '' });
    expect(res.statusCode).toBe(303);
    res = await staff.post(`/verwaltung/ideen/${id}/antwort`, { answer: 'Wir prüfen zwei Standorte am Ufer.' });
    expect(res.statusCode).toBe(303);
    const page = await new Client(t).get(`/ideen/${id}`);
    expect(page.body).toContain('Offizielle Antwort der Stadt');
    expect(page.body).toContain('Wir prüfen zwei Standorte am Ufer.');
    expect(page.body).toContain('Neuer Stand: In Prüfung');
    const audit = await t.db.selectFrom('audit_log').select('action').where('subject', '=', String(id)).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['ideas.answer', 'ideas.status']);
  });

  it('a department that is deleted leaves its ideas without one', async () => {
    const { createDepartment } = await import('../../../test/helpers/factories');
    const department = await createDepartment(t.db, t.org.id);
    const id = await idea({ departmentId: department.id });
    await t.db.deleteFrom('departments').where('id', '=', department.id).execute();
    expect((await q.findIdea(t.db, t.org.id, id))?.department_id).toBeNull();
  });

  it('residents cannot use staff actions', async () => {
    const id = await idea();
    const res = await (await signedIn()).post(`/verwaltung/ideen/${id}/status`, { to: 'reviewing' });
    expect(res.statusCode).toBe(403);
    expect((await q.findIdea(t.db, t.org.id, id))?.status).toBe('submitted');
  });

  it('merges duplicates: supports move once, the merged idea redirects 301', async () => {
    const kept = await idea();
    const dup = await idea({ title: 'Bänke am See' });
    const both = await signedIn();
    const onlyDup = await signedIn();
    await both.post(`/ideen/${kept}/unterstuetzen`);
    await both.post(`/ideen/${dup}/unterstuetzen`);
    await onlyDup.post(`/ideen/${dup}/unterstuetzen`);
    const res = await staff.post(`/verwaltung/ideen/${dup}/zusammenfuehren`, { into: String(kept) });
    expect(res.statusCode).toBe(303);
    expect((await q.findIdea(t.db, t.org.id, kept))?.supporters_count).toBe(2);
    const redirect = await new Client(t).get(`/ideen/${dup}`);
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe(`/ideen/${kept}`);
    const page = await new Client(t).get(`/ideen/${kept}`);
    expect(page.body).toContain(`Die Idee #${dup} wurde hier hinzugefügt`);
  });
});

describe('list, city scoping and open data', () => {
  it('filters and searches (German full text, "oder")', async () => {
    await idea({ title: 'Fahrradstraße in der Nordstadt', description: 'Eine sichere Route für Radfahrende zur Schule.', topic: 'verkehr' });
    await idea({ title: 'Hundewiese im Fredenbaumpark', description: 'Ein eingezäunter Bereich für Hunde.', topic: 'gruen' });
    const c = new Client(t);
    let res = await c.get('/ideen?suche=Fahrradstra%C3%9Fen');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Fahrradstraße in der Nordstadt');
    expect(res.body).not.toContain('Hundewiese');
    res = await c.get('/ideen?suche=Hundewiese%20oder%20Fahrradstra%C3%9Fe');
    expect(res.body).toContain('Hundewiese');
    expect(res.body).toContain('Fahrradstraße');
    res = await c.get('/ideen?thema=verkehr&sortierung=newest');
    expect(res.body).not.toContain('Hundewiese');
    expect((await c.get('/ideen?thema=nix')).statusCode).toBe(400);
    expect((await c.get('/ideen?bezirk=abc')).statusCode).toBe(400);
    expect((await c.get('/ideen?bezirk=2147483648')).statusCode).toBe(400);
    expect((await c.get('/ideen?bezirk=&thema=&stand=')).statusCode).toBe(200);
    const district = await t.db.selectFrom('districts').select('id').where('organization_id', '=', t.org.id).executeTakeFirstOrThrow();
    expect((await c.get(`/ideen?bezirk=${district.id}`)).statusCode).toBe(200);
    expect((await staff.get(`/verwaltung/ideen?abteilung=&auswahl=all`)).statusCode).toBe(200);
    expect((await c.get('/ideen?darstellung=karte')).statusCode).toBe(200);
    const svg = await c.get('/ideen/karte.svg?thema=gruen');
    expect(svg.headers['content-type']).toContain('image/svg+xml');
  });

  it("answers 404 for another city's idea", async () => {
    const other = await createOrganization(t.db, { hosts: ['andere.example'] });
    const foreign = await idea({ authorUserId: null }, other.id);
    expect((await new Client(t).get(`/ideen/${foreign}`)).statusCode).toBe(404);
    expect((await staff.get(`/verwaltung/ideen/${foreign}`)).statusCode).toBe(404);
    expect((await (await signedIn()).post(`/ideen/${foreign}/unterstuetzen`)).statusCode).toBe(404);
  });

  it('publishes GeoJSON, CSV and Atom without personal data', async () => {
    const resident = await t.db.selectFrom('users').select(['email', 'display_name']).where('id', '=', author.id).executeTakeFirstOrThrow();
    await idea({ title: '=HYPERLINK("x")', lat: 51.5, lon: 7.5 });
    const c = new Client(t);
    const geo = await c.get('/api/ideas.geojson');
    expect(geo.statusCode).toBe(200);
    const json = geo.json();
    expect(json.type).toBe('FeatureCollection');
    expect(json.features[0].geometry.coordinates).toEqual([7.5, 51.5]);
    const csv = await c.get('/api/ideas.csv');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    expect(csv.body).toContain(`"'=HYPERLINK(""x"")"`);
    const atom = await c.get('/feeds/ideen.atom');
    expect(atom.statusCode).toBe(200);
    for (const body of [geo.body, csv.body, atom.body]) {
      expect(body).not.toContain(resident.email);
      expect(body).not.toContain('author_user');
      expect(body).not.toContain('supporter_key');
    }
  });
});

describe('turning an idea into a report', () => {
  it('creates the report through the reports module and links both ways, once', async () => {
    const { createCategory } = await import('../../../test/helpers/factories');
    const category = await createCategory(t.db, t.org.id, { name: 'Spielplatz' });
    const id = await idea({ title: 'Kaputte Schaukel', description: 'Die Schaukel auf dem Spielplatz ist seit Wochen kaputt.', lat: 51.5, lon: 7.5 });
    expect((await staff.post(`/verwaltung/ideen/${id}/meldung`, { categoryId: '' })).statusCode).toBe(422);
    const res = await staff.post(`/verwaltung/ideen/${id}/meldung`, { categoryId: String(category.id) });
    expect(res.statusCode).toBe(303);
    const row = await q.findIdea(t.db, t.org.id, id);
    expect(row?.report_id).toBeTruthy();
    const report = await t.db.selectFrom('reports').select(['description', 'lat']).where('id', '=', row!.report_id!).executeTakeFirstOrThrow();
    expect(report.description).toContain('Kaputte Schaukel');
    const note = await t.db
      .selectFrom('report_events')
      .select(['body', 'public'])
      .where('report_id', '=', row!.report_id!)
      .where('kind', '=', 'public_note')
      .executeTakeFirstOrThrow();
    expect(note.public).toBe(true);
    expect(note.body).toContain(`/ideen/${id}`);
    const page = await new Client(t).get(`/ideen/${id}`);
    expect(page.body).toContain(`/meldungen/${row!.report_id}`);
    // A second press makes no second report.
    expect((await staff.post(`/verwaltung/ideen/${id}/meldung`, { categoryId: String(category.id) })).statusCode).toBe(422);
    expect(await t.db.selectFrom('reports').select('id').where('description', 'like', 'Kaputte Schaukel%').execute()).toHaveLength(1);
  });
});
