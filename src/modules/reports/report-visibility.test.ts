import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createCategory, createStaff } from '../../../test/helpers/factories';
import { localStorage } from '../../platform/files/storage';
import { makeReport } from './notifications/notifications.test-support';
import { photoKey } from './report.service';

// What is hidden is hidden at once, with the shared caches on as in production (PUBLIC_CACHE_SECONDS=30): a
// report page, its photos and the city's shared lists never outlive the report's public life.

let t: TestApp;
let defectCategory: number;
let angstraumCategory: number;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_CACHE_SECONDS: '30' });
  defectCategory = (await createCategory(t.db, t.org.id, { name: 'Schlagloch' })).id;
  angstraumCategory = (await createCategory(t.db, t.org.id, { code: 'angstraum', name: 'Angstraum', kind: 'angstraum' })).id;
  admin = new Client(t);
  await admin.signInAs((await createStaff(t.db, t.config.secret, t.org.id, 'admin')).id, 'staff');
});
afterAll(() => t.close());

const anonymous = (n: number) => new Client(t, `198.51.100.${n}`);
const hide = (id: number) => t.db.updateTable('reports').set({ hidden: true }).where('id', '=', id).execute();

async function approvedPhoto(reportId: number): Promise<number> {
  const key = `reports/sichtbar${reportId}`;
  const storage = localStorage(path.join(t.config.dataDir, 'files'));
  for (const size of ['thumb', 'large'] as const) await storage.put(photoKey(key, size), Buffer.from(`jpeg ${size} ${reportId}`));
  const photo = await t.db
    .insertInto('report_photos')
    .values({ organization_id: t.org.id, report_id: reportId, storage_key: key, width: 10, height: 10, status: 'approved' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return photo.id;
}

describe('hidden reports and their shared copies', () => {
  it('answers 404 on the very next request after a report is hidden, with none of its text', async () => {
    const id = await makeReport(t.db, t.org.id, defectCategory, { description: 'Beleidigender Text über den Nachbarn' });
    const first = await anonymous(1).get(`/meldungen/${id}`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Beleidigender Text');
    expect((await anonymous(2).get(`/meldungen/${id}`)).statusCode).toBe(200);

    await hide(id);
    for (const [n, url] of [
      [3, `/meldungen/${id}`],
      [4, `/meldungen/${id}?lang=en`],
      [5, `/meldungen/${id}`],
    ] as const) {
      const res = await anonymous(n).get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('Beleidigender Text');
    }
  });

  it('withdraws a photo staff hide from the page, the photo address and the Open311 answers at once', async () => {
    const id = await makeReport(t.db, t.org.id, defectCategory, { description: 'Schlagloch mit Foto' });
    const photo = await approvedPhoto(id);
    const open311 = `/open311/v2/requests/${id}.json`;
    expect((await anonymous(6).get(`/meldungen/${id}`)).body).toContain(`/fotos/${photo}/`);
    expect((await anonymous(7).get(open311)).body).toContain(`/fotos/${photo}/large.jpg`);
    const image = await anonymous(8).get(`/fotos/${photo}/large.jpg`);
    expect(image.statusCode).toBe(200);
    // A shared proxy may keep the file no longer than the pages are kept; a browser revalidates cheaply.
    expect(image.headers['cache-control']).toBe('public, max-age=30');
    const again = await anonymous(8).get(`/fotos/${photo}/large.jpg`, { 'if-none-match': String(image.headers.etag) });
    expect(again.statusCode).toBe(304);

    expect((await admin.post(`/verwaltung/meldungen/${id}/fotos/${photo}/verbergen`, {})).statusCode).toBe(303);
    expect((await anonymous(9).get(`/meldungen/${id}`)).body).not.toContain(`/fotos/${photo}/`);
    expect((await anonymous(10).get(open311)).body).not.toContain(`/fotos/${photo}/`);
    expect((await anonymous(11).get(`/fotos/${photo}/large.jpg`)).statusCode).toBe(404);
  });
});

describe('photos of Angsträume', () => {
  it('serves a photo only while its place is public: not before review, after review yes, after hiding no more', async () => {
    const id = await makeReport(t.db, t.org.id, angstraumCategory, { description: 'Dunkler Durchgang, dort wohnt Familie Beispiel' });
    const photo = await approvedPhoto(id);
    const urls = [`/fotos/${photo}/large.jpg`, `/fotos/${photo}/thumb.jpg`];
    for (const url of urls) expect((await anonymous(12).get(url)).statusCode, url).toBe(404);
    // The shared list has been built without the place …
    expect((await anonymous(13).get('/meldungen')).body).not.toContain(`/meldungen/${id}"`);

    const reviewed = await admin.post(`/verwaltung/angstraeume/${id}/pruefen`, { description: 'Dunkler Durchgang', address: 'Durchgang am Markt' });
    expect(reviewed.statusCode).toBe(303);
    for (const url of urls) expect((await anonymous(14).get(url)).statusCode, url).toBe(200);
    // … and shows it as soon as it is published, not after its cache time.
    expect((await anonymous(15).get('/meldungen')).body).toContain(`/meldungen/${id}"`);

    await hide(id);
    for (const url of urls) expect((await anonymous(16).get(url)).statusCode, url).toBe(404);
  });
});
