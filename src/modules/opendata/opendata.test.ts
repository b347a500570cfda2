import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createCategory, createDepartment, createStaff, createSyntheticBoundary } from '../../../test/helpers/factories';
import { createApiKey } from '../open311/api-key.service';
import { parseXml, specValidator } from '../open311/open311.test-support';
import * as spec from '../open311/test-fixtures/georeport-v2.schemas';
import { createReport } from '../reports/report.service';
import { BOM, csvCell, csvDocument } from './csv';

let t: TestApp;
let publicId: number;
let hiddenId: number;
let unconfirmedId: number;
let unreviewedId: number;
let approvedPhoto: number;
let pendingPhoto: number;
let districtId: number;
const validate = specValidator();

const SECRETS = [
  'geheim@example.de',
  '+49 170 5550123',
  'Heimliche Hanna',
  'INTERNE-NOTIZ-4711',
  'VERSTECKT-0815',
  'UNBESTAETIGT-9999',
  'Zweite Melderin',
  'ANGSTRAUM-UNGEPRUEFT',
];

beforeAll(async () => {
  t = await createTestApp();
  await createSyntheticBoundary(t.db, t.org.id);
  const district = await t.db
    .insertInto('districts')
    .values({
      organization_id: t.org.id,
      kind: 'stadtbezirk',
      name: 'Innenstadt-Test',
      geometry: JSON.stringify({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [7.4, 51.45],
              [7.5, 51.45],
              [7.5, 51.55],
              [7.4, 51.55],
              [7.4, 51.45],
            ],
          ],
        ],
      }),
      min_lon: 7.4,
      min_lat: 51.45,
      max_lon: 7.5,
      max_lat: 51.55,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  districtId = district.id;
  const dept = await createDepartment(t.db, t.org.id, 'Grünflächenamt');
  const category = await createCategory(t.db, t.org.id, {
    code: 'baum',
    name: 'Baum',
    departmentId: dept.id,
  });
  const deps = {
    db: t.db,
    storage: { put: async () => {}, get: async () => null, remove: async () => {} } as never,
    secret: t.config.secret,
    publicUrl: t.config.publicUrl,
  };
  const where = (lat: number, lon: number) => ({
    categoryId: category.id,
    lat,
    lon,
    address: '',
    precise: true,
    districtId: lat < 51.5 || lon < 7.5 ? districtId : null,
  });
  const staff = await createStaff(t.db, t.config.secret, t.org.id, 'admin');
  const resident = {
    id: staff.id,
    email: 'geheim@example.de',
    displayName: '',
    role: null,
    level: 'resident' as const,
    departmentIds: [],
  };
  const make = async (text: string, user: typeof resident | null, name = 'Heimliche Hanna', email = '') => {
    const r = await createReport(
      deps,
      t.org,
      where(51.47, 7.45),
      { description: text, answers: {}, name, email, showName: false, idempotencyKey: '', photos: [] },
      user,
      'de',
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.reportId;
  };
  publicId = await make('Ast auf dem Weg =HYPERLINK("http://evil")', resident);
  await t.db.updateTable('reports').set({ reporter_phone: '+49 170 5550123' }).where('id', '=', publicId).execute();
  await t.db
    .insertInto('report_events')
    .values({
      organization_id: t.org.id,
      report_id: publicId,
      kind: 'internal_note',
      public: false,
      body: 'INTERNE-NOTIZ-4711',
    })
    .execute();
  approvedPhoto = (
    await t.db
      .insertInto('report_photos')
      .values({ organization_id: t.org.id, report_id: publicId, storage_key: 'reports/a', width: 800, height: 600, status: 'approved' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  pendingPhoto = (
    await t.db
      .insertInto('report_photos')
      .values({
        organization_id: t.org.id,
        report_id: publicId,
        storage_key: 'reports/b',
        width: 800,
        height: 600,
        status: 'pending',
        sort: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  hiddenId = await make('VERSTECKT-0815', resident);
  await t.db.updateTable('reports').set({ hidden: true }).where('id', '=', hiddenId).execute();
  unconfirmedId = await make('UNBESTAETIGT-9999', null, 'Zweite Melderin', 'zweite@example.de');
  // An Angstraum waits for review before anything about it is public.
  const angst = await createCategory(t.db, t.org.id, {
    code: 'angstraum',
    name: 'Angstraum',
    kind: 'angstraum',
  });
  const unreviewed = await createReport(
    deps,
    t.org,
    { ...where(51.47, 7.45), categoryId: angst.id },
    {
      description: 'ANGSTRAUM-UNGEPRUEFT',
      answers: {},
      name: '',
      email: '',
      showName: false,
      idempotencyKey: '',
      photos: [],
    },
    resident,
    'de',
  );
  if (!unreviewed.ok) throw new Error('angstraum');
  unreviewedId = unreviewed.reportId;
  // A reporter who chose to show their name is shown.
  const shown = await make('Umgestürzter Baum', resident, 'Offene Olga');
  await t.db.updateTable('reports').set({ show_name: true }).where('id', '=', shown).execute();
});
afterAll(() => t.close());

function get(url: string, ip = '198.51.100.20') {
  return t.app.inject({ method: 'GET', url, remoteAddress: ip, headers: { host: 'localhost' } });
}

const EVERY_FORMAT = [
  '/open311/v2/requests.json?extensions=true',
  '/open311/v2/requests.xml?extensions=true',
  '/open311/v2/servicerequestupdates.json?extensions=true',
  '/open311/v2/servicerequestupdates.xml?extensions=true',
  '/api/reports.geojson',
  '/api/reports.csv',
  '/feeds/meldungen.atom',
  '/feeds/kategorien/baum.atom',
  '/sitemap.xml',
  '/feeds/neuigkeiten.atom',
];

describe('privacy: nothing private leaves in any format', () => {
  it.each(EVERY_FORMAT)('%s', async (url) => {
    const res = await get(url);
    expect(res.statusCode, res.body).toBe(200);
    for (const secret of SECRETS) expect(res.body, secret).not.toContain(secret);
    expect(res.body).toContain(String(publicId));
    for (const id of [hiddenId, unconfirmedId, unreviewedId]) {
      expect(res.body).not.toMatch(new RegExp(`meldungen/${id}\\b`));
      expect(res.body).not.toMatch(new RegExp(`"(service_request_id|id)":"?${id}\\b`));
      expect(res.body).not.toMatch(new RegExp(`<service_request_id>${id}<`));
    }
    expect(res.body).not.toContain(`/fotos/${pendingPhoto}/`);
  });

  it('single requests of hidden or unconfirmed reports are 404 in both formats', async () => {
    for (const id of [hiddenId, unconfirmedId, unreviewedId]) {
      for (const f of ['json', 'xml']) expect((await get(`/open311/v2/requests/${id}.${f}`)).statusCode).toBe(404);
    }
  });

  it('shows approved photos and a name only where the reporter chose it', async () => {
    const [r] = JSON.parse((await get(`/open311/v2/requests/${publicId}.json?extensions=true`)).body);
    expect(r.media_url).toBe(`http://localhost/fotos/${approvedPhoto}/large.jpg`);
    expect(r.extended_attributes.photos).toHaveLength(1);
    expect(r.extended_attributes.reporter_name).toBeNull();
    const all = await get('/open311/v2/requests.json?extensions=true');
    expect(all.body).toContain('Offene Olga');
  });
});

describe('GeoJSON', () => {
  it('is an RFC 7946 FeatureCollection of public reports, longitude first', async () => {
    const res = await get('/api/reports.geojson');
    expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const body = JSON.parse(res.body);
    expect(validate(spec.geojsonPoints, body)).toEqual([]);
    const feature = body.features.find((f: { id: number }) => f.id === publicId);
    expect(feature.geometry.coordinates).toEqual([7.45, 51.47]);
    expect(feature.properties).toMatchObject({
      status: 'open',
      detailed_status: 'new',
      category_code: 'baum',
      district: 'Innenstadt-Test',
      department: 'Grünflächenamt',
    });
  });

  it('filters by bbox, category, district, status and date; bad filters are 400', async () => {
    const ids = async (q: string) => JSON.parse((await get(`/api/reports.geojson?${q}`)).body).features.map((f: { id: number }) => f.id);
    expect(await ids('bbox=7.44,51.46,7.46,51.48')).toContain(publicId);
    expect(await ids('bbox=8,52,8.1,52.1')).toEqual([]);
    expect(await ids('category=baum')).toContain(publicId);
    expect(await ids('category=anderes')).toEqual([]);
    expect(await ids(`district=${districtId}`)).toContain(publicId);
    expect(await ids('status=fixed')).toEqual([]);
    expect(await ids('from=2000-01-01&to=2000-01-02')).toEqual([]);
    expect(await ids('limit=1')).toHaveLength(1);
    for (const q of ['bbox=a,b,c,d', 'status=offen', 'limit=0', 'limit=abc', 'from=gestern', 'bbox=9,52,8,51', 'district=x']) {
      const res = await get(`/api/reports.geojson?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(JSON.parse(res.body).error.code).toBe('bad_request');
    }
  });
});

describe('CSV', () => {
  it('quotes, neutralises formulas and starts with a BOM', () => {
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+49')).toBe("'+49");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tTab')).toBe("'\tTab");
    expect(csvCell('\rCR')).toBe('"\'\rCR"');
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell('Zeile\nzwei')).toBe('"Zeile\nzwei"');
    expect(csvCell(-7.5)).toBe('-7.5');
    expect(csvCell(null)).toBe('');
    expect(csvDocument(['a', 'b'], [[1, 'x']])).toBe(`${BOM}a,b\r\n1,x\r\n`);
  });

  it('exports public fields only, as a download', async () => {
    const res = await get('/api/reports.csv');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers['content-disposition']).toBe('attachment; filename="meldungen.csv"');
    expect(res.body.startsWith(BOM)).toBe(true);
    const lines = res.body.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'id,url,created_at,updated_at,status,detailed_status,status_label,category_code,category,district,department,address,lat,lon,location_precise,supporters,description',
    );
    const row = lines.find((l) => l.startsWith(`${publicId},`))!;
    expect(row.startsWith(`${publicId},http://localhost/meldungen/${publicId},`)).toBe(true);
    expect(row).toContain(',51.47,7.45,true,0,');
    expect(row.endsWith('"Ast auf dem Weg =HYPERLINK(""http://evil"")"')).toBe(true);
  });
});

describe('Atom feeds and sitemap', () => {
  it('all, per category and per district; unknown ones are 404', async () => {
    for (const url of ['/feeds/meldungen.atom', '/feeds/kategorien/baum.atom', `/feeds/bezirke/${districtId}.atom`]) {
      const res = await get(url);
      expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      const doc = parseXml(res.body) as {
        feed: {
          '@_xmlns': string;
          entry: Array<{ id: string; title: string; link: { '@_href': string } }>;
          title: string;
        };
      };
      expect(doc.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
      expect(doc.feed.entry.map((e) => e.id)).toContain(`http://localhost/meldungen/${publicId}`);
      expect(doc.feed.entry.find((e) => e.id.endsWith(`/${publicId}`))!.title).toBe(`Meldung #${publicId}: Baum`);
    }
    expect((await get('/feeds/kategorien/nichts.atom')).statusCode).toBe(404);
    expect((await get('/feeds/bezirke/999999.atom')).statusCode).toBe(404);
  });

  it('the sitemap lists public pages and public reports only', async () => {
    const res = await get('/sitemap.xml');
    const doc = parseXml(res.body) as { urlset: { url: Array<{ loc: string }> } };
    const locs = doc.urlset.url.map((u) => u.loc);
    expect(locs).toEqual(expect.arrayContaining(['http://localhost/', 'http://localhost/offene-daten', `http://localhost/meldungen/${publicId}`]));
    expect(locs).not.toContain(`http://localhost/meldungen/${hiddenId}`);
  });
});

describe('OpenAPI and documentation', () => {
  it('describes every JSON route from the schemas that validate it', async () => {
    const res = await get('/api/openapi.json');
    const doc = JSON.parse(res.body);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.license.name).toContain('Datenlizenz Deutschland');
    for (const path of [
      '/open311/v2/requests.json',
      '/open311/v2/requests/{service_request_id}.json',
      '/open311/v2/services/{service_code}.xml',
      '/open311/discovery.json',
      '/api/reports.geojson',
      '/api/reports.csv',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    const list = doc.paths['/open311/v2/requests.json'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['service_request_id', 'service_code', 'start_date', 'end_date', 'status', 'page', 'page_size', 'bbox', 'extensions']),
    );
    expect(list.responses['200'].content['application/json'].schema.items.properties.lat.type).toBe('number');
    expect(doc.paths['/open311/v2/requests.json'].post.requestBody.content['application/x-www-form-urlencoded'].schema.required).toContain('service_code');
    // JSON routes of other modules are listed even before they declare a schema.
    const others = Object.keys(doc.paths).filter((p) => p.startsWith('/api/') && !p.startsWith('/api/reports.') && p !== '/api/openapi.json');
    for (const p of others) expect(doc.paths[p].get?.responses['200'] ?? doc.paths[p].post?.responses['200'], p).toBeDefined();
    // Every operation id is unique.
    const ids = Object.values(doc.paths).flatMap((p) => Object.values(p as Record<string, { operationId: string }>).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the docs page and the open data page are server-rendered HTML', async () => {
    const docs = await get('/api/docs');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('GET /open311/v2/requests.json');
    expect(docs.body).not.toMatch(/<script/i);
    const page = await get('/offene-daten');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('dl-de/zero-2-0');
    expect(page.body).toContain('href="/feeds/kategorien/baum.atom"');
    expect(page.body).toContain(`href="/feeds/bezirke/${districtId}.atom"`);
    expect(page.body).toContain('http://localhost/open311/v2/');
    expect((await get('/')).body).toContain('href="/offene-daten"');
  });
});

describe('API keys in the back office', () => {
  it('admins create a key (shown once), see only its start, and revoke it; others may not', async () => {
    const admin = await createStaff(t.db, t.config.secret, t.org.id, 'admin');
    const c = new Client(t);
    await c.signInAs(admin.id, 'staff');
    expect((await c.get('/verwaltung/api-schluessel')).statusCode).toBe(200);
    const bad = await c.post('/verwaltung/api-schluessel', { name: '', rate: '0' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Bitte geben Sie einen Namen');
    const created = await c.post('/verwaltung/api-schluessel', { name: 'Stadtwerke-App', rate: '30' });
    expect(created.statusCode).toBe(200);
    expect(created.headers['cache-control']).toBe('no-store');
    const key = /value="(k311_[A-Za-z0-9_-]+)"/.exec(created.body)![1]!;
    const list = await c.get('/verwaltung/api-schluessel');
    expect(list.body).toContain('Stadtwerke-App');
    expect(list.body).not.toContain(key);
    expect(list.body).toContain(`${key.slice(0, 9)}…`);
    const row = await t.db.selectFrom('api_keys').selectAll().where('name', '=', 'Stadtwerke-App').executeTakeFirstOrThrow();
    expect(row.key_hash).not.toContain(key);
    expect(row.rate_per_minute).toBe(30);
    expect((await get(`/open311/v2/services.json?api_key=${key}`)).statusCode).toBe(200);
    const revoked = await c.post(`/verwaltung/api-schluessel/${row.id}/widerrufen`);
    expect(revoked.statusCode).toBe(303);
    expect((await c.get(revoked.headers.location as string)).body).toContain('ist widerrufen');
    expect((await get(`/open311/v2/services.json?api_key=${key}`)).statusCode).toBe(403);
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', 'like', 'api_keys.%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['api_keys.create', 'api_keys.revoke']);

    const moderator = await createStaff(t.db, t.config.secret, t.org.id, 'moderator');
    const m = new Client(t);
    await m.signInAs(moderator.id, 'staff');
    expect((await m.get('/verwaltung/api-schluessel')).statusCode).toBe(403);
    expect((await m.post('/verwaltung/api-schluessel', { name: 'x' })).statusCode).toBe(403);
    expect((await new Client(t).get('/verwaltung/api-schluessel')).statusCode).toBe(303);
    void createApiKey;
  });
});
