import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createCategory, createOrganization, createResident, createStaff } from '../../../test/helpers/factories';
import type { Organization } from '../../db-schema';
import { addSupporter, makeReport, seedBackOffice } from '../../modules/reports/backoffice/backoffice.test-support';
import { localStorage } from '../files/storage';
import { createSession } from '../http/sessions';

// Two cities in one database, each addressed by its own host name. Everything of city A answers on A's host and
// is neither visible nor changeable through B's host, whoever asks: anonymous visitors, B's residents, B's admins.
// Each check is made on A's host too, so a 404 on B's host means "other city", not "broken".

const HOST_A = 'localhost';
const HOST_B = 'zweite-stadt.example';

let t: TestApp;
let cityB: Organization;
let reportId: number;
let photoId: number;
let placeId: number;
const a: Record<'admin' | 'resident' | 'anonymous', Client> = {} as never;
const b: Record<'admin' | 'resident' | 'anonymous', Client> = {} as never;

/** A client signed in to one city: the session belongs to that city, as after signing in on its host. */
async function clientOf(organizationId: number, userId: number | null, level: 'resident' | 'staff'): Promise<Client> {
  const client = new Client(t);
  if (userId !== null) {
    const token = await createSession(t.db, { organizationId, userId, level, idleMinutes: 30, absoluteHours: 1 });
    client.cookies.set('k_session', token);
  }
  return client;
}

const on = (host: string) => ({ host });

beforeAll(async () => {
  t = await createTestApp();
  cityB = await createOrganization(t.db, { hosts: [HOST_B], name: 'Zweite Stadt' });
  const storage = localStorage(path.join(t.config.dataDir, 'files'));
  const s = await seedBackOffice(t.db, t.config.secret, t.org.id);
  reportId = await makeReport(t.db, storage, t.org.id, { categoryId: s.category.id, departmentId: s.depA.id, description: 'Loch in Stadt A', photos: 1 });
  const photo = await t.db.selectFrom('report_photos').select('id').where('report_id', '=', reportId).executeTakeFirstOrThrow();
  photoId = photo.id;
  await t.db.updateTable('report_photos').set({ status: 'approved' }).where('id', '=', photoId).execute();
  const angstraum = await createCategory(t.db, t.org.id, { kind: 'angstraum', name: 'Angstraum' });
  placeId = await makeReport(t.db, null, t.org.id, { categoryId: angstraum.id, departmentId: null, description: 'Dunkle Unterführung' });
  await t.db.updateTable('reports').set({ reviewed_at: new Date(), reviewed_by: s.admin.id }).where('id', '=', placeId).execute();

  a.admin = await clientOf(t.org.id, s.admin.id, 'staff');
  a.resident = await clientOf(t.org.id, s.resident.id, 'resident');
  a.anonymous = await clientOf(t.org.id, null, 'resident');
  const adminB = await createStaff(t.db, t.config.secret, cityB.id, 'admin');
  const residentB = await createResident(t.db, cityB.id);
  b.admin = await clientOf(cityB.id, adminB.id, 'staff');
  b.resident = await clientOf(cityB.id, residentB.id, 'resident');
  b.anonymous = await clientOf(cityB.id, null, 'resident');
});

afterAll(() => t?.close());

const supporters = async () =>
  (await t.db.selectFrom('reports').select('supporters_count').where('id', '=', reportId).executeTakeFirstOrThrow()).supporters_count;

describe('city scoping across two cities in one database', () => {
  it('shows a report page only on its own city’s host', async () => {
    const own = await a.anonymous.get(`/meldungen/${reportId}`, on(HOST_A));
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Loch in Stadt A');
    for (const client of Object.values(b)) {
      const other = await client.get(`/meldungen/${reportId}`, on(HOST_B));
      expect(other.statusCode).toBe(404);
      expect(other.body).not.toContain('Loch in Stadt A');
    }
  });

  it('serves a report’s photo only on its own city’s host', async () => {
    expect((await a.anonymous.get(`/fotos/${photoId}/large.jpg`, on(HOST_A))).statusCode).toBe(200);
    expect((await b.anonymous.get(`/fotos/${photoId}/large.jpg`, on(HOST_B))).statusCode).toBe(404);
  });

  it('shows the back-office report detail only to staff of the report’s city', async () => {
    const own = await a.admin.get(`/verwaltung/meldungen/${reportId}`, on(HOST_A));
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Loch in Stadt A');
    const other = await b.admin.get(`/verwaltung/meldungen/${reportId}`, on(HOST_B));
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('Loch in Stadt A');
    // A's session is A's: on B's host it signs nobody in.
    expect((await a.admin.get(`/verwaltung/meldungen/${reportId}`, on(HOST_B))).statusCode).not.toBe(200);
  });

  it('lets no one change a report through another city’s back office', async () => {
    const before = await t.db.selectFrom('reports').select(['status', 'updated_at']).where('id', '=', reportId).executeTakeFirstOrThrow();
    const events = async () => (await t.db.selectFrom('report_events').select('id').where('report_id', '=', reportId).execute()).length;
    const eventsBefore = await events();
    const status = await b.admin.post(`/verwaltung/meldungen/${reportId}/status`, { status: 'in_progress', statusNote: '' }, { headers: on(HOST_B) });
    expect(status.statusCode).toBe(404);
    const note = await b.admin.post(`/verwaltung/meldungen/${reportId}/nachricht`, { publicNote: 'Aus Stadt B' }, { headers: on(HOST_B) });
    expect(note.statusCode).toBe(404);
    const photo = await b.admin.post(`/verwaltung/meldungen/${reportId}/fotos/${photoId}/verbergen`, {}, { headers: on(HOST_B) });
    expect(photo.statusCode).toBe(404);
    const after = await t.db.selectFrom('reports').select(['status', 'updated_at']).where('id', '=', reportId).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect(await events()).toBe(eventsBefore);
    expect((await t.db.selectFrom('report_photos').select('status').where('id', '=', photoId).executeTakeFirstOrThrow()).status).toBe('approved');

    // The same form posts on A's host by A's admin do change it: the 404s above were about the city.
    const own = await a.admin.post(`/verwaltung/meldungen/${reportId}/status`, { status: 'in_progress', statusNote: '' }, { headers: on(HOST_A) });
    expect(own.statusCode).toBe(303);
    const changed = await t.db.selectFrom('reports').select('status').where('id', '=', reportId).executeTakeFirstOrThrow();
    expect(changed.status).toBe('in_progress');
    expect((await a.admin.post(`/verwaltung/meldungen/${reportId}/fotos/${photoId}/verbergen`, {}, { headers: on(HOST_A) })).statusCode).toBe(303);
    await t.db.updateTable('report_photos').set({ status: 'approved' }).where('id', '=', photoId).execute();
  });

  it('answers Open311 GET of one request only on the request’s own city’s host', async () => {
    const own = await a.anonymous.get(`/open311/v2/requests/${reportId}.json`, on(HOST_A));
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Loch in Stadt A');
    const other = await b.anonymous.get(`/open311/v2/requests/${reportId}.json`, on(HOST_B));
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('Loch in Stadt A');
  });

  it('counts "me too" and follows only through the report’s own city', async () => {
    const count = await supporters();
    const meToo = await b.resident.post(`/meldungen/${reportId}/unterstuetzen`, {}, { headers: on(HOST_B) });
    expect(meToo.statusCode).toBe(404);
    const follow = await b.resident.post(`/meldungen/${reportId}/folgen`, {}, { headers: on(HOST_B) });
    expect(follow.statusCode).toBe(404);
    expect(await supporters()).toBe(count);
    const rows = await t.db.selectFrom('report_supporters').select('organization_id').where('report_id', '=', reportId).execute();
    expect(rows.every((r) => r.organization_id === t.org.id)).toBe(true);

    // The same person's "me too" on A's host is A's own and counts.
    const own = await a.resident.post(`/meldungen/${reportId}/unterstuetzen`, {}, { headers: on(HOST_A) });
    expect(own.statusCode).toBe(303);
    expect(await supporters()).toBe(count + 1);
  });

  it('keeps a city’s supporters off another city’s reports in the database itself', async () => {
    // Below the application: the composite foreign key refuses a supporter row naming city B for city A's report.
    await expect(addSupporter(t.db, cityB.id, reportId, 'u:fremd')).rejects.toThrow(/foreign key/);
  });

  it('shows an Angstraum only on its own city’s host', async () => {
    expect((await a.anonymous.get(`/angstraeume/${placeId}`, on(HOST_A))).statusCode).toBe(200);
    const other = await b.anonymous.get(`/angstraeume/${placeId}`, on(HOST_B));
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('Dunkle Unterführung');
  });
});
