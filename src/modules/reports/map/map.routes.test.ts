import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../../test/helpers/app';
import { createCategory, createSyntheticBoundary } from '../../../../test/helpers/factories';
import { buildApp } from '../../../app';
import type { ReportStatus } from '../../../db-schema';
import type { Db } from '../../../platform/db/connect';
import { fitView, formatView, PICK_ZOOM, pixelToLatLon, project } from '../../../platform/map/geometry';
import { clusterPoints, tilesCovering } from '../../../platform/map/grid';
import { insertReport } from '../report.queries';

// A fake Nominatim and a fake tile server on 127.0.0.1; nothing leaves this machine.
let fake: Server;
let fakeBase: string;
let tileHits = 0;
let t: TestApp;
let db: Db;
let catA: { id: number };
let catB: { id: number };
let districtId: number;
const ids: Record<string, number> = {};

const city = { minLon: 7.4, minLat: 51.45, maxLon: 7.6, maxLat: 51.55 };

async function report(
  status: ReportStatus,
  lat: number,
  lon: number,
  options: { categoryId?: number; hidden?: boolean; districtId?: number | null; createdAt?: string } = {},
) {
  const row = await insertReport(db, {
    organizationId: t.org.id,
    categoryId: options.categoryId ?? catA.id,
    departmentId: null,
    districtId: options.districtId ?? null,
    status,
    lat,
    lon,
    address: `Synthetische Straße ${Math.round(lat * 1000) % 100}`,
    locationPrecise: true,
    description: 'Testmeldung',
    answers: {},
    userId: null,
    reporterName: 'Geheim Name',
    reporterEmail: 'geheim@example.de',
    showName: false,
    idempotencyKey: null,
  });
  const id = row!.id;
  if (options.hidden) await db.updateTable('reports').set({ hidden: true }).where('id', '=', id).execute();
  if (options.createdAt)
    await db
      .updateTable('reports')
      .set({ created_at: new Date(options.createdAt) })
      .where('id', '=', id)
      .execute();
  return id;
}

beforeAll(async () => {
  fake = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/tiles/')) {
      tileHits++;
      res.setHeader('content-type', 'image/png');
      res.end(Buffer.from('89504e470d0a1a0a', 'hex'));
      return;
    }
    if (url.pathname.startsWith('/down')) {
      res.statusCode = 503;
      res.end();
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify([
        { lat: '51.5123', lon: '7.4567', display_name: 'Synthetischer Platz 1, Teststadt' },
        { lat: '52.5', lon: '13.4', display_name: 'Außerhalb, Anderswo' },
      ]),
    );
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  fakeBase = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  t = await createTestApp({ GEOCODER_URL: `${fakeBase}/nominatim`, MAP_TILE_URL: `${fakeBase}/tiles/{z}/{x}/{y}.png` });
  db = t.db;
  await createSyntheticBoundary(db, t.org.id);
  const district = await db
    .insertInto('districts')
    .values({
      organization_id: t.org.id,
      kind: 'stadtbezirk',
      name: 'Synthetischer Bezirk West',
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
  catA = await createCategory(db, t.org.id, { name: 'Schlagloch' });
  catB = await createCategory(db, t.org.id, { name: 'Müll' });
  // 28 open reports in a tight bunch (one cluster at low zoom, inside one tile up to zoom 15), plus a few of each kind.
  for (let i = 0; i < 28; i++) await report('new', 51.503 + i * 0.0001, 7.45 + i * 0.0001, { districtId });
  ids.fixed = await report('fixed', 51.52, 7.55, { categoryId: catB.id, createdAt: '2024-06-15T10:00:00Z' });
  ids.closed = await report('closed', 51.47, 7.58, { categoryId: catB.id });
  ids.progress = await report('in_progress', 51.46, 7.42);
  ids.unconfirmed = await report('unconfirmed', 51.51, 7.51);
  ids.hidden = await report('new', 51.515, 7.515, { hidden: true });
});

afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => fake.close(() => resolve()));
});

/** The 256-px tile holding a point. */
function cellTile(lat: number, lon: number, zoom: number) {
  const p = project(lat, lon, zoom);
  return { x: Math.floor(p.x / 256), y: Math.floor(p.y / 256) };
}

function rowsOf(html: string): number[] {
  return [...html.matchAll(/data-report-id="(\d+)"/g)].map((m) => Number(m[1]));
}

describe('/meldungen: the public list', () => {
  it('lists public reports only, 25 per page, with keyset links ("ältere Meldungen") and the same map', async () => {
    const c = new Client(t);
    const first = await c.get('/meldungen');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('31 Meldungen');
    const page1 = rowsOf(first.body);
    expect(page1).toHaveLength(25);
    expect(first.body).toContain(`href="/meldungen?vor=${page1[24]}" rel="next">Ältere Meldungen</a>`);
    expect(first.body).not.toContain('Neuere Meldungen');
    expect(first.body).toContain('data-module="reports-map"');
    expect(first.body).toContain('data-src="/api/reports/map"');
    const second = await c.get(`/meldungen?vor=${page1[24]}`);
    expect(second.statusCode).toBe(200);
    const page2 = rowsOf(second.body);
    expect(page2).toHaveLength(6);
    expect(second.body).not.toContain('Ältere Meldungen</a>');
    expect(second.body).toContain(`href="/meldungen?nach=${page2[0]}" rel="prev">Neuere Meldungen</a>`);
    expect(second.body).toContain('href="/meldungen">Neueste Meldungen</a>');
    const all = [...page1, ...page2];
    expect(new Set(all).size).toBe(31);
    expect(all).not.toContain(ids.unconfirmed);
    expect(all).not.toContain(ids.hidden);
    expect(first.body).not.toContain('geheim@example.de');
    expect(first.body).not.toContain('Geheim Name');
    // Status in words, not only colour.
    expect(second.body).toContain('Erledigt');
    // "Neuere Meldungen" from the second page leads back to the first page's rows.
    expect(rowsOf((await c.get(`/meldungen?nach=${page2[0]}`)).body)).toEqual(page1);
  });

  it('keeps its pages stable while reports arrive', async () => {
    const c = new Client(t);
    const page1 = rowsOf((await c.get('/meldungen')).body);
    const added = await report('new', 51.505, 7.505);
    try {
      // The older page starts right after the last row seen, whatever arrived meanwhile: no row twice, none lost.
      const page2 = rowsOf((await c.get(`/meldungen?vor=${page1[24]}`)).body);
      expect(page2).toHaveLength(6);
      expect(new Set([...page1, ...page2]).size).toBe(31);
      expect(page2).not.toContain(added);
      expect(rowsOf((await c.get('/meldungen')).body)[0]).toBe(added);
      expect((await c.get('/meldungen')).body).toContain('32 Meldungen');
    } finally {
      await db.deleteFrom('reports').where('id', '=', added).execute();
    }
    expect((await c.get('/meldungen')).body).toContain('31 Meldungen');
  });

  it('filters by status, category, district and time', async () => {
    const c = new Client(t);
    expect(rowsOf((await c.get('/meldungen?status=fixed')).body)).toEqual([ids.fixed]);
    expect(rowsOf((await c.get('/meldungen?status=closed')).body)).toEqual([ids.closed]);
    expect(rowsOf((await c.get(`/meldungen?kategorie=${catB.id}`)).body).sort()).toEqual([ids.fixed, ids.closed].sort());
    expect((await c.get(`/meldungen?kategorie=${catB.id}`)).body).toContain('2 Meldungen');
    const inDistrict = await c.get(`/meldungen?bezirk=${districtId}&status=open`);
    expect(inDistrict.body).toContain('28 Meldungen');
    const june = await c.get('/meldungen?von=2024-06-15&bis=2024-06-15');
    expect(rowsOf(june.body)).toEqual([ids.fixed]);
    // With dates the count comes from the reports themselves (up to a cap), the same number.
    expect((await c.get('/meldungen?von=2020-01-01')).body).toContain('31 Meldungen');
    expect(rowsOf((await c.get('/meldungen?von=2024-06-16&bis=2024-06-30')).body)).toEqual([]);
    // Filters travel with the page links and the map's data URL.
    const filtered = await c.get('/meldungen?status=open');
    const rows = rowsOf(filtered.body);
    expect(filtered.body).toContain(`href="/meldungen?status=open&amp;vor=${rows[24]}"`);
    expect(filtered.body).toContain('data-src="/api/reports/map?status=open"');
    expect(rowsOf((await c.get(`/meldungen?status=open&vor=${rows[24]}`)).body)).toHaveLength(29 - 25);
  });

  it('answers old page-number links with the first page of the same filters', async () => {
    const c = new Client(t);
    const old = await c.get('/meldungen?status=open&seite=2');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/meldungen?status=open');
    expect((await c.get('/meldungen?seite=99')).headers.location).toBe('/meldungen');
  });

  it('marks bad filter values on the form with a 400', async () => {
    const c = new Client(t);
    const res = await c.get('/meldungen?status=kaputt&von=2024-02-30&kategorie=abc');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('class="k-error-summary"');
    for (const f of ['status', 'von', 'kategorie']) {
      expect(res.body).toContain(`href="#f-${f}"`);
      expect(res.body).toMatch(new RegExp(`id="f-${f}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-${f}"`));
    }
    expect(rowsOf(res.body)).toEqual([]);
  });

  it('an unknown cursor gives an empty page with the way back to the newest reports', async () => {
    const c = new Client(t);
    const res = await c.get('/meldungen?vor=2000000000');
    expect(res.statusCode).toBe(200);
    expect(rowsOf(res.body)).toEqual([]);
    expect(res.body).toContain('Keine weiteren Meldungen');
    expect(res.body).toContain('href="/meldungen">Neueste Meldungen</a>');
  });
});

describe('no N+1', () => {
  it('loads the list in the same number of queries for 25 rows as for 1', async () => {
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const app = await buildApp({ config: t.config, db: db.withPlugin(counter) });
    try {
      const count = async (url: string) => {
        queries = 0;
        const res = await app.inject({ url, headers: { host: 'localhost' }, cookies: { k_csrf: 'x' } });
        expect(res.statusCode).toBe(200);
        return queries;
      };
      const full = await count('/meldungen');
      const one = await count('/meldungen?status=fixed');
      expect(full).toBe(one);
      expect(full).toBeLessThanOrEqual(6);
    } finally {
      await app.close();
    }
  });

  it('answers a crowd asking for the same map with one query, panned views included', async () => {
    // Queries run (a result came back) that read the maintained map counts; nested builders have their own ids.
    const reading = new Set<unknown>();
    let mapQueries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        if (args.node.kind === 'SelectQueryNode' && JSON.stringify(args.node).includes('report_map_')) reading.add(args.queryId);
        return args.node;
      },
      transformResult: async (args) => {
        if (reading.has(args.queryId)) mapQueries++;
        return args.result;
      },
    };
    const cached = { ...t.config, publicCacheSeconds: 30 };
    const app = await buildApp({ config: cached, db: db.withPlugin(counter) });
    try {
      const get = (bbox: string) =>
        app.inject({ url: `/api/reports/map?bbox=${bbox}&zoom=12&lang=de`, headers: { host: 'localhost' }, cookies: { k_csrf: 'x' } });
      const answers = await Promise.all(Array.from({ length: 30 }, () => get('7.3,51.4,7.65,51.6')));
      expect(answers.every((a) => a.statusCode === 200)).toBe(true);
      expect(new Set(answers.map((a) => a.body)).size).toBe(1);
      // A view panned by a few metres covers the same tiles: same answer, no new query.
      const panned = await get('7.30001,51.40001,7.65001,51.60001');
      expect(panned.body).toBe(answers[0]!.body);
      expect(mapQueries).toBe(1);
      const bunch = (answers[0]!.json() as { features: Array<{ properties: { cluster: boolean; count?: number } }> }).features.find(
        (f) => f.properties.cluster,
      );
      expect(bunch?.properties.count).toBeGreaterThanOrEqual(28);
    } finally {
      await app.close();
    }
  });
});

describe('/api/reports/map', () => {
  const bbox = '7.39,51.44,7.61,51.56';

  it('answers a bad request with a clear message', async () => {
    const c = new Client(t);
    for (const [query, fieldName] of [
      ['zoom=12', 'bbox'],
      [`bbox=${bbox}`, 'zoom'],
      ['bbox=7.6,51.44,7.4,51.56&zoom=12', 'bbox'],
      [`bbox=${bbox}&zoom=40`, 'zoom'],
      [`bbox=${bbox}&zoom=12&status=nope`, 'status'],
    ]) {
      const res = await c.get(`/api/reports/map?${query}`);
      expect(res.statusCode, query).toBe(400);
      const body = res.json() as { error: { code: string; message: string; fields: Record<string, string> } };
      expect(body.error.code).toBe('bad_request');
      expect(body.error.fields[fieldName!]).toBeTruthy();
      expect(body.error.message).toContain(fieldName);
    }
  });

  it('clusters at low zoom (like the reference grid), points at high zoom, public reports only', async () => {
    const c = new Client(t);
    const low = await c.get(`/api/reports/map?bbox=${bbox}&zoom=11&lang=de`);
    expect(low.statusCode).toBe(200);
    expect(low.headers['content-type']).toContain('application/geo+json');
    const fc = low.json() as {
      type: string;
      clustered: boolean;
      features: Array<{ type: string; geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> }>;
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.clustered).toBe(true);
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      expect(f.geometry.coordinates).toHaveLength(2);
    }
    const counts = fc.features.map((f) => (f.properties.cluster ? (f.properties.count as number) : 1));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(31);
    expect(fc.features.some((f) => f.properties.cluster && (f.properties.count as number) >= 28)).toBe(true);
    // The SQL grouping agrees with the reference implementation.
    const rows = await db
      .selectFrom('reports')
      .select(['id', 'lat', 'lon'])
      .where('organization_id', '=', t.org.id)
      .where('hidden', '=', false)
      .where('status', '!=', 'unconfirmed')
      .execute();
    const reference = clusterPoints(rows, 11);
    expect(counts.sort((a, b) => a - b)).toEqual(reference.map((r) => r.count).sort((a, b) => a - b));
    const single = fc.features.find((f) => f.properties.id === ids.fixed)!;
    expect(single.properties).toMatchObject({ cluster: false, group: 'fixed', status: 'Erledigt', url: `/meldungen/${ids.fixed}` });

    const high = await c.get(`/api/reports/map?bbox=${bbox}&zoom=16&lang=en`);
    const points = high.json() as typeof fc;
    expect(points.clustered).toBe(false);
    expect(points.features).toHaveLength(31);
    const pointIds = points.features.map((f) => f.properties.id);
    expect(pointIds).not.toContain(ids.unconfirmed);
    expect(pointIds).not.toContain(ids.hidden);
    expect(points.features.find((f) => f.properties.id === ids.progress)!.properties).toMatchObject({ group: 'progress', status: 'In progress' });
    // Public fields only.
    expect(high.body).not.toMatch(/geheim|reporter|email|Testmeldung/i);
    for (const f of points.features) expect(Object.keys(f.properties).sort()).toEqual(['category', 'cluster', 'group', 'id', 'status', 'title', 'url']);
  });

  it('uses the box and the filters', async () => {
    const c = new Client(t);
    const east = (await c.get('/api/reports/map?bbox=7.5,51.44,7.61,51.56&zoom=16')).json() as { features: Array<{ properties: { id: number } }> };
    expect(east.features.map((f) => f.properties.id).sort()).toEqual([ids.fixed, ids.closed].sort());
    const fixed = (await c.get(`/api/reports/map?bbox=${bbox}&zoom=16&status=fixed`)).json() as typeof east;
    expect(fixed.features.map((f) => f.properties.id)).toEqual([ids.fixed]);
  });

  it('is cacheable: Cache-Control and an ETag that answers 304', async () => {
    const c = new Client(t);
    const url = `/api/reports/map?bbox=${bbox}&zoom=12&lang=de`;
    const res = await c.get(url);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await c.get(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // A first visit (the CSRF cookie is set on the way) must not land in a shared cache.
    const fresh = await t.app.inject({ url, headers: { host: 'localhost' } });
    expect(fresh.headers['cache-control']).toBe('private, max-age=60');
  });

  it('serves 256-px tiles: together they hold every public report once, each cacheable; impossible tiles are 404', async () => {
    const c = new Client(t);
    type Answer = { clustered: boolean; features: Array<{ properties: { cluster: boolean; count?: number; id?: number } }> };
    const sum = (a: Answer) => a.features.reduce((n, f) => n + (f.properties.count ?? 1), 0);
    for (const zoom of [11, 13, 14]) {
      const range = tilesCovering(city, zoom);
      let total = 0;
      for (let x = range.x0; x <= range.x1; x++) {
        for (let y = range.y0; y <= range.y1; y++) {
          const res = await c.get(`/api/reports/map/${zoom}/${x}/${y}?lang=de`);
          expect(res.statusCode).toBe(200);
          expect(res.headers['cache-control']).toBe('public, max-age=60');
          total += sum(res.json() as Answer);
        }
      }
      expect(total, `zoom ${zoom}`).toBe(31);
    }
    // Dates are counted from the reports themselves, on the same cells.
    for (const [query, expected] of [
      ['von=2020-01-01', 31],
      ['von=2024-06-15&bis=2024-06-15', 1],
    ] as const) {
      for (const zoom of [11, 13]) {
        const range = tilesCovering(city, zoom);
        let total = 0;
        for (let x = range.x0; x <= range.x1; x++) {
          for (let y = range.y0; y <= range.y1; y++) {
            const res = await c.get(`/api/reports/map/${zoom}/${x}/${y}?${query}`);
            expect(res.statusCode).toBe(200);
            total += sum(res.json() as Answer);
          }
        }
        expect(total, `${query} at zoom ${zoom}`).toBe(expected);
      }
    }
    // At street zoom the tile with the bunch of 28 stays clustered; a tile with a single report shows its pin.
    const bunch = cellTile(51.503, 7.45, 15);
    const dense = (await c.get(`/api/reports/map/15/${bunch.x}/${bunch.y}`)).json() as Answer;
    expect(dense.clustered).toBe(true);
    expect(sum(dense)).toBe(28);
    const lone = cellTile(51.52, 7.55, 15);
    const single = (await c.get(`/api/reports/map/15/${lone.x}/${lone.y}`)).json() as Answer;
    expect(single).toMatchObject({ clustered: false, features: [{ properties: { id: ids.fixed } }] });
    // The filters of the list.
    const none = (await c.get(`/api/reports/map/15/${lone.x}/${lone.y}?status=open`)).json() as Answer;
    expect(none.features).toEqual([]);
    const dated = (await c.get(`/api/reports/map/15/${lone.x}/${lone.y}?von=2024-06-15&bis=2024-06-15`)).json() as Answer;
    expect(dated).toMatchObject({ clustered: false, features: [{ properties: { id: ids.fixed } }] });
    const url = `/api/reports/map/11/${bunch.x >> 4}/${bunch.y >> 4}?status=open&bezirk=${districtId}`;
    const res = await c.get(url);
    expect(sum(res.json() as Answer)).toBe(28);
    expect((await c.get(url, { 'if-none-match': String(res.headers.etag) })).statusCode).toBe(304);
    expect((await c.get('/api/reports/map/11/0/0?status=nope')).statusCode).toBe(400);
    for (const bad of ['/api/reports/map/12/4096/0', '/api/reports/map/23/0/0', '/api/reports/map/12/a/0', '/api/reports/map/12/-1/0']) {
      expect((await c.get(bad)).statusCode, bad).toBe(404);
    }
  });

  it('serves the areas as GeoJSON', async () => {
    const res = await new Client(t).get('/api/karte/gebiete');
    const fc = res.json() as { features: Array<{ properties: { kind: string; name: string } }> };
    expect(fc.features.map((f) => f.properties.kind).sort()).toEqual(['stadtbezirk', 'stadtgrenze']);
    expect(res.headers.etag).toBeTruthy();
  });
});

describe('the location step without JavaScript', () => {
  const cityView = fitView(city);

  it('shows the address search, the clickable map and the nav links', async () => {
    const res = await new Client(t).get('/melden');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('name="suche"');
    expect(res.body).toContain('type="image"');
    expect(res.body).toContain('formaction="/melden/ortswahl"');
    expect(res.body).toContain('data-module="location-picker"');
    expect(res.body).toContain('<script src="/static/js/map.js" defer>');
    expect(res.body).toContain('href="/meldungen"');
    expect(res.body).toMatch(/<a href="\/melden" aria-current="page">Problem melden<\/a>/);
  });

  it('zooms in on the first click, picks on a click close enough, and keeps the form', async () => {
    const c = new Client(t);
    const form = { categoryId: String(catA.id), lat: '', lon: '', address: 'beim Brunnen', ansicht: '' };
    const click1 = await c.post('/melden/ortswahl', { ...form, 'karte.x': '320', 'karte.y': '200' });
    expect(click1.statusCode).toBe(303);
    const next = new URL(String(click1.headers.location), 'http://localhost');
    expect(next.pathname).toBe('/melden/ortswahl');
    expect(next.searchParams.get('kategorie')).toBe(String(catA.id));
    expect(next.searchParams.get('ort')).toBe('beim Brunnen');
    const zoomed = next.searchParams.get('ansicht')!;
    expect(zoomed.startsWith(`${cityView.zoom + 2}/`)).toBe(true);
    expect(next.searchParams.get('lat')).toBeNull();

    const pickView = `${PICK_ZOOM}/51.500000/7.450000`;
    const click2 = await c.post('/melden/ortswahl', { ...form, ansicht: pickView, 'karte.x': '330', 'karte.y': '190' });
    const picked = new URL(String(click2.headers.location), 'http://localhost');
    const expected = pixelToLatLon({ zoom: PICK_ZOOM, lat: 51.5, lon: 7.45 }, 330, 190);
    expect(Number(picked.searchParams.get('lat'))).toBe(expected.lat);
    expect(Number(picked.searchParams.get('lon'))).toBe(expected.lon);

    const page = await c.get(`${picked.pathname}${picked.search}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`value="${expected.lat}"`);
    expect(page.body).toContain('Gewählter Ort: 51.50');
    expect(page.body).toContain(`id="cat-${catA.id}" value="${catA.id}" checked`);
    expect(page.body).toContain('beim Brunnen</textarea>');
    // The picture shows the chosen point.
    expect(page.body).toMatch(/src="\/karte\/bild\.svg\?meldungen=offen&amp;ansicht=15%2F51\.5[^"]*&amp;punkt=51\.5/);

    // Continuing with the picked point reaches step two.
    const step2 = await c.post('/melden/ort', { categoryId: String(catA.id), lat: String(expected.lat), lon: String(expected.lon), address: '' });
    expect(step2.statusCode).toBe(200);
    expect(step2.body).toContain('Schritt 2 von 2');
  });

  it('zooms out, moves and returns to the whole city with the buttons', async () => {
    const c = new Client(t);
    const view = `${cityView.zoom + 2}/51.500000/7.500000`;
    const out = await c.post('/melden/ortswahl', { categoryId: '', lat: '', lon: '', address: '', ansicht: view, karte_aktion: 'out' });
    expect(new URL(String(out.headers.location), 'http://x').searchParams.get('ansicht')).toBe(formatView({ zoom: cityView.zoom, lat: 51.5, lon: 7.5 }));
    const whole = await c.post('/melden/ortswahl', { ansicht: view, karte_aktion: 'city' });
    expect(new URL(String(whole.headers.location), 'http://x').searchParams.get('ansicht')).toBe(formatView(cityView));
    const north = await c.post('/melden/ortswahl', { ansicht: view, karte_aktion: 'north' });
    const lat = Number(new URL(String(north.headers.location), 'http://x').searchParams.get('ansicht')!.split('/')[1]);
    expect(lat).toBeGreaterThan(51.5);
  });

  it('searches an address (results inside the city only) and fills the place from a result', async () => {
    const c = new Client(t);
    const search = await c.post('/melden/ortswahl', {
      categoryId: String(catA.id),
      lat: '',
      lon: '',
      address: '',
      suche: 'Synthetischer Platz',
      aktion: 'suchen',
    });
    expect(search.statusCode).toBe(303);
    const page = await c.get(String(search.headers.location));
    expect(page.body).toContain('Treffer für „Synthetischer Platz“');
    expect(page.body).toContain('Synthetischer Platz 1, Teststadt');
    expect(page.body).not.toContain('Außerhalb, Anderswo');
    const choose = await c.post('/melden/ortswahl', {
      categoryId: String(catA.id),
      lat: '',
      lon: '',
      address: '',
      treffer: '51.5123,7.4567|Synthetischer Platz 1, Teststadt',
    });
    const chosen = new URL(String(choose.headers.location), 'http://x');
    expect(chosen.searchParams.get('lat')).toBe('51.5123');
    expect(chosen.searchParams.get('lon')).toBe('7.4567');
    expect(chosen.searchParams.get('ort')).toBe('Synthetischer Platz 1, Teststadt');
    expect((await c.post('/melden/ortswahl', { treffer: 'x,y|z' })).statusCode).toBe(400);
  });

  it('an empty search (Enter in a text field) continues to step two', async () => {
    const c = new Client(t);
    const res = await c.post('/melden/ortswahl', { categoryId: String(catA.id), lat: '51.5', lon: '7.5', address: '', suche: '', aktion: 'suchen' });
    expect(res.statusCode).toBe(307);
    expect(res.headers.location).toBe('/melden/ort');
  });

  it('renders the map picture as SVG with the boundary, reports and the chosen point', async () => {
    const res = await new Client(t).get(`/karte/bild.svg?meldungen=offen&punkt=51.5,7.5`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.body).toContain('<svg');
    expect(res.body).toContain('stroke="#1d3557"');
    expect(res.body).toContain('fill="#004f9f"');
    expect(res.body).not.toMatch(/<script|<style|style=/);
  });

  it('the report page shows a small map', async () => {
    const res = await new Client(t).get(`/meldungen/${ids.fixed}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('data-module="report-map"');
    expect(res.body).toContain('data-group="fixed"');
  });
});

describe('address search when the geocoder fails', () => {
  let down: TestApp;
  beforeAll(async () => {
    down = await createTestApp({ GEOCODER_URL: `${fakeBase}/down` });
  });
  afterAll(() => down.close());

  it('says so and still accepts a described place', async () => {
    const c = new Client(down);
    const category = await createCategory(down.db, down.org.id);
    await createSyntheticBoundary(down.db, down.org.id);
    const page = await c.get('/melden/ortswahl?suche=Markt');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Die Adresssuche ist gerade nicht erreichbar');
    const step2 = await c.post('/melden/ort', { categoryId: String(category.id), lat: '', lon: '', address: 'Vor dem Rathaus, Eingang Nord' });
    expect(step2.statusCode).toBe(200);
    expect(step2.body).toContain('Nur beschrieben');
  });

  it('without a geocoder the form says there is no search, and has no search field', async () => {
    const c = new Client(down);
    expect((await c.get('/melden')).body).toContain('name="suche"');
    const none = await createTestApp();
    try {
      const res = await new Client(none).get('/melden');
      expect(res.body).toContain('Eine Adresssuche gibt es hier nicht');
      expect(res.body).not.toContain('name="suche"');
      expect((await new Client(none).get('/karte/kacheln/1/0/0.png')).statusCode).toBe(404);
    } finally {
      await none.close();
    }
  });
});

describe('the tile proxy', () => {
  it('fetches a tile once, keeps it, and refuses impossible tiles', async () => {
    const c = new Client(t);
    const before = tileHits;
    const a = await c.get('/karte/kacheln/12/2133/1367.png');
    expect(a.statusCode).toBe(200);
    expect(a.headers['content-type']).toBe('image/png');
    expect(a.headers['cache-control']).toContain('max-age=86400');
    await c.get('/karte/kacheln/12/2133/1367.png');
    expect(tileHits).toBe(before + 1);
    for (const bad of ['/karte/kacheln/2/4/0.png', '/karte/kacheln/25/0/0.png', '/karte/kacheln/1/0/0.jpg', '/karte/kacheln/a/0/0.png']) {
      expect((await c.get(bad)).statusCode, bad).toBe(404);
    }
  });
});

// Last in this file: it adds hundreds of reports in one street, which the counts above do not expect.
describe('a dense street at street-level zoom', () => {
  it('is clustered until zoom 18 instead of sending hundreds of pins, and shows pins from then on', async () => {
    const added: number[] = [];
    for (let i = 0; i < 320; i++) added.push(await report('new', 51.43 + (i % 20) * 0.00005, 7.6 + Math.floor(i / 20) * 0.00005));
    try {
      const c = new Client(t);
      const bbox = '7.598,51.428,7.604,51.433';
      const street = (await c.get(`/api/reports/map?bbox=${bbox}&zoom=16`)).json() as {
        clustered: boolean;
        features: Array<{ properties: { cluster: boolean; count?: number } }>;
      };
      expect(street.clustered).toBe(true);
      expect(street.features.length).toBeLessThan(50);
      expect(street.features.reduce((n, f) => n + (f.properties.count ?? 1), 0)).toBe(320);
      const closest = (await c.get(`/api/reports/map?bbox=${bbox}&zoom=18`)).json() as typeof street;
      expect(closest.clustered).toBe(false);
      expect(closest.features).toHaveLength(320);
    } finally {
      await db.deleteFrom('reports').where('id', 'in', added).execute();
    }
  });
});
