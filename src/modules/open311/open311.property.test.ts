import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app';
import { createCategory, createSyntheticBoundary } from '../../../test/helpers/factories';
import { createApiKey } from './api-key.service';
import { parseXml, specValidator } from './open311.test-support';
import * as spec from './test-fixtures/georeport-v2.schemas';

// Generated requests, valid and garbage, to every GET endpoint: never a 5xx, every 2xx matches the spec schema,
// every 4xx is an Open311 error body.

let t: TestApp;
let firstId = '1';
const validate = specValidator();

beforeAll(async () => {
  t = await createTestApp();
  await createSyntheticBoundary(t.db, t.org.id);
  await createCategory(t.db, t.org.id, {
    code: 'schlagloch',
    questions: [{ code: 'size', datatype: 'singlevaluelist', options: [{ key: 'big', de: 'groß', en: 'big' }] }],
  });
  await createCategory(t.db, t.org.id, { code: 'muell', kind: 'litter' });
  const { key } = await createApiKey(t.db, t.org.id, { name: 'Seed', ratePerMinute: 100000 }, null);
  for (let i = 0; i < 6; i++) {
    const body = new URLSearchParams({
      api_key: key,
      service_code: i % 2 ? 'muell' : 'schlagloch',
      lat: String(51.46 + i * 0.01),
      long: String(7.41 + i * 0.02),
      description: `Eintrag ${i} <&> "x"`,
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { host: 'localhost', 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    if (i === 0) firstId = JSON.parse(res.body)[0].service_request_id;
  }
});
afterAll(() => t.close());

const garbage = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '%',
    '%00',
    '%ZZ',
    '-1',
    '0',
    '1e9',
    'NaN',
    'null',
    '[]',
    '{}',
    '<x>',
    '&amp;',
    '../..',
    "' OR 1=1 --",
    '\u0000',
    '😀',
    'ä,ö',
    '1,2,3,4',
    ',,,',
  ),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map(String),
  fc.double({ noNaN: false }).map(String),
);

const w3c = fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
const bboxValue = fc
  .tuple(
    fc.double({ min: -200, max: 200, noNaN: true }),
    fc.double({ min: -100, max: 100, noNaN: true }),
    fc.double({ min: -200, max: 200, noNaN: true }),
    fc.double({ min: -100, max: 100, noNaN: true }),
  )
  .map((xs) => xs.map((x) => x.toFixed(3)).join(','));

const valueFor: Record<string, fc.Arbitrary<string>> = {
  service_request_id: fc.oneof(
    fc.array(fc.nat({ max: 50 }), { minLength: 1, maxLength: 5 }).map((xs) => xs.join(',')),
    garbage,
  ),
  service_code: fc.oneof(fc.constantFrom('schlagloch', 'muell', 'schlagloch,muell', 'unbekannt'), garbage),
  start_date: fc.oneof(w3c, fc.constantFrom('2024-01-01', '2024-13-01', '2024-01-01T25:00:00Z', '2024-01-01T10:00:00'), garbage),
  end_date: fc.oneof(w3c, garbage),
  status: fc.oneof(fc.constantFrom('open', 'closed', 'open,closed', 'OPEN', 'fixed'), garbage),
  page: fc.oneof(fc.integer({ min: -5, max: 200000 }).map(String), garbage),
  page_size: fc.oneof(fc.integer({ min: -5, max: 2000 }).map(String), garbage),
  bbox: fc.oneof(bboxValue, garbage),
  extensions: fc.oneof(fc.constantFrom('true', 'false', '1', '0', 'yes'), garbage),
  jurisdiction_id: fc.oneof(fc.constantFrom('', 'unbekannt.de'), garbage),
  lang: fc.oneof(fc.constantFrom('de', 'en', 'fr'), garbage),
  api_key: fc.oneof(fc.constant(''), garbage),
  category: fc.oneof(fc.constantFrom('schlagloch', 'muell'), garbage),
  district: fc.oneof(fc.nat({ max: 10 }).map(String), garbage),
  from: fc.oneof(fc.constantFrom('2024-01-01', '2030-01-01'), garbage),
  to: fc.oneof(fc.constantFrom('2024-01-01', '2030-01-01'), garbage),
  limit: fc.oneof(fc.integer({ min: -1, max: 20000 }).map(String), garbage),
};

function queryArb(names: string[]) {
  return fc
    .tuple(
      fc.subarray(names).chain((keys) => fc.tuple(...keys.map((k) => valueFor[k]!.map((v) => [k, v] as const)))),
      fc.array(fc.tuple(fc.string({ maxLength: 12 }), garbage), { maxLength: 3 }),
    )
    .map(([known, extra]) => {
      const params = new URLSearchParams();
      for (const [k, v] of [...known, ...extra]) params.append(k, v);
      return params.toString();
    });
}

const OPEN311 = ['jurisdiction_id', 'lang', 'api_key'];
const REQUESTS = [...OPEN311, 'service_request_id', 'service_code', 'start_date', 'end_date', 'status', 'page', 'page_size', 'bbox', 'extensions'];
const UPDATES = [...OPEN311, 'start_date', 'end_date', 'page', 'page_size', 'extensions'];
const EXPORTS = ['bbox', 'category', 'district', 'status', 'from', 'to', 'limit', 'page', 'lang'];

let ip = 0;
const seen = new Set<number>();
async function get(url: string) {
  ip++;
  return inject(url);
}
async function inject(url: string) {
  const res = await t.app.inject({
    method: 'GET',
    url,
    remoteAddress: `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`,
    headers: { host: 'localhost' },
  });
  seen.add(res.statusCode);
  return res;
}

function checkOpen311(res: { statusCode: number; body: string; headers: Record<string, unknown> }, format: string, schema: object, root: string) {
  expect(res.statusCode, res.body).toBeLessThan(500);
  if (format === 'json') {
    const body = JSON.parse(res.body);
    const errors = res.statusCode === 200 ? validate(schema, body) : validate(spec.errors, body);
    expect(errors, `${res.statusCode} ${res.body.slice(0, 300)}`).toEqual([]);
  } else {
    const doc = parseXml(res.body);
    expect(Object.keys(doc).filter((k) => k !== '?xml')).toEqual([res.statusCode === 200 ? root : 'errors']);
  }
}

const RUNS = 40;

describe('generated requests to every GET endpoint', () => {
  afterAll(() => {
    // The generators reach both sides: answers and refusals.
    expect([...seen].sort()).toEqual(expect.arrayContaining([200, 400, 404]));
  });
  const endpoints: Array<[string, string[], object, string]> = [
    ['/open311/discovery', OPEN311, spec.discovery, 'discovery'],
    ['/open311/v2/services', OPEN311, spec.services, 'services'],
    ['/open311/v2/services/schlagloch', OPEN311, spec.serviceDefinition, 'service_definition'],
    ['/open311/v2/requests', REQUESTS, spec.requests, 'service_requests'],
    ['/open311/v2/servicerequestupdates', UPDATES, spec.updates, 'service_requests_updates'],
  ];
  for (const [path, names, schema, root] of endpoints) {
    it(`${path}.{json,xml}`, async () => {
      await fc.assert(
        fc.asyncProperty(queryArb(names), fc.constantFrom('json', 'xml'), async (query, format) => {
          const res = await get(`${path}.${format}?${query}`);
          const extended = /(^|&)extensions=(true|1)(&|$)/.test(query) && path.endsWith('/requests');
          checkOpen311(res, format, extended ? spec.requestsExtended : schema, root);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('/open311/v2/requests/{id}.{json,xml} with any id', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(firstId), fc.nat({ max: 100 }).map(String), fc.string({ maxLength: 12 }).map(encodeURIComponent)),
        queryArb(['extensions', 'lang', 'jurisdiction_id']),
        fc.constantFrom('json', 'xml'),
        async (id, query, format) => {
          const res = await get(`/open311/v2/requests/${id}.${format}?${query}`);
          const extended = /(^|&)extensions=(true|1)(&|$)/.test(query);
          checkOpen311(res, format, extended ? spec.requestsExtended : spec.requests, 'service_requests');
          if (res.statusCode === 200 && format === 'json') expect(JSON.parse(res.body)).toHaveLength(1);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('/api/reports.geojson and .csv, feeds and the sitemap', async () => {
    await fc.assert(
      fc.asyncProperty(
        queryArb(EXPORTS),
        fc.constantFrom('/api/reports.geojson', '/api/reports.csv', '/feeds/meldungen.atom', '/sitemap.xml', '/api/openapi.json'),
        async (query, path) => {
          const res = await get(`${path}?${query}`);
          expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
          if (res.statusCode === 200 && path.endsWith('.geojson')) expect(validate(spec.geojsonPoints, JSON.parse(res.body))).toEqual([]);
          if (res.statusCode === 200 && (path.endsWith('.atom') || path.endsWith('.xml'))) parseXml(res.body);
          if (res.statusCode >= 400 && path.startsWith('/api/')) expect(JSON.parse(res.body).error.code).toBeTruthy();
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });
});
