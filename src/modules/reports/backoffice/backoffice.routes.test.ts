import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../../test/helpers/app';
import { createCategory, createDepartment, createOrganization } from '../../../../test/helpers/factories';
import { localStorage } from '../../../platform/files/storage';
import { addSupporter, makeReport, seedBackOffice } from './backoffice.test-support';

let t: TestApp;
let s: Awaited<ReturnType<typeof seedBackOffice>>;
let storage: ReturnType<typeof localStorage>;
const clients: Record<string, Client> = {};

beforeAll(async () => {
  t = await createTestApp();
  storage = localStorage(path.join(t.config.dataDir, 'files'));
  s = await seedBackOffice(t.db, t.config.secret, t.org.id);
  for (const [name, user] of Object.entries({ admin: s.admin, moderator: s.moderator, staffA: s.staffA, staffB: s.staffB })) {
    clients[name] = new Client(t);
    await clients[name].signInAs(user.id, 'staff');
  }
  clients.resident = new Client(t);
  await clients.resident.signInAs(s.resident.id, 'resident');
  clients.anonymous = new Client(t);
});
afterAll(() => t.close());

const reportA = (extra: Partial<Parameters<typeof makeReport>[3]> = {}) =>
  makeReport(t.db, storage, t.org.id, { categoryId: s.category.id, departmentId: s.depA.id, ...extra });
const row = (id: number) => t.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const events = (id: number) => t.db.selectFrom('report_events').selectAll().where('report_id', '=', id).orderBy('id').execute();
const lastEvent = async (id: number) => (await events(id)).at(-1)!;

describe('permissions: every back-office route × role', () => {
  it('answers each role as it should', async () => {
    const id = await reportA({ photos: 1 });
    const photo = await t.db.selectFrom('report_photos').select('id').where('report_id', '=', id).executeTakeFirstOrThrow();
    const tpl = await t.db
      .insertInto('response_templates')
      .values({ organization_id: t.org.id, title: 'Perm', body: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reportGets = [`/verwaltung/meldungen/${id}`, `/verwaltung/meldungen/${id}/fotos/${photo.id}`, `/verwaltung/fotos/${photo.id}/thumb.jpg`];
    const adminGets = [
      '/verwaltung/kategorien',
      '/verwaltung/kategorien/neu',
      `/verwaltung/kategorien/${s.category.id}`,
      `/verwaltung/kategorien/${s.category.id}/fragen/neu`,
      '/verwaltung/antwortvorlagen',
      '/verwaltung/antwortvorlagen/neu',
      `/verwaltung/antwortvorlagen/${tpl.id}`,
      '/verwaltung/open311',
      `/verwaltung/abteilungen/${s.depA.id}/open311`,
    ];
    const expectations: Record<string, { inbox: number; report: number; admin: number }> = {
      admin: { inbox: 200, report: 200, admin: 200 },
      moderator: { inbox: 200, report: 200, admin: 403 },
      staffA: { inbox: 200, report: 200, admin: 403 },
      staffB: { inbox: 200, report: 403, admin: 403 },
      resident: { inbox: 403, report: 403, admin: 403 },
      anonymous: { inbox: 303, report: 303, admin: 303 },
    };
    for (const [name, want] of Object.entries(expectations)) {
      const c = clients[name]!;
      const inbox = await c.get('/verwaltung/meldungen');
      expect(inbox.statusCode, `${name} inbox`).toBe(want.inbox);
      for (const url of reportGets) expect((await c.get(url)).statusCode, `${name} ${url}`).toBe(want.report);
      for (const url of adminGets) expect((await c.get(url)).statusCode, `${name} ${url}`).toBe(want.admin);
      if (name === 'anonymous') expect(inbox.headers.location).toBe('/verwaltung/anmelden?return=%2Fverwaltung%2Fmeldungen');
    }
  });

  it('refuses every form post to people without the right, and changes nothing', async () => {
    const id = await reportA({ photos: 1 });
    const photo = await t.db.selectFrom('report_photos').select('id').where('report_id', '=', id).executeTakeFirstOrThrow();
    const posts: Array<[string, Record<string, string>]> = [
      [`/verwaltung/meldungen/${id}/annehmen`, {}],
      [`/verwaltung/meldungen/${id}/status`, { status: 'in_progress' }],
      [`/verwaltung/meldungen/${id}/kategorie`, { categoryId: String(s.category2.id) }],
      [`/verwaltung/meldungen/${id}/abteilung`, { departmentId: String(s.depB.id) }],
      [`/verwaltung/meldungen/${id}/doppelt`, { duplicateOf: '1' }],
      [`/verwaltung/meldungen/${id}/ablehnen`, { rejectReason: 'nein' }],
      [`/verwaltung/meldungen/${id}/nicht-zustaendig`, { who: 'Bahn' }],
      [`/verwaltung/meldungen/${id}/nachricht`, { publicNote: 'hallo' }],
      [`/verwaltung/meldungen/${id}/notiz`, { internalNote: 'hallo' }],
      [`/verwaltung/meldungen/${id}/fotos/${photo.id}/freigeben`, {}],
      [`/verwaltung/meldungen/${id}/fotos/${photo.id}/verbergen`, {}],
      [`/verwaltung/meldungen/${id}/fotos/${photo.id}/schwaerzen`, { x: '1', y: '1', w: '10', h: '10' }],
    ];
    const adminPosts: Array<[string, Record<string, string>]> = [
      ['/verwaltung/kategorien', { code: 'neu-x', name_de: 'X', name_en: 'X', kind: 'defect' }],
      [`/verwaltung/kategorien/${s.category.id}`, { code: 'x', name_de: 'X', name_en: 'X', kind: 'defect' }],
      [`/verwaltung/kategorien/${s.category.id}/fragen`, { code: 'x', datatype: 'text', label_de: 'X', label_en: 'X' }],
      [`/verwaltung/kategorien/${s.category.id}/zustaendigkeiten`, {}],
      ['/verwaltung/antwortvorlagen', { title: 'X', body: 'X' }],
      [`/verwaltung/abteilungen/${s.depA.id}/open311`, { endpoint: 'https://evil.example/' }],
    ];
    const before = await events(id);
    for (const name of ['staffB', 'resident', 'anonymous']) {
      for (const [url, fields] of posts) {
        const res = await clients[name]!.post(url, fields);
        expect(res.statusCode, `${name} ${url}`).toBe(name === 'anonymous' ? 303 : 403);
        if (name === 'anonymous') expect(res.headers.location).toBe('/verwaltung/anmelden?return=%2Fverwaltung');
      }
    }
    for (const name of ['moderator', 'staffA', 'resident']) {
      for (const [url, fields] of adminPosts) expect((await clients[name]!.post(url, fields)).statusCode, `${name} ${url}`).toBe(403);
    }
    expect(await events(id)).toEqual(before);
    expect((await row(id)).status).toBe('new');
    expect((await t.db.selectFrom('departments').select('open311_endpoint').where('id', '=', s.depA.id).executeTakeFirstOrThrow()).open311_endpoint).toBeNull();
  });

  it('needs the CSRF token on every action', async () => {
    const id = await reportA();
    const res = await clients.admin!.post(`/verwaltung/meldungen/${id}/annehmen`, {}, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect((await row(id)).status).toBe('new');
  });

  it('answers tampered and unknown ids with 404, and never reaches another city', async () => {
    const other = await createOrganization(t.db, { hosts: ['andere-stadt.example'] });
    const otherDep = await createDepartment(t.db, other.id);
    const otherCat = await createCategory(t.db, other.id, { departmentId: otherDep.id });
    const foreign = await makeReport(t.db, storage, other.id, { categoryId: otherCat.id, departmentId: otherDep.id, photos: 1 });
    const foreignPhoto = await t.db.selectFrom('report_photos').select('id').where('report_id', '=', foreign).executeTakeFirstOrThrow();
    const own = await reportA({ photos: 1 });
    const ownPhoto = await t.db.selectFrom('report_photos').select('id').where('report_id', '=', own).executeTakeFirstOrThrow();
    const admin = clients.admin!;
    for (const url of [
      '/verwaltung/meldungen/abc',
      '/verwaltung/meldungen/99999999',
      `/verwaltung/meldungen/${foreign}`,
      `/verwaltung/fotos/${foreignPhoto.id}/large.jpg`,
      `/verwaltung/fotos/${ownPhoto.id}/original.jpg`,
      `/verwaltung/fotos/${ownPhoto.id}/large.png`,
      `/verwaltung/meldungen/${own}/fotos/${foreignPhoto.id}`,
      '/verwaltung/kategorien/0',
      `/verwaltung/kategorien/${otherCat.id}`,
      `/verwaltung/abteilungen/${otherDep.id}/open311`,
      '/verwaltung/antwortvorlagen/12345678',
    ]) {
      expect((await admin.get(url)).statusCode, url).toBe(404);
    }
    expect((await admin.post(`/verwaltung/meldungen/${foreign}/annehmen`)).statusCode).toBe(404);
    expect((await admin.post(`/verwaltung/meldungen/${own}/fotos/${foreignPhoto.id}/freigeben`)).statusCode).toBe(404);
    expect((await admin.post(`/verwaltung/meldungen/${own}/fotos/${foreignPhoto.id}/schwaerzen`, { x: '0', y: '0', w: '5', h: '5' })).statusCode).toBe(404);
    // Ids of another city in form fields are refused like unknown ones, with the form shown again.
    const cat = await admin.post(`/verwaltung/meldungen/${own}/kategorie`, { categoryId: String(otherCat.id) });
    expect(cat.statusCode).toBe(400);
    const dep = await admin.post(`/verwaltung/meldungen/${own}/abteilung`, { departmentId: String(otherDep.id) });
    expect(dep.statusCode).toBe(400);
    const dup = await admin.post(`/verwaltung/meldungen/${own}/doppelt`, { duplicateOf: String(foreign) });
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain(`Meldung #${foreign} gibt es nicht`);
    expect((await row(foreign)).status).toBe('new');
    expect((await row(own)).status).toBe('new');
  });
});

describe('working on a report', () => {
  it('shows everything to staff, private contact data and all photos included', async () => {
    const id = await reportA({ photos: 2, reporterName: 'Erika Privat', reporterEmail: 'erika.privat@example.de' });
    await t.db.updateTable('reports').set({ reporter_phone: '0231 123456' }).where('id', '=', id).execute();
    const res = await clients.staffA!.get(`/verwaltung/meldungen/${id}`);
    expect(res.statusCode).toBe(200);
    for (const text of ['Erika Privat', 'erika.privat@example.de', '0231 123456', '51.500000, 7.500000', 'wartet auf Prüfung', 'Meldung eingegangen'])
      expect(res.body).toContain(text);
    expect(res.body.match(/\/verwaltung\/fotos\/\d+\/thumb\.jpg/g)?.length).toBe(2);
    expect((await clients.anonymous!.get(`/meldungen/${id}`)).body).not.toContain('erika.privat@example.de');
  });

  it('confirms a report: status, public event with actor, updated_at, in one go', async () => {
    const id = await reportA();
    await t.db
      .updateTable('reports')
      .set({ updated_at: new Date('2020-01-01') })
      .where('id', '=', id)
      .execute();
    const res = await clients.staffA!.post(`/verwaltung/meldungen/${id}/annehmen`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/verwaltung/meldungen/${id}?ok=status`);
    const r = await row(id);
    expect(r.status).toBe('confirmed');
    expect(new Date(r.updated_at).getFullYear()).toBeGreaterThan(2020);
    const e = await lastEvent(id);
    expect(e).toMatchObject({ kind: 'status', public: true, actor_user_id: s.staffA.id, from_status: 'new', to_status: 'confirmed' });
    expect((await clients.staffA!.get(res.headers.location as string)).body).toContain('Status geändert.');
    expect((await clients.anonymous!.get(`/meldungen/${id}`)).body).toContain('Status: Neu → Angenommen');
  });

  it('follows the status rules: fixed sets fixed_at, reopening clears it, bad moves are refused with the input kept', async () => {
    const id = await reportA();
    const c = clients.moderator!;
    const bad = await c.post(`/verwaltung/meldungen/${id}/status`, { status: 'unconfirmed', statusNote: 'Mein <b>Text</b>' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Bitte wählen Sie einen Status aus der Liste');
    expect(bad.body).toContain('Mein &lt;b>Text&lt;/b>');
    expect(bad.body).toContain('k-field--error');
    expect((await c.post(`/verwaltung/meldungen/${id}/status`, { status: 'bogus' })).statusCode).toBe(400);

    expect((await c.post(`/verwaltung/meldungen/${id}/status`, { status: 'fixed', statusNote: 'Repariert.' })).statusCode).toBe(303);
    let r = await row(id);
    expect(r.status).toBe('fixed');
    expect(r.fixed_at).not.toBeNull();
    expect(await lastEvent(id)).toMatchObject({ kind: 'status', public: true, body: 'Repariert.', to_status: 'fixed' });

    const notAllowed = await c.post(`/verwaltung/meldungen/${id}/status`, { status: 'confirmed' });
    expect(notAllowed.statusCode).toBe(400);
    expect(notAllowed.body).toContain('Dieser Statuswechsel ist vom aktuellen Status');

    expect((await c.post(`/verwaltung/meldungen/${id}/status`, { status: 'in_progress' })).statusCode).toBe(303);
    r = await row(id);
    expect(r.fixed_at).toBeNull();
    expect(await lastEvent(id)).toMatchObject({ kind: 'reopened', public: true, from_status: 'fixed', to_status: 'in_progress' });

    expect((await c.post(`/verwaltung/meldungen/${id}/status`, { status: 'closed' })).statusCode).toBe(303);
    r = await row(id);
    expect(r).toMatchObject({ status: 'closed', close_reason: 'done' });
    expect(await lastEvent(id)).toMatchObject({ kind: 'status', data: { closeReason: 'done' } });
    expect((await clients.anonymous!.get(`/meldungen/${id}`)).body).toContain('Abgeschlossen');
  });

  it('changes the category and passes the report on, with public events residents understand', async () => {
    const id = await reportA();
    const inactive = await createCategory(t.db, t.org.id, { name: 'Alt' });
    await t.db.updateTable('report_categories').set({ active: false }).where('id', '=', inactive.id).execute();
    expect((await clients.staffA!.post(`/verwaltung/meldungen/${id}/kategorie`, { categoryId: String(inactive.id) })).statusCode).toBe(400);
    expect((await clients.staffA!.post(`/verwaltung/meldungen/${id}/kategorie`, { categoryId: String(s.category.id) })).body).toContain(
      'hat diese Kategorie schon',
    );
    expect((await clients.staffA!.post(`/verwaltung/meldungen/${id}/kategorie`, { categoryId: String(s.category2.id) })).statusCode).toBe(303);
    expect((await row(id)).category_id).toBe(s.category2.id);
    expect(await lastEvent(id)).toMatchObject({ kind: 'category', public: true, data: { toDe: 'Wilder Müll', toEn: 'Wilder Müll (en)' } });

    const res = await clients.staffA!.post(`/verwaltung/meldungen/${id}/abteilung`, { departmentId: String(s.depB.id) });
    expect(res.statusCode).toBe(303);
    // Staff of the old department lose the report: back to their inbox with a note.
    expect(res.headers.location).toBe(`/verwaltung/meldungen?ok=weitergegeben&nr=${id}`);
    expect((await clients.staffA!.get(res.headers.location as string)).body).toContain(`Meldung #${id} wurde an eine andere Abteilung weitergegeben`);
    expect((await row(id)).department_id).toBe(s.depB.id);
    expect(await lastEvent(id)).toMatchObject({ kind: 'department', public: true, actor_user_id: s.staffA.id, data: { to: 'Grünflächenamt' } });
    expect((await clients.staffA!.get(`/verwaltung/meldungen/${id}`)).statusCode).toBe(403);
    expect((await clients.staffB!.get(`/verwaltung/meldungen/${id}`)).statusCode).toBe(200);
    const page = await clients.anonymous!.get(`/meldungen/${id}`);
    expect(page.body).toContain('Kategorie geändert: Wilder Müll');
    expect(page.body).toContain('An eine andere Stelle weitergeleitet: Grünflächenamt');
    // The receiving department hears of it as of a new report, in the same transaction as the change.
    const mail = await t.db
      .selectFrom('outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', s.depB.email)
      .where('subject', 'like', `%#${id}%`)
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe(`Weitergeleitete Meldung #${id}: Wilder Müll`);
    expect(mail.text_body).toContain(`Die Abteilung ${s.depA.name} hat Ihnen Meldung #${id}`);
    expect(mail.text_body).toContain(`/verwaltung/meldungen/${id}`);
  });

  it('passing a report on to a department with Open311 forwarding queues the forward instead of a mail', async () => {
    const id = await reportA();
    await t.db
      .updateTable('departments')
      .set({ open311_enabled: true, open311_endpoint: 'https://open311.example.org/v2/' })
      .where('id', '=', s.depB.id)
      .execute();
    try {
      expect((await clients.staffA!.post(`/verwaltung/meldungen/${id}/abteilung`, { departmentId: String(s.depB.id) })).statusCode).toBe(303);
      const forward = await t.db.selectFrom('report_forwards').select(['department_id']).where('report_id', '=', id).execute();
      expect(forward).toEqual([{ department_id: s.depB.id }]);
      const mails = await t.db.selectFrom('outbox').select('id').where('to_address', '=', s.depB.email).where('subject', 'like', `%#${id}%`).execute();
      expect(mails).toEqual([]);
    } finally {
      await t.db.updateTable('departments').set({ open311_enabled: false, open311_endpoint: null }).where('id', '=', s.depB.id).execute();
    }
  });

  it('marks a duplicate: supporters and followers move, a person supporting both counts once', async () => {
    const original = await reportA({ reporterEmail: 'first@example.de' });
    const dup = await reportA({ reporterEmail: 'second@example.de' });
    await addSupporter(t.db, t.org.id, original, 'u:101');
    await addSupporter(t.db, t.org.id, original, 'u:102');
    await addSupporter(t.db, t.org.id, dup, 'u:102');
    await addSupporter(t.db, t.org.id, dup, 'u:103');
    await t.db
      .insertInto('report_followers')
      .values({ organization_id: t.org.id, report_id: original, email: 'both@example.de', unsubscribe_token_hash: 'h-both-1' })
      .execute();
    await t.db
      .insertInto('report_followers')
      .values({ organization_id: t.org.id, report_id: dup, email: 'both@example.de', unsubscribe_token_hash: 'h-both-2' })
      .execute();
    const c = clients.staffA!;
    expect((await c.post(`/verwaltung/meldungen/${dup}/doppelt`, { duplicateOf: String(dup) })).body).toContain('nicht doppelt zu sich selbst');
    expect((await c.post(`/verwaltung/meldungen/${dup}/doppelt`, { duplicateOf: 'zwölf', duplicateNote: 'bleibt' })).body).toContain('value="zwölf"');

    const res = await c.post(`/verwaltung/meldungen/${dup}/doppelt`, { duplicateOf: `#${original}`, duplicateNote: 'Schon gemeldet.' });
    expect(res.statusCode).toBe(303);
    const d = await row(dup);
    expect(d).toMatchObject({ status: 'closed', close_reason: 'duplicate', duplicate_of: original, supporters_count: 0 });
    const o = await row(original);
    expect(o.supporters_count).toBe(3);
    const keys = await t.db.selectFrom('report_supporters').select('supporter_key').where('report_id', '=', original).orderBy('supporter_key').execute();
    expect(keys.map((k) => k.supporter_key)).toEqual(['u:101', 'u:102', 'u:103']);
    const followers = await t.db
      .selectFrom('report_followers')
      .select(['email', 'report_id'])
      .where('report_id', 'in', [original, dup])
      .orderBy('email')
      .execute();
    expect(followers).toEqual([
      { email: 'both@example.de', report_id: original },
      { email: 'first@example.de', report_id: original },
      { email: 'second@example.de', report_id: original },
    ]);
    expect(await lastEvent(dup)).toMatchObject({ kind: 'duplicate', public: true, body: 'Schon gemeldet.', data: { of: original } });
    expect(await lastEvent(original)).toMatchObject({ kind: 'duplicate_merged', public: false, data: { from: dup } });
    expect((await clients.anonymous!.get(`/meldungen/${dup}`)).body).toContain(`siehe Meldung #${original}`);
    // A closed duplicate cannot be the original of another duplicate, nor be closed again.
    const third = await reportA();
    expect((await c.post(`/verwaltung/meldungen/${third}/doppelt`, { duplicateOf: String(dup) })).body).toContain('selbst doppelt');
    expect((await c.post(`/verwaltung/meldungen/${dup}/doppelt`, { duplicateOf: String(third) })).statusCode).toBe(400);
  });

  it('rejects with a public reason and closes as not responsible naming who is', async () => {
    const id = await reportA();
    const empty = await clients.staffA!.post(`/verwaltung/meldungen/${id}/ablehnen`, { rejectReason: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#f-rejectReason"');
    expect((await clients.staffA!.post(`/verwaltung/meldungen/${id}/ablehnen`, { rejectReason: 'Kein Schaden erkennbar.' })).statusCode).toBe(303);
    expect(await row(id)).toMatchObject({ status: 'closed', close_reason: 'rejected', close_note: 'Kein Schaden erkennbar.' });
    expect(await lastEvent(id)).toMatchObject({ kind: 'rejected', public: true, body: 'Kein Schaden erkennbar.' });

    const id2 = await reportA();
    expect((await clients.staffA!.post(`/verwaltung/meldungen/${id2}/nicht-zustaendig`, { who: '' })).statusCode).toBe(400);
    expect(
      (await clients.staffA!.post(`/verwaltung/meldungen/${id2}/nicht-zustaendig`, { who: 'Deutsche Bahn', notResponsibleNote: 'Bahngelände.' })).statusCode,
    ).toBe(303);
    expect(await row(id2)).toMatchObject({ status: 'closed', close_reason: 'not_responsible' });
    expect(await lastEvent(id2)).toMatchObject({ kind: 'not_responsible', public: true, data: { who: 'Deutsche Bahn' }, body: 'Bahngelände.' });
    expect((await clients.anonymous!.get(`/meldungen/${id2}`)).body).toContain('Zuständig ist: Deutsche Bahn');
    // Closed reports cannot be closed again.
    expect((await clients.staffA!.post(`/verwaltung/meldungen/${id2}/ablehnen`, { rejectReason: 'nochmal' })).statusCode).toBe(400);
  });

  it('writes a public note from a template and an internal note nobody outside sees, all escaped', async () => {
    const id = await reportA({ description: '<script>alert(1)</script> Loch' });
    const tpl = await t.db
      .insertInto('response_templates')
      .values({ organization_id: t.org.id, title: 'Danke <i>', body: 'Danke für Ihre <b>Meldung</b>.' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const form = await clients.staffA!.get(`/verwaltung/meldungen/${id}?vorlage=${tpl.id}`);
    expect(form.body).toContain('Danke für Ihre &lt;b>Meldung&lt;/b>.</textarea>');
    expect(form.body).toContain('&lt;script>alert(1)&lt;/script> Loch');
    expect(form.body).not.toContain('<script>alert');
    expect((await clients.staffA!.get(`/verwaltung/meldungen/${id}?vorlage=999999`)).statusCode).toBe(200);

    expect((await clients.staffA!.post(`/verwaltung/meldungen/${id}/nachricht`, { publicNote: '' })).statusCode).toBe(400);
    expect((await clients.staffA!.post(`/verwaltung/meldungen/${id}/nachricht`, { publicNote: 'Danke für Ihre <b>Meldung</b>.' })).statusCode).toBe(303);
    expect(await lastEvent(id)).toMatchObject({ kind: 'public_note', public: true, actor_user_id: s.staffA.id });
    expect((await clients.staffA!.post(`/verwaltung/meldungen/${id}/notiz`, { internalNote: 'Nur intern: Bauhof fragen' })).statusCode).toBe(303);
    expect(await lastEvent(id)).toMatchObject({ kind: 'internal_note', public: false });

    const publicPage = await clients.anonymous!.get(`/meldungen/${id}`);
    expect(publicPage.body).toContain('Danke für Ihre &lt;b>Meldung&lt;/b>.');
    expect(publicPage.body).not.toContain('Bauhof fragen');
    const staffPage = await clients.staffA!.get(`/verwaltung/meldungen/${id}`);
    expect(staffPage.body).toContain('Bauhof fragen');
    expect(staffPage.body).toContain('intern');
  });

  it('moderates photos: approve, hide, and blur into a new file while the original stays private', async () => {
    const id = await reportA({ photos: 2 });
    const [p1, p2] = await t.db.selectFrom('report_photos').selectAll().where('report_id', '=', id).orderBy('id').execute();
    const staff = clients.staffA!;
    const anon = clients.anonymous!;
    const staffImg = await staff.get(`/verwaltung/fotos/${p1!.id}/large.jpg`);
    expect(staffImg.statusCode).toBe(200);
    expect(staffImg.headers['content-type']).toBe('image/jpeg');
    expect(staffImg.headers['cache-control']).toContain('no-store');
    expect((await anon.get(`/fotos/${p1!.id}/large.jpg`)).statusCode).toBe(404);

    expect((await staff.post(`/verwaltung/meldungen/${id}/fotos/${p2!.id}/freigeben`)).statusCode).toBe(303);
    expect(await lastEvent(id)).toMatchObject({ kind: 'photo_approved', public: true, data: { photoId: p2!.id } });
    expect((await anon.get(`/fotos/${p2!.id}/thumb.jpg`)).statusCode).toBe(200);
    expect((await staff.post(`/verwaltung/meldungen/${id}/fotos/${p2!.id}/verbergen`)).statusCode).toBe(303);
    expect(await lastEvent(id)).toMatchObject({ kind: 'photo_hidden', public: false });
    expect((await anon.get(`/fotos/${p2!.id}/thumb.jpg`)).statusCode).toBe(404);

    const bad = await staff.post(`/verwaltung/meldungen/${id}/fotos/${p1!.id}/schwaerzen`, { x: '80', y: 'abc', w: '30', h: '10' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#f-y"');
    expect(bad.body).toContain('href="#f-w"');
    expect(bad.body).toContain('value="80"');

    const blur = await staff.post(`/verwaltung/meldungen/${id}/fotos/${p1!.id}/schwaerzen`, { x: '10', y: '10', w: '40,5', h: '30' });
    expect(blur.statusCode).toBe(303);
    const copy = await t.db.selectFrom('report_photos').selectAll().where('redacted_from', '=', p1!.id).executeTakeFirstOrThrow();
    expect(blur.headers.location).toBe(`/verwaltung/meldungen/${id}/fotos/${copy.id}?ok=photo_redacted`);
    expect(copy.storage_key).not.toBe(p1!.storage_key);
    expect(copy.status).toBe('pending');
    expect((await t.db.selectFrom('report_photos').select('status').where('id', '=', p1!.id).executeTakeFirstOrThrow()).status).toBe('hidden');
    expect(await lastEvent(id)).toMatchObject({ kind: 'photo_redacted', public: false, data: { photoId: p1!.id, newPhotoId: copy.id } });

    // Different pixels inside the region, the original file untouched.
    const original = await storage.get(`${p1!.storage_key}/large.jpg`);
    const redacted = await storage.get(`${copy.storage_key}/large.jpg`);
    expect(original!.equals(staffImg.rawPayload)).toBe(true);
    const a = await sharp(original!).raw().toBuffer({ resolveWithObject: true });
    const b = await sharp(redacted!).raw().toBuffer({ resolveWithObject: true });
    expect([b.info.width, b.info.height]).toEqual([a.info.width, a.info.height]);
    const at = (buf: Buffer, x: number, y: number) => buf[(y * a.info.width + x) * a.info.channels]!;
    let inside = 0;
    let outside = 0;
    for (let y = 0; y < a.info.height; y += 7)
      for (let x = 0; x < a.info.width; x += 7) {
        const diff = Math.abs(at(a.data, x, y) - at(b.data, x, y));
        const within = x > a.info.width * 0.12 && x < a.info.width * 0.48 && y > a.info.height * 0.12 && y < a.info.height * 0.38;
        const beyond = x > a.info.width * 0.6 || y > a.info.height * 0.5;
        if (within) inside += diff;
        if (beyond) outside += diff;
      }
    expect(inside).toBeGreaterThan(outside * 5);
    expect(await storage.get(`${copy.storage_key}/thumb.jpg`)).not.toBeNull();

    // The original never gets a public address, not even by a forged approve.
    const forged = await staff.post(`/verwaltung/meldungen/${id}/fotos/${p1!.id}/freigeben`);
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('Veröffentlichen Sie die Kopie, nie das Original');
    expect((await anon.get(`/fotos/${p1!.id}/large.jpg`)).statusCode).toBe(404);
    expect((await staff.post(`/verwaltung/meldungen/${id}/fotos/${copy.id}/freigeben`)).statusCode).toBe(303);
    expect((await anon.get(`/fotos/${copy.id}/large.jpg`)).statusCode).toBe(200);
    expect((await anon.get(`/fotos/${p1!.id}/large.jpg`)).statusCode).toBe(404);
    const page = await staff.get(`/verwaltung/meldungen/${id}/fotos/${copy.id}`);
    expect(page.body).toContain(`geschwärzte Kopie von Foto ${p1!.id}`);
  });
});

describe('the inbox', () => {
  it('filters, counts, sorts and pages, and shows department staff only their departments', async () => {
    const marker = `Marker${Date.now()}`;
    const old = await reportA({ description: `${marker} alt 100%_sicher`, createdDaysAgo: 40 });
    const mid = await reportA({ description: `${marker} mittel`, createdDaysAgo: 10 });
    const fresh = await reportA({ description: `${marker} frisch` });
    const other = await makeReport(t.db, storage, t.org.id, { categoryId: s.category2.id, departmentId: s.depB.id, description: `${marker} Müll` });
    const closed = await reportA({ description: `${marker} zu`, status: 'closed' });
    const q = encodeURIComponent(marker);

    const all = await clients.moderator!.get(`/verwaltung/meldungen?q=${q}`);
    const order = (body: string) => [...body.matchAll(/href="\/verwaltung\/meldungen\/(\d+)"/g)].map((m) => Number(m[1]));
    // Newest first by default, for triage; "neueste" from older bookmarks means the same.
    expect(order(all.body)).toEqual([other, fresh, mid, old]);
    expect(all.body).toContain('4 Meldungen gefunden');
    expect(all.body).toMatch(/Geschlossen <span class="k-tabs__count">1</);
    expect(all.body).toMatch(/Neu <span class="k-tabs__count">4</);
    expect(all.body).toContain(`${marker} mittel`);
    expect(order((await clients.moderator!.get(`/verwaltung/meldungen?q=${q}&sortierung=neueste`)).body)).toEqual([other, fresh, mid, old]);
    expect(order((await clients.moderator!.get(`/verwaltung/meldungen?q=${q}&sortierung=aelteste`)).body)).toEqual([old, mid, fresh, other]);
    expect(order((await clients.moderator!.get(`/verwaltung/meldungen?q=${q}&status=closed`)).body)).toEqual([closed]);
    expect(order((await clients.moderator!.get(`/verwaltung/meldungen?q=${q}&status=all`)).body)).toHaveLength(5);
    expect(order((await clients.moderator!.get(`/verwaltung/meldungen?q=${q}&alter=gt30`)).body)).toEqual([old]);
    expect(order((await clients.moderator!.get(`/verwaltung/meldungen?q=${q}&alter=gt7`)).body)).toEqual([mid, old]);
    expect(order((await clients.moderator!.get(`/verwaltung/meldungen?q=${q}&alter=lt1`)).body)).toEqual([other, fresh]);
    expect(order((await clients.moderator!.get(`/verwaltung/meldungen?q=${q}&kategorie=${s.category2.id}`)).body)).toEqual([other]);
    expect(order((await clients.moderator!.get(`/verwaltung/meldungen?q=${q}&abteilung=${s.depB.id}`)).body)).toEqual([other]);
    expect(order((await clients.moderator!.get(`/verwaltung/meldungen?q=${encodeURIComponent('100%_')}`)).body)).toEqual([old]);
    expect(order((await clients.moderator!.get(`/verwaltung/meldungen?q=${encodeURIComponent('%')}&status=nonsense&alter=x&seite=-1`)).body)).toEqual([old]);

    expect(order((await clients.staffA!.get(`/verwaltung/meldungen?q=${q}`)).body)).toEqual([fresh, mid, old]);
    expect(order((await clients.staffB!.get(`/verwaltung/meldungen?q=${q}`)).body)).toEqual([other]);
    // Asking for another department's reports by URL shows nothing of it.
    expect(order((await clients.staffB!.get(`/verwaltung/meldungen?q=${q}&abteilung=${s.depA.id}`)).body)).toEqual([]);
  });

  it('pages 25 at a time', async () => {
    const marker = `Seiten${Date.now()}`;
    for (let i = 0; i < 27; i++) await reportA({ description: `${marker} ${i}` });
    const first = await clients.admin!.get(`/verwaltung/meldungen?q=${marker}`);
    expect(first.body).toContain('Seite 1 von 2');
    expect(first.body.match(/name="ids"/g)).toHaveLength(25);
    expect(first.body).toContain(`href="/verwaltung/meldungen?q=${marker}&amp;seite=2"`);
    const second = await clients.admin!.get(`/verwaltung/meldungen?q=${marker}&seite=2`);
    expect(second.body.match(/name="ids"/g)).toHaveLength(2);
    expect((await clients.admin!.get(`/verwaltung/meldungen?q=${marker}&seite=99`)).body).toContain('Seite 2 von 2');
  });

  it('changes many reports at once, each checked and each with its own event', async () => {
    const a1 = await reportA();
    const a2 = await reportA({ status: 'fixed' });
    const b1 = await makeReport(t.db, storage, t.org.id, { categoryId: s.category2.id, departmentId: s.depB.id });
    const res = await clients.staffA!.post('/verwaltung/meldungen/sammelaktion', {
      ids: [String(a1), String(a2), String(b1), 'x', '99999999'],
      bulkStatus: 'confirmed',
      return: '/verwaltung/meldungen?status=all',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/verwaltung/meldungen?status=all&ok=bulk&geaendert=1&unveraendert=3');
    expect((await clients.staffA!.get(res.headers.location as string)).body).toContain('1 Meldung geändert, 3 unverändert.');
    expect((await row(a1)).status).toBe('confirmed');
    expect((await row(a2)).status).toBe('fixed');
    expect((await row(b1)).status).toBe('new');
    expect(await lastEvent(a1)).toMatchObject({ kind: 'status', actor_user_id: s.staffA.id, to_status: 'confirmed' });

    const m1 = await reportA();
    const m2 = await makeReport(t.db, storage, t.org.id, { categoryId: s.category2.id, departmentId: s.depB.id });
    const mod = await clients.moderator!.post('/verwaltung/meldungen/sammelaktion', {
      ids: [String(m1), String(m2)],
      bulkStatus: 'fixed',
      return: 'https://evil.example/',
    });
    expect(mod.headers.location).toBe('/verwaltung/meldungen?ok=bulk&geaendert=2&unveraendert=0');
    for (const id of [m1, m2]) {
      expect(await row(id)).toMatchObject({ status: 'fixed' });
      expect((await events(id)).filter((e) => e.kind === 'status')).toHaveLength(1);
    }

    const none = await clients.staffA!.post('/verwaltung/meldungen/sammelaktion', { bulkStatus: 'fixed', return: '/verwaltung/meldungen' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('mindestens eine Meldung');
    const badStatus = await clients.staffA!.post('/verwaltung/meldungen/sammelaktion', { ids: String(a1), bulkStatus: 'unconfirmed' });
    expect(badStatus.statusCode).toBe(400);
    expect((await row(a1)).status).toBe('confirmed');
  });
});

describe('routing administration', () => {
  it('creates and edits a category with a question and a routing rule, keeping input on errors', async () => {
    const admin = clients.admin!;
    const bad = await admin.post('/verwaltung/kategorien', {
      code: 'Nicht OK!',
      name_de: '<b>Ampel</b>',
      name_en: '',
      kind: 'defect',
      questionnaire_weeks: '99',
    });
    expect(bad.statusCode).toBe(400);
    for (const f of ['code', 'name_en', 'questionnaire_weeks']) expect(bad.body).toContain(`href="#f-${f}"`);
    expect(bad.body).toContain('value="&lt;b>Ampel&lt;/b>"');
    const created = await admin.post('/verwaltung/kategorien', {
      code: 'ampel',
      name_de: 'Ampel defekt',
      name_en: 'Broken traffic light',
      kind: 'defect',
      department_id: String(s.depA.id),
      questionnaire_weeks: '',
      active: '1',
      sort: '5',
    });
    expect(created.statusCode).toBe(303);
    const cat = await t.db
      .selectFrom('report_categories')
      .selectAll()
      .where('organization_id', '=', t.org.id)
      .where('code', '=', 'ampel')
      .executeTakeFirstOrThrow();
    expect(cat).toMatchObject({ name_en: 'Broken traffic light', questionnaire_weeks: 4, active: true, sort: 5, department_id: s.depA.id });
    expect((await admin.post('/verwaltung/kategorien', { code: 'ampel', name_de: 'x', name_en: 'x', kind: 'defect' })).body).toContain('schon vergeben');

    const q = await admin.post(`/verwaltung/kategorien/${cat.id}/fragen`, {
      code: 'farbe',
      datatype: 'singlevaluelist',
      label_de: 'Welche Farbe?',
      label_en: 'Which colour?',
      options: 'rot | Rot | red\ngruen | Grün | green',
      required: '1',
    });
    expect(q.statusCode).toBe(303);
    const question = await t.db.selectFrom('category_questions').selectAll().where('category_id', '=', cat.id).executeTakeFirstOrThrow();
    expect(question).toMatchObject({
      code: 'farbe',
      required: true,
      options: [
        { key: 'rot', de: 'Rot', en: 'red' },
        { key: 'gruen', de: 'Grün', en: 'green' },
      ],
    });
    const badQ = await admin.post(`/verwaltung/kategorien/${cat.id}/fragen/${question.id}`, {
      code: 'farbe',
      datatype: 'multivaluelist',
      label_de: 'x',
      label_en: 'x',
      options: 'rot | Rot',
    });
    expect(badQ.statusCode).toBe(400);
    expect(badQ.body).toContain('Zeile 1');
    expect((await admin.get(`/verwaltung/kategorien/${cat.id}/fragen/${question.id}`)).body).toContain('gruen | Grün | green');
    // The resident form now asks it.
    expect((await clients.anonymous!.post('/melden/ort', { categoryId: String(cat.id), lat: '51.5', lon: '7.5' })).body).toContain('Welche Farbe?');

    const district = await t.db
      .insertInto('districts')
      .values({
        organization_id: t.org.id,
        kind: 'stadtbezirk',
        name: 'Innenstadt-West',
        geometry: JSON.stringify({ type: 'MultiPolygon', coordinates: [] }),
        min_lon: 7.4,
        min_lat: 51.4,
        max_lon: 7.6,
        max_lat: 51.6,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const badRule = await admin.post(`/verwaltung/kategorien/${cat.id}/zustaendigkeiten`, { district_id: '', rule_department_id: String(s.depB.id) });
    expect(badRule.statusCode).toBe(400);
    expect(badRule.body).toContain('href="#f-district_id"');
    expect(
      (await admin.post(`/verwaltung/kategorien/${cat.id}/zustaendigkeiten`, { district_id: String(district.id), rule_department_id: String(s.depA.id) }))
        .statusCode,
    ).toBe(303);
    expect(
      (await admin.post(`/verwaltung/kategorien/${cat.id}/zustaendigkeiten`, { district_id: String(district.id), rule_department_id: String(s.depB.id) }))
        .statusCode,
    ).toBe(303);
    const rules = await t.db.selectFrom('routing_rules').selectAll().where('category_id', '=', cat.id).execute();
    expect(rules).toHaveLength(1);
    expect(rules[0]!.department_id).toBe(s.depB.id);
    const page = await admin.get(`/verwaltung/kategorien/${cat.id}`);
    expect(page.body).toContain('Innenstadt-West');
    expect(page.body).toContain('Welche Farbe?');
    expect((await admin.post(`/verwaltung/kategorien/${cat.id}/zustaendigkeiten/${rules[0]!.id}/loeschen`)).statusCode).toBe(303);
    expect((await admin.post(`/verwaltung/kategorien/${cat.id}/zustaendigkeiten/${rules[0]!.id}/loeschen`)).statusCode).toBe(404);

    const edit = await admin.post(`/verwaltung/kategorien/${cat.id}`, {
      code: 'ampel',
      name_de: 'Ampel',
      name_en: 'Traffic light',
      kind: 'defect',
      questionnaire_weeks: '0',
      sort: '1',
    });
    expect(edit.statusCode).toBe(303);
    expect(await t.db.selectFrom('report_categories').selectAll().where('id', '=', cat.id).executeTakeFirstOrThrow()).toMatchObject({
      active: false,
      questionnaire_weeks: 0,
      department_id: null,
    });
    expect((await admin.post(`/verwaltung/kategorien/${cat.id}/fragen/${question.id}/loeschen`)).statusCode).toBe(303);
  });

  it('manages response templates', async () => {
    const admin = clients.admin!;
    expect((await admin.post('/verwaltung/antwortvorlagen', { title: '', body: '' })).statusCode).toBe(400);
    expect((await admin.post('/verwaltung/antwortvorlagen', { title: 'Termin', body: 'Wir kommen <bald>.' })).statusCode).toBe(303);
    const tpl = await t.db.selectFrom('response_templates').selectAll().where('title', '=', 'Termin').executeTakeFirstOrThrow();
    expect((await admin.get('/verwaltung/antwortvorlagen')).body).toContain('Wir kommen &lt;bald>.');
    expect((await admin.post('/verwaltung/antwortvorlagen', { title: 'Termin', body: 'doppelt' })).body).toContain('gibt es schon');
    expect((await admin.post(`/verwaltung/antwortvorlagen/${tpl.id}`, { title: 'Termin', body: 'Neu' })).statusCode).toBe(303);
    expect((await t.db.selectFrom('response_templates').select('body').where('id', '=', tpl.id).executeTakeFirstOrThrow()).body).toBe('Neu');
    expect((await admin.post(`/verwaltung/antwortvorlagen/${tpl.id}/loeschen`)).statusCode).toBe(303);
    expect((await admin.post(`/verwaltung/antwortvorlagen/${tpl.id}/loeschen`)).statusCode).toBe(404);
  });

  it('sets a department’s Open311 forwarding without ever showing the key', async () => {
    const admin = clients.admin!;
    const url = `/verwaltung/abteilungen/${s.depB.id}/open311`;
    const bad = await admin.post(url, { endpoint: 'http://open311.example/v2/', enabled: '1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#f-endpoint"');
    expect(bad.body).toContain('value="http://open311.example/v2/"');
    expect((await admin.post(url, { endpoint: 'https://open311.example/v2/', enabled: '1' })).body).toContain('braucht es einen API-Schlüssel');
    expect((await admin.post(url, { endpoint: 'https://open311.example/v2/', apiKey: 'geheim-123', enabled: '1' })).statusCode).toBe(303);
    let dep = await t.db.selectFrom('departments').selectAll().where('id', '=', s.depB.id).executeTakeFirstOrThrow();
    expect(dep).toMatchObject({ open311_endpoint: 'https://open311.example/v2/', open311_api_key: 'geheim-123', open311_enabled: true });
    const page = await admin.get(url);
    expect(page.body).not.toContain('geheim-123');
    expect(page.body).toContain('Ein Schlüssel ist gespeichert');
    // An empty key keeps the stored one; the box removes it.
    expect((await admin.post(url, { endpoint: 'https://open311.example/v2/', apiKey: '' })).statusCode).toBe(303);
    dep = await t.db.selectFrom('departments').selectAll().where('id', '=', s.depB.id).executeTakeFirstOrThrow();
    expect(dep).toMatchObject({ open311_api_key: 'geheim-123', open311_enabled: false });
    expect((await admin.post(url, { endpoint: '', removeKey: '1' })).statusCode).toBe(303);
    dep = await t.db.selectFrom('departments').selectAll().where('id', '=', s.depB.id).executeTakeFirstOrThrow();
    expect(dep).toMatchObject({ open311_api_key: null, open311_endpoint: null });
    const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'departments.open311').execute();
    expect(JSON.stringify(audit)).not.toContain('geheim-123');
  });

  it('shows the menu entries by role', async () => {
    const adminNav = (await clients.admin!.get('/verwaltung')).body;
    for (const href of ['/verwaltung/meldungen', '/verwaltung/kategorien', '/verwaltung/antwortvorlagen', '/verwaltung/open311'])
      expect(adminNav).toContain(`href="${href}"`);
    const staffNav = (await clients.staffA!.get('/verwaltung')).body;
    expect(staffNav).toContain('href="/verwaltung/meldungen"');
    expect(staffNav).not.toContain('href="/verwaltung/kategorien"');
  });
});
