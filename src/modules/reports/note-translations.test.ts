import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createCategory, createDepartment, createResident, createStaff } from '../../../test/helpers/factories';
import { eventAgo, makeReport } from './notifications/notifications.test-support';

// Staff translate the public texts they wrote on a report; the public page shows the visitor's language, or the
// German original marked as German with a note in the visitor's language.

let t: TestApp;
let reportId: number;
let noteId: number;
let internalId: number;
let admin: Client;
const page = (lang: string) => new Client(t).get(`/meldungen/${reportId}?lang=${lang}`);
const path = () => `/verwaltung/meldungen/${reportId}/uebersetzungen`;
const field = (eventId: number, locale: string) => `report_event-${eventId}-body-${locale}`;

beforeAll(async () => {
  t = await createTestApp();
  const department = await createDepartment(t.db, t.org.id);
  const category = await createCategory(t.db, t.org.id, { departmentId: department.id });
  reportId = await makeReport(t.db, t.org.id, category.id);
  await t.db.updateTable('reports').set({ department_id: department.id }).where('id', '=', reportId).execute();
  noteId = await eventAgo(t.db, t.org.id, reportId, 5, { kind: 'public_note', public: true, body: 'Wir reparieren die Lampe am Montag.' });
  internalId = await eventAgo(t.db, t.org.id, reportId, 4, { kind: 'internal_note', public: false, body: 'GEHEIM intern' });
  admin = new Client(t);
  await admin.signInAs((await createStaff(t.db, t.config.secret, t.org.id, 'admin')).id, 'staff');
});
afterAll(() => t.close());

describe('translations of a report’s public texts', () => {
  it('without a translation, the German text is shown marked lang="de" with a note in the visitor’s language', async () => {
    const polish = await page('pl');
    expect(polish.statusCode).toBe(200);
    expect(polish.body).toContain('<html lang="pl" dir="ltr">');
    expect(polish.body).toContain('<p class="k-german-only__note">Dostępne tylko w języku niemieckim</p>');
    expect(polish.body).toMatch(/<p class="k-pre k-timeline__body" lang="de" dir="ltr">Wir reparieren die Lampe am Montag.<\/p>/);
    const arabic = await page('ar');
    expect(arabic.body).toContain('متوفر باللغة الألمانية فقط');
    // German visitors just read it.
    const german = await page('de');
    expect(german.body).toContain('<p class="k-pre k-timeline__body">Wir reparieren die Lampe am Montag.</p>');
    expect(german.body).not.toContain('k-german-only');
  });

  it('staff translate on the report’s translation page; only public texts are offered', async () => {
    const form = await admin.get(path());
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Wir reparieren die Lampe am Montag.');
    expect(form.body).not.toContain('GEHEIM');
    expect(form.body).toContain(`name="${field(noteId, 'tr')}"`);
    expect(form.body).toMatch(new RegExp(`<textarea[^>]*name="${field(noteId, 'ar')}"[^>]*lang="ar" dir="rtl"`));
    expect(form.body).not.toContain(`name="${field(noteId, 'de')}"`);

    const saved = await admin.post(path(), {
      [field(noteId, 'tr')]: 'Lambayı pazartesi onarıyoruz.',
      [field(noteId, 'ar')]: 'سنصلح المصباح يوم الاثنين.',
      // Texts of anything else are ignored, however they are named.
      [field(internalId, 'tr')]: 'sollte nie gespeichert werden',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${path()}?ok=saved`);
    const again = await admin.get(`${path()}?ok=saved`);
    expect(again.body).toContain('Lambayı pazartesi onarıyoruz.');
    const stored = await sql<{ entity_id: number; locale: string }>`SELECT entity_id, locale FROM content_translations ORDER BY locale`.execute(t.db);
    expect(stored.rows).toEqual([
      { entity_id: noteId, locale: 'ar' },
      { entity_id: noteId, locale: 'tr' },
    ]);

    const turkish = await page('tr');
    expect(turkish.body).toContain('<p class="k-pre k-timeline__body">Lambayı pazartesi onarıyoruz.</p>');
    expect(turkish.body).not.toContain('Wir reparieren');
    expect((await page('ar')).body).toContain('سنصلح المصباح يوم الاثنين.');
    // Ukrainian still has none: German, marked.
    expect((await page('uk')).body).toContain('Доступно лише німецькою мовою');
  });

  it('an empty field removes a translation; an over-long one is refused with the input kept', async () => {
    const tooLong = 'x'.repeat(20_001);
    const refused = await admin.post(path(), { [field(noteId, 'tr')]: tooLong, [field(noteId, 'pl')]: 'Naprawimy lampę w poniedziałek.' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(`href="#f-${field(noteId, 'tr')}"`);
    expect(refused.body).toContain('Naprawimy lampę w poniedziałek.');
    // Nothing of a refused form is saved.
    expect((await page('pl')).body).toContain('Dostępne tylko w języku niemieckim');

    await admin.post(path(), { [field(noteId, 'tr')]: '' });
    expect((await page('tr')).body).toContain('Yalnızca Almanca olarak mevcut');
  });

  it('is the report’s staff page: department staff of another department get 403, residents too, unknown reports 404', async () => {
    const other = new Client(t);
    const otherDepartment = await createDepartment(t.db, t.org.id);
    await other.signInAs((await createStaff(t.db, t.config.secret, t.org.id, 'department_staff', { departmentIds: [otherDepartment.id] })).id, 'staff');
    expect((await other.get(path())).statusCode).toBe(403);
    expect((await other.post(path(), { [field(noteId, 'tr')]: 'x' })).statusCode).toBe(403);
    const resident = new Client(t);
    await resident.signInAs((await createResident(t.db, t.org.id)).id, 'resident');
    expect((await resident.get(path())).statusCode).toBe(403);
    expect((await admin.get('/verwaltung/meldungen/999999/uebersetzungen')).statusCode).toBe(404);
  });
});
