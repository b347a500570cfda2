import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, latestMailLink, type TestApp } from '../../../test/helpers/app';
import { createCategory, createDepartment, createResident, createSyntheticBoundary } from '../../../test/helpers/factories';

let t: TestApp;
let categoryId: number;
let deptEmail: string;
beforeAll(async () => {
  t = await createTestApp();
  await createSyntheticBoundary(t.db, t.org.id);
  const dept = await createDepartment(t.db, t.org.id, 'Tiefbauamt');
  deptEmail = dept.email;
  const cat = await createCategory(t.db, t.org.id, {
    name: 'Schlagloch',
    departmentId: dept.id,
    questions: [
      {
        code: 'size',
        datatype: 'singlevaluelist',
        required: true,
        options: [
          { key: 'small', de: 'klein', en: 'small' },
          { key: 'big', de: 'groß', en: 'big' },
        ],
      },
    ],
  });
  categoryId = cat.id;
});
afterAll(() => t.close());

function multipart(fields: Record<string, string | string[]>, files: Array<{ name: string; data: Buffer; type?: string }> = []) {
  const boundary = '----kuemmerer-report';
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    for (const item of Array.isArray(v) ? v : [v]) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${item}\r\n`));
  for (const f of files) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'image/jpeg'}\r\n\r\n`),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const photo = () =>
  sharp({ create: { width: 1200, height: 900, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer();

function report(c: Client, extra: Record<string, string | string[]> = {}, files: Array<{ name: string; data: Buffer }> = []) {
  return c.request({
    method: 'POST',
    url: '/melden',
    ...multipart(
      {
        _csrf: c.csrf,
        categoryId: String(categoryId),
        lat: '51.5',
        lon: '7.5',
        address: 'vor Nr. 12',
        description: 'Tiefes Loch',
        'answer.size': 'big',
        email: 'melder@example.de',
        ...extra,
      },
      files,
    ),
  });
}

describe('reporting a problem', () => {
  it('step one checks category and place, then shows nearby reports', async () => {
    const c = new Client(t);
    expect((await c.get('/melden')).body).toContain('Schlagloch');
    const empty = await c.post('/melden/ort', {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Bitte wählen Sie eine Kategorie');
    expect(empty.body).toContain('Bitte wählen Sie einen Ort');
    const outside = await c.post('/melden/ort', { categoryId: String(categoryId), lat: '52.52', lon: '13.40' });
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain('außerhalb von Teststadt');
    expect(outside.body).toContain('value="52.52"');
    const ok = await c.post('/melden/ort', { categoryId: String(categoryId), lat: '51.5', lon: '7.5' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Schritt 2 von 2');
    expect(ok.body).toContain('name="idempotencyKey"');
  });

  it('accepts an anonymous report with a photo, confirms it by mail and publishes it', async () => {
    const c = new Client(t);
    const res = await report(c, {}, [{ name: 'loch.jpg', data: await photo() }]);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('melder@example.de');
    const id = Number((await t.db.selectFrom('reports').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id);
    expect((await c.get(`/meldungen/${id}`)).statusCode).toBe(404);

    const link = new URL(await latestMailLink(t.db, 'melder@example.de', /http:\/\/localhost\/meldungen\/bestaetigen\/[A-Za-z0-9_-]+/)).pathname;
    expect((await c.get(link)).statusCode).toBe(200);
    const confirmed = await c.post(link);
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(`/meldungen/${id}?ok=confirmed`);
    expect((await c.get(`/meldungen/${id}?ok=confirmed`)).body).toContain('Sie sind angemeldet');
    const page = await new Client(t).get(`/meldungen/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Tiefes Loch');
    expect(page.body).toContain('groß');
    expect(page.body).not.toContain('melder@example.de');
    // The department hears of it once it is public.
    await latestMailLink(t.db, deptEmail, new RegExp(`/verwaltung/meldungen/${id}`));
    // An unknown notice (an old or edited link) shows the page without one, as every page does.
    const unknownNotice = await c.get(`/meldungen/${id}?ok=gefaelscht`);
    expect(unknownNotice.statusCode).toBe(200);
    expect(unknownNotice.body).not.toContain('k-notice--success');
    expect((await c.get(`/meldungen/${id}?ok=following`)).body).toContain('k-notice--success');
    // Photos wait for moderation before they get a public address.
    const p = await t.db.selectFrom('report_photos').select(['id', 'status']).where('report_id', '=', id).executeTakeFirstOrThrow();
    expect(p.status).toBe('pending');
    expect((await c.get(`/fotos/${p.id}/large.jpg`)).statusCode).toBe(404);
    await t.db.updateTable('report_photos').set({ status: 'approved' }).where('id', '=', p.id).execute();
    const img = await c.get(`/fotos/${p.id}/thumb.jpg`);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/jpeg');
    expect((await c.get(`/fotos/${p.id}/original.jpg`)).statusCode).toBe(404);
  });

  it('checks path and query against the route schemas: a 400 page in the visitor’s language, a 404 for a path naming nothing', async () => {
    const c = new Client(t);
    const bad = await c.get('/melden?kategorie=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('text/html');
    expect(bad.body).toContain('Ungültige Anfrage');
    // The page names the parameter, so a person sees which part of a mistyped or cut-off link is wrong.
    expect(bad.body).toContain('Ungültig in der Adresse: kategorie.');
    const english = await c.get('/melden?kategorie=0&lang=en');
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain('Invalid request');
    expect(english.body).toContain('Not valid in the address: kategorie.');
    // Parameters the schema does not name are left alone (the language, tracking parameters).
    const tracked = await c.get(`/melden?kategorie=${categoryId}&lat=51.5&lon=7.5&utm_source=newsletter&lang=en`);
    expect(tracked.statusCode).toBe(200);
    expect(tracked.body).toMatch(new RegExp(`value="${categoryId}"[^>]*checked`));
    expect(tracked.body).toContain('value="51.5"');
    for (const url of ['/meldungen/abc', '/meldungen/0', '/meldungen/99999999999', '/fotos/1/original.jpg', '/meldungen/bestaetigen/kurz']) {
      expect((await c.get(url)).statusCode, url).toBe(404);
    }
  });

  it('publishes right away for signed-in residents', async () => {
    const resident = await createResident(t.db, t.org.id);
    const c = new Client(t);
    await c.signInAs(resident.id, 'resident');
    const res = await report(c, { email: '' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/Ihre Meldung #\d+ ist veröffentlicht/);
  });

  it('keeps everything typed and marks each problem', async () => {
    const c = new Client(t);
    const res = await report(c, { description: '', email: 'kaputt', 'answer.size': 'riesig', name: '<b>Ada</b>' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Bitte beschreiben Sie das Problem');
    expect(res.body).toContain('gültige E-Mail-Adresse');
    expect(res.body).toContain('Bitte wählen Sie aus der Liste');
    expect(res.body).toContain('value="kaputt"');
    expect(res.body).toContain('value="&lt;b>Ada&lt;/b>"');
    const long = await report(c, { description: 'x'.repeat(5001) });
    expect(long.body).toContain('höchstens 5000 Zeichen');
  });

  it('refuses forged, truncated and too many photos with a clear message', async () => {
    const c = new Client(t);
    const forged = await report(c, {}, [{ name: 'x.jpg', data: Buffer.from('<?php echo 1; ?>') }]);
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('ist kein JPEG-, PNG- oder WebP-Bild');
    expect(forged.body).toContain('Tiefes Loch');
    const truncated = await report(c, {}, [{ name: 'x.jpg', data: (await photo()).subarray(0, 3000) }]);
    expect(truncated.body).toContain('beschädigt oder unvollständig');
    const six = await Promise.all(Array.from({ length: 6 }, async (_, i) => ({ name: `${i}.jpg`, data: await photo() })));
    expect((await report(c, {}, six)).body).toContain('Höchstens 5 Fotos');
  });

  it('treats tampered hidden fields as a new start, never trusting them', async () => {
    const c = new Client(t);
    const res = await report(c, { categoryId: '999999', lat: '48.1', lon: '11.5' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Schritt 1 von 2');
  });

  it('creates one report when the same form is sent twice', async () => {
    const c = new Client(t);
    const before = await t.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const [a, b] = await Promise.all([report(c, { idempotencyKey: 'same-key-123' }), report(c, { idempotencyKey: 'same-key-123' })]);
    const again = await report(c, { idempotencyKey: 'same-key-123' });
    expect([a.statusCode, b.statusCode, again.statusCode]).toEqual([200, 200, 200]);
    const after = await t.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(1);
  });

  it('counts 50 parallel "me too" from one person once', async () => {
    const resident = await createResident(t.db, t.org.id);
    const c = new Client(t);
    await c.signInAs(resident.id, 'resident');
    await report(c, { email: '' });
    const id = Number((await t.db.selectFrom('reports').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id);
    const supporter = await createResident(t.db, t.org.id);
    const s = new Client(t);
    await s.signInAs(supporter.id, 'resident');
    const results = await Promise.all(Array.from({ length: 50 }, () => s.post(`/meldungen/${id}/unterstuetzen`)));
    expect(results.every((r) => r.statusCode === 303)).toBe(true);
    const row = await t.db.selectFrom('reports').select('supporters_count').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.supporters_count).toBe(1);
    expect((await s.get(`/meldungen/${id}`)).body).toContain('1 Unterstützer*in<');
    const anon = await new Client(t).post(`/meldungen/${id}/unterstuetzen`);
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toContain('/anmelden');
  });

  it('refuses "me too" from the reporter: no button on their own report, and a POST says why and counts nothing', async () => {
    const reporter = await createResident(t.db, t.org.id);
    const c = new Client(t);
    await c.signInAs(reporter.id, 'resident');
    expect((await report(c, { email: '' })).statusCode).toBe(200);
    const { id, user_id } = await t.db.selectFrom('reports').select(['id', 'user_id']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(user_id).toBe(reporter.id);
    const own = await c.get(`/meldungen/${id}`);
    expect(own.body).not.toContain(`action="/meldungen/${id}/unterstuetzen"`);
    expect(own.body).toContain('Das ist Ihre eigene Meldung');

    const refused = await c.post(`/meldungen/${id}/unterstuetzen`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Ihre eigene Meldung können Sie nicht unterstützen');
    const count = async () => (await t.db.selectFrom('reports').select('supporters_count').where('id', '=', id).executeTakeFirstOrThrow()).supporters_count;
    expect(await count()).toBe(0);
    expect(await t.db.selectFrom('report_supporters').select('report_id').where('report_id', '=', id).execute()).toEqual([]);

    // Everyone else still can.
    const other = new Client(t);
    await other.signInAs((await createResident(t.db, t.org.id)).id, 'resident');
    expect((await other.get(`/meldungen/${id}`)).body).toContain(`action="/meldungen/${id}/unterstuetzen"`);
    expect((await other.post(`/meldungen/${id}/unterstuetzen`)).statusCode).toBe(303);
    expect(await count()).toBe(1);
  });

  it('shows nearby open reports of the same category before sending', async () => {
    const c = new Client(t);
    const res = await c.post('/melden/ort', { categoryId: String(categoryId), lat: '51.5005', lon: '7.5005' });
    expect(res.body).toContain('Schon gemeldet?');
    expect(res.body).toMatch(/\d+ m entfernt/);
    const far = await c.post('/melden/ort', { categoryId: String(categoryId), lat: '51.53', lon: '7.45' });
    expect(far.body).toContain('keine offene Meldung');
  });

  it('never shows an unreviewed Angstraum among the nearby reports, and says it awaits review', async () => {
    const angst = await createCategory(t.db, t.org.id, { name: 'Angstraum', kind: 'angstraum' });
    const resident = await createResident(t.db, t.org.id);
    const c = new Client(t);
    await c.signInAs(resident.id, 'resident');
    const sent = await c.request({
      method: 'POST',
      url: '/melden',
      ...multipart({ _csrf: c.csrf, categoryId: String(angst.id), lat: '51.52', lon: '7.52', description: 'Dunkle Unterführung, Name des Nachbarn: Herr X' }),
    });
    expect(sent.body).toContain('prüft die Stadt, bevor sie öffentlich erscheinen');
    const nearby = await new Client(t).post('/melden/ort', { categoryId: String(angst.id), lat: '51.5201', lon: '7.5201' });
    expect(nearby.body).toContain('keine offene Meldung');
    expect(nearby.body).not.toContain('Herr X');
  });

  it('takes the place from a photo’s GPS position when the place was only described', async () => {
    const withGps = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a7' } })
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 3600/100', GPSLongitudeRef: 'E', GPSLongitude: '7/1 30/1 3600/100' } })
      .jpeg()
      .toBuffer();
    const c = new Client(t);
    const res = await report(c, { lat: '', lon: '', address: 'hinter dem Kiosk', idempotencyKey: 'gps-1' }, [{ name: 'gps.jpg', data: withGps }]);
    expect(res.statusCode).toBe(200);
    const row = await t.db.selectFrom('reports').select(['lat', 'lon', 'location_precise']).where('idempotency_key', '=', 'gps-1').executeTakeFirstOrThrow();
    expect(row.location_precise).toBe(true);
    expect(row.lat).toBeCloseTo(51.51, 3);
    expect(row.lon).toBeCloseTo(7.51, 3);
  });
});
