import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createDepartment, createResident, createStaff } from '../../../test/helpers/factories';
import { multipartBody } from '../../../test/helpers/multipart';
import { districtsAt } from './organization.service';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  const user = await createStaff(t.db, t.config.secret, t.org.id, 'admin');
  admin = new Client(t);
  await admin.signInAs(user.id, 'staff');
});
afterAll(() => t.close());

// Synthetic test districts (not real Dortmund geography): two unit squares side by side.
const synthetic = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Testbezirk West (synthetisch)', nummer: 1 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [7, 51],
            [7.5, 51],
            [7.5, 51.5],
            [7, 51.5],
            [7, 51],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { name: 'Testbezirk Ost (synthetisch)', nummer: 2 },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [7.5, 51],
              [8, 51],
              [8, 51.5],
              [7.5, 51.5],
              [7.5, 51],
            ],
          ],
        ],
      },
    },
  ],
};

function multipart(fields: Record<string, string>, file?: { name: string; content: string }) {
  const boundary = '----kuemmerer-test';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  if (file)
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/geo+json\r\n\r\n${file.content}\r\n`,
    );
  return { payload: `${parts.join('')}--${boundary}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('districts', () => {
  it('imports GeoJSON by upload and maps points to districts', async () => {
    const body = multipart({ _csrf: admin.csrf, kind: 'stadtbezirk', nameProperty: '' }, { name: 'bezirke.geojson', content: JSON.stringify(synthetic) });
    const res = await admin.request({ method: 'POST', url: '/verwaltung/bezirke', ...body });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('2 Bezirke importiert');
    expect(res.body).toContain('Testbezirk Ost (synthetisch)');
    expect((await districtsAt(t.db, t.org.id, 7.25, 51.25)).map((d) => d.name)).toEqual(['Testbezirk West (synthetisch)']);
    expect((await districtsAt(t.db, t.org.id, 7.75, 51.25)).map((d) => d.name)).toEqual(['Testbezirk Ost (synthetisch)']);
    expect(await districtsAt(t.db, t.org.id, 9, 51.25)).toEqual([]);
  });

  it('refuses broken files with the reason, keeping the form', async () => {
    const notJson = multipart({ _csrf: admin.csrf, kind: 'stadtbezirk' }, { name: 'x.geojson', content: '{nope' });
    const r1 = await admin.request({ method: 'POST', url: '/verwaltung/bezirke', ...notJson });
    expect(r1.statusCode).toBe(400);
    expect(r1.body).toContain('kein gültiges JSON');
    const points = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'P' }, geometry: { type: 'Point', coordinates: [7, 51] } }] };
    const r2 = await admin.request({
      method: 'POST',
      url: '/verwaltung/bezirke',
      ...multipart({ _csrf: admin.csrf, kind: 'Falsch Art' }, { name: 'p.geojson', content: JSON.stringify(points) }),
    });
    expect(r2.statusCode).toBe(400);
    expect(r2.body).toContain('value="Falsch Art"');
    expect(r2.body).toContain('Kleinbuchstaben');
    const r3 = await admin.request({
      method: 'POST',
      url: '/verwaltung/bezirke',
      ...multipart({ _csrf: admin.csrf, kind: 'test' }, { name: 'p.geojson', content: JSON.stringify(points) }),
    });
    expect(r3.statusCode).toBe(400);
    expect(r3.body).toContain('Polygon or MultiPolygon');
  });

  it('needs the CSRF token on multipart uploads too', async () => {
    const res = await admin.request({ method: 'POST', url: '/verwaltung/bezirke', ...multipart({ kind: 'x' }, { name: 'a.json', content: '{}' }) });
    expect(res.statusCode).toBe(403);
  });

  it('names the size limit of the file, the other fields kept', async () => {
    // As the form sends it: the token, the file, then the text fields.
    const body = multipartBody([
      { name: '_csrf', value: admin.csrf },
      { name: 'file', filename: 'gross.geojson', data: 21 * 1024 * 1024, type: 'application/geo+json' },
      { name: 'kind', value: 'ortsteil' },
    ]);
    const res = await admin.request({ method: 'POST', url: '/verwaltung/bezirke', payload: body.payload, headers: body.headers });
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('„gross.geojson“ ist größer als 20 MB');
    expect(res.body).toContain('value="ortsteil"');
  });
});

describe('departments', () => {
  it('creates, validates, edits and deletes departments', async () => {
    const empty = await admin.post('/verwaltung/abteilungen', { name: '', email: 'nicht-gültig' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Bitte geben Sie einen Namen ein');
    expect(empty.body).toContain('value="nicht-gültig"');

    const created = await admin.post('/verwaltung/abteilungen', { name: 'Tiefbauamt <Test>', email: 'tiefbau@teststadt.example' });
    expect(created.statusCode).toBe(303);
    const list = await admin.get('/verwaltung/abteilungen');
    expect(list.body).toContain('Tiefbauamt &lt;Test>');
    expect(list.body).not.toContain('<Test>');
    const id = list.body.match(/href="\/verwaltung\/abteilungen\/(\d+)"/)?.[1];
    expect(id).toBeDefined();

    const dup = await admin.post('/verwaltung/abteilungen', { name: 'tiefbauamt <test>', email: 'x@teststadt.example' });
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('gibt es schon');

    expect((await admin.post(`/verwaltung/abteilungen/${id}`, { name: 'Tiefbauamt', email: 'tba@teststadt.example' })).statusCode).toBe(303);
    expect((await admin.get(`/verwaltung/abteilungen/${id}`)).body).toContain('tba@teststadt.example');
    expect((await admin.post(`/verwaltung/abteilungen/${id}/loeschen`)).statusCode).toBe(303);
    expect((await admin.get(`/verwaltung/abteilungen/${id}`)).statusCode).toBe(404);
  });

  it('never shows or changes another city’s department', async () => {
    const other = await t.db
      .insertInto('organizations')
      .values({ slug: 'anderswo', name: 'Anderswo', hosts: ['anderswo.example'], contact_email: 'a@anderswo.example' })
      .returningAll()
      .executeTakeFirstOrThrow();
    const foreign = await createDepartment(t.db, other.id, 'Fremdes Amt');
    expect((await admin.get(`/verwaltung/abteilungen/${foreign.id}`)).statusCode).toBe(404);
    expect((await admin.post(`/verwaltung/abteilungen/${foreign.id}`, { name: 'Gekapert', email: 'x@y.de' })).statusCode).toBe(404);
    expect((await admin.post(`/verwaltung/abteilungen/${foreign.id}/loeschen`)).statusCode).toBe(404);
    expect((await admin.get('/verwaltung/abteilungen/abc')).statusCode).toBe(404);
  });
});

describe('legal pages and accessibility feedback', () => {
  it('lets admins edit the Impressum; text is shown escaped', async () => {
    const res = await admin.post('/verwaltung/seiten/impressum/de', {
      title: 'Impressum der Teststadt',
      body: 'Absatz eins <script>alert(1)</script>\n\nAbsatz zwei',
    });
    expect(res.statusCode).toBe(303);
    const page = await new Client(t).get('/impressum');
    expect(page.body).toContain('Impressum der Teststadt');
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(page.body).toContain('<p>Absatz zwei</p>');
    expect((await admin.post('/verwaltung/seiten/impressum/xx', { title: 'a', body: 'b' })).statusCode).toBe(404);
    expect((await admin.post('/verwaltung/seiten/impressum/en', { title: '', body: '' })).statusCode).toBe(400);
  });

  it('delivers accessibility feedback to the city by mail and keeps input on errors', async () => {
    const c = new Client(t);
    const bad = await c.post('/barrierefreiheit', { message: '', email: 'kaputt' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value="kaputt"');
    const ok = await c.post('/barrierefreiheit', { message: 'Der Kontrast im Kopf ist zu schwach', page: '/start', email: 'leser@example.de' });
    expect(ok.statusCode).toBe(303);
    const mail = await t.db.selectFrom('outbox').selectAll().where('to_address', '=', t.org.contact_email).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(mail.text_body).toContain('Der Kontrast im Kopf ist zu schwach');
    expect(mail.text_body).toContain('leser@example.de');
    const list = await admin.get('/verwaltung/rueckmeldungen');
    expect(list.body).toContain('Der Kontrast im Kopf ist zu schwach');
  });
});

describe('permission matrix for every back-office route', () => {
  const adminRoutes = [
    '/verwaltung/bezirke',
    '/verwaltung/abteilungen',
    '/verwaltung/abteilungen/neu',
    '/verwaltung/mitarbeitende',
    '/verwaltung/mitarbeitende/neu',
    '/verwaltung/seiten',
    '/verwaltung/seiten/impressum/de',
  ];
  const moderatorRoutes = ['/verwaltung/rueckmeldungen'];
  const staffRoutes = ['/verwaltung'];

  it.each([
    ['admin', [...adminRoutes, ...moderatorRoutes, ...staffRoutes], []],
    ['moderator', [...moderatorRoutes, ...staffRoutes], adminRoutes],
    ['department_staff', staffRoutes, [...adminRoutes, ...moderatorRoutes]],
  ] as const)('%s sees exactly its pages', async (role, allowed, denied) => {
    const dept = await createDepartment(t.db, t.org.id);
    const user = await createStaff(t.db, t.config.secret, t.org.id, role, { departmentIds: [dept.id] });
    const c = new Client(t);
    await c.signInAs(user.id, 'staff');
    for (const url of allowed) expect((await c.get(url)).statusCode, url).toBe(200);
    for (const url of denied) expect((await c.get(url)).statusCode, url).toBe(403);
    expect((await c.post('/verwaltung/abteilungen', { name: 'X', email: 'x@y.de' })).statusCode).toBe(role === 'admin' ? 303 : 403);
  });

  it('residents get 403 and anonymous visitors a redirect on every staff route', async () => {
    const resident = await createResident(t.db, t.org.id);
    const c = new Client(t);
    await c.signInAs(resident.id, 'resident');
    for (const url of [...adminRoutes, ...moderatorRoutes, ...staffRoutes]) {
      expect((await c.get(url)).statusCode, url).toBe(403);
      const anon = await new Client(t).get(url);
      expect(anon.statusCode, url).toBe(303);
      expect(anon.headers.location).toContain('/verwaltung/anmelden');
    }
  });
});
