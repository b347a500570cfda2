import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createCategory, createResident, createSyntheticBoundary } from '../../../test/helpers/factories';
import { multipartBody } from '../../../test/helpers/multipart';
import { expectLimited, spend } from '../../../test/helpers/rate-limits';
import { RATE_LIMITS } from '../reports/report.service';

// Synthetic data: a square test city and a litter category.

let t: TestApp;
let categoryId: number;
beforeAll(async () => {
  t = await createTestApp();
  await createSyntheticBoundary(t.db, t.org.id);
  categoryId = (await createCategory(t.db, t.org.id, { code: 'muell', name: 'Müll', kind: 'litter' })).id;
});
afterAll(() => t.close());

function multipart(fields: Record<string, string>, photo?: Buffer) {
  const boundary = '----kuemmerer-dreckpetze';
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (photo)
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="muell.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      photo,
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('Dreckpetze', () => {
  it('asks where first; no place is an error with the input kept', async () => {
    const c = new Client(t);
    const page = await c.get('/dreckpetze');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Meinen Standort verwenden');
    expect(page.body).toContain(`/melden?kategorie=${categoryId}`);
    const none = await c.post('/dreckpetze/ort', { lat: '', lon: '', address: '' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('href="#f-location"');
    const outside = await c.post('/dreckpetze/ort', { lat: '48.1', lon: '11.5', address: 'München' });
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain('value="48.1"');
    const ok = await c.post('/dreckpetze/ort', { lat: '51.5', lon: '7.5', address: '' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Schritt 2 von 2');
    expect(ok.body).toContain('capture="environment"');
  });

  it('creates a litter report with a photo and without a note, for a signed-in resident', async () => {
    const user = await createResident(t.db, t.org.id);
    const c = new Client(t);
    await c.signInAs(user.id, 'resident');
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#795' } })
      .jpeg()
      .toBuffer();
    const res = await c.request({
      method: 'POST',
      url: '/dreckpetze',
      ...multipart({ _csrf: c.csrf, lat: '51.51', lon: '7.45', address: '', note: '', idempotencyKey: 'dp-1' }, photo),
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('ist veröffentlicht');
    const report = await t.db.selectFrom('reports').selectAll().where('idempotency_key', '=', 'dp-1').executeTakeFirstOrThrow();
    expect(report.category_id).toBe(categoryId);
    expect(report.description).toBe('Müll gemeldet mit der Dreckpetze.');
    expect(report.status).toBe('new');
    expect(await t.db.selectFrom('report_photos').select('id').where('report_id', '=', report.id).execute()).toHaveLength(1);
  });

  it('needs an email address from anonymous reporters and keeps the note', async () => {
    const c = new Client(t);
    const res = await c.request({
      method: 'POST',
      url: '/dreckpetze',
      ...multipart({ _csrf: c.csrf, lat: '51.51', lon: '7.45', address: '', note: 'Drei Säcke', email: 'kaputt', idempotencyKey: 'dp-2' }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#f-email"');
    expect(res.body).toContain('>Drei Säcke</textarea>');
    const ok = await c.request({
      method: 'POST',
      url: '/dreckpetze',
      ...multipart({ _csrf: c.csrf, lat: '51.51', lon: '7.45', address: '', note: 'Drei Säcke', email: 'melder@example.de', idempotencyKey: 'dp-2' }),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('melder@example.de');
  });

  it('counts quick reports against the report limits: 429 with Retry-After and the note kept', async () => {
    const c = new Client(t, '198.51.100.77');
    await spend(t.db, RATE_LIMITS.reportIp, '198.51.100.77');
    const res = await c.request({
      method: 'POST',
      url: '/dreckpetze',
      ...multipart({ _csrf: c.csrf, lat: '51.51', lon: '7.45', address: '', note: 'Sperrmüll', email: 'viel@example.de', idempotencyKey: 'dp-limit' }),
    });
    expectLimited(res, RATE_LIMITS.reportIp.windowSeconds);
    expect(res.body).toContain('>Sperrmüll</textarea>');
    expect(res.body).toContain('value="dp-limit"');
    expect(await t.db.selectFrom('reports').select('id').where('idempotency_key', '=', 'dp-limit').execute()).toHaveLength(0);
  });

  it('refuses the same form sent again with other content (422) and offers a new key', async () => {
    const c = new Client(t, '198.51.100.78');
    const form = { _csrf: c.csrf, lat: '51.51', lon: '7.45', address: '', note: 'Glasscherben', email: 'einmal@example.de', idempotencyKey: 'dp-twice' };
    expect((await c.request({ method: 'POST', url: '/dreckpetze', ...multipart(form) })).statusCode).toBe(200);
    const again = await c.request({ method: 'POST', url: '/dreckpetze', ...multipart({ ...form, note: 'Glasscherben und Dosen' }) });
    expect(again.statusCode).toBe(422);
    expect(again.body).not.toContain('value="dp-twice"');
    const rows = await t.db.selectFrom('reports').select('description').where('idempotency_key', '=', 'dp-twice').execute();
    expect(rows).toEqual([{ description: 'Glasscherben' }]);
  });

  it('serves the web app manifest with our own icons', async () => {
    const res = await new Client(t).get('/manifest.webmanifest');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/manifest+json');
    const m = JSON.parse(res.body);
    expect(m.display).toBe('standalone');
    expect(m.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of m.icons) expect((await new Client(t).get(icon.src)).statusCode).toBe(200);
    expect((await new Client(t).get('/')).body).toContain('<link rel="manifest" href="/manifest.webmanifest"/>');
  });

  it('counts litter per month and district as JSON', async () => {
    const json = JSON.parse((await new Client(t).get('/api/statistik/muell.json')).body);
    expect(json.target_annual_change).toBe(-0.05);
    expect(json.months).toHaveLength(12);
    // The reports above were made this month: the published one counts as the current month so far (not in the
    // trend); the anonymous one waits for its confirmation link and is not public yet.
    expect(json.total.current_month_so_far).toBe(1);
    expect(json.total.trend_annual_change).toBeNull();
  });
});

describe('Dreckpetze photo limits', () => {
  const send = (c: Client, photos: Array<{ filename: string; data: Buffer | number }>) => {
    const body = multipartBody([
      { name: '_csrf', value: c.csrf },
      { name: 'idempotencyKey', value: 'dp-limits' },
      { name: 'lat', value: '51.51' },
      { name: 'lon', value: '7.45' },
      { name: 'address', value: '' },
      ...photos.map((p) => ({ name: 'photos', ...p })),
      { name: 'note', value: 'Drei Säcke am Container' },
      { name: 'email', value: 'petze@example.de' },
    ]);
    return c.request({ method: 'POST', url: '/dreckpetze', payload: body.payload, headers: body.headers });
  };

  it('names the limit a photo passed, note and address kept', async () => {
    const two = await send(new Client(t), [
      { filename: 'a.jpg', data: 100 },
      { filename: 'b.jpg', data: 100 },
    ]);
    expect(two.statusCode).toBe(413);
    expect(two.body).toContain('Bitte nur ein Foto');
    expect(two.body).toContain('Drei Säcke am Container');
    expect(two.body).toContain('value="petze@example.de"');
    const big = await send(new Client(t), [{ filename: 'sperrmuell.jpg', data: 16 * 1024 * 1024 }]);
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('„sperrmuell.jpg“ ist größer als 15 MB');
    expect(big.body).toContain('Drei Säcke am Container');
  });
});
