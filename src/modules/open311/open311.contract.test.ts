import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createCategory, createDepartment, createStaff, createSyntheticBoundary } from '../../../test/helpers/factories';
import { createApiKey, revokeApiKey } from './api-key.service';
import { parseXml, specValidator } from './open311.test-support';
import * as spec from './test-fixtures/georeport-v2.schemas';

let t: TestApp;
let key: string;
let keyId: number;
const validate = specValidator();
const BASE = '/open311/v2';

beforeAll(async () => {
  t = await createTestApp();
  await createSyntheticBoundary(t.db, t.org.id);
  const dept = await createDepartment(t.db, t.org.id, 'Tiefbauamt');
  await createCategory(t.db, t.org.id, {
    code: 'schlagloch',
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
      {
        code: 'where',
        datatype: 'multivaluelist',
        options: [
          { key: 'road', de: 'Fahrbahn', en: 'road' },
          { key: 'path', de: 'Gehweg', en: 'pavement' },
        ],
      },
      { code: 'depth', datatype: 'number' },
      { code: 'since', datatype: 'datetime' },
      { code: 'note', datatype: 'text' },
    ],
  });
  await createCategory(t.db, t.org.id, { code: 'muell', name: 'Müll', kind: 'litter' });
  const created = await createApiKey(t.db, t.org.id, { name: 'Fachverfahren', ratePerMinute: 1000 }, null);
  key = created.key;
  keyId = created.id;
});
afterAll(() => t.close());

function expectValid(schema: object, data: unknown) {
  expect(validate(schema, data)).toEqual([]);
}

function expectXml(res: { statusCode: number; headers: Record<string, unknown>; body: string }, root: string) {
  expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
  expect(res.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const doc = parseXml(res.body);
  expect(Object.keys(doc).filter((k) => k !== '?xml')).toEqual([root]);
  return doc[root] as Record<string, unknown>;
}

async function expectError(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, format: 'json' | 'xml', text?: RegExp) {
  expect(res.statusCode).toBe(status);
  if (format === 'json') {
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = JSON.parse(res.body);
    expectValid(spec.errors, body);
    expect(body[0].code).toBe(status);
    if (text) expect(body[0].description).toMatch(text);
  } else {
    const errors = expectXml(res, 'errors');
    const list = errors.error as Array<{ code: string; description: string }>;
    expect(list).toHaveLength(1);
    expect(list[0]!.code).toBe(String(status));
    if (text) expect(list[0]!.description).toMatch(text);
  }
}

function post(path: string, fields: Record<string, string | string[]>, ip = '198.51.100.7') {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  return t.app.inject({
    method: 'POST',
    url: path,
    remoteAddress: ip,
    headers: { host: 'localhost', 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    payload: body.toString(),
  });
}

function get(path: string, ip = '198.51.100.8') {
  return t.app.inject({ method: 'GET', url: path, remoteAddress: ip, headers: { host: 'localhost' } });
}

const pothole = (extra: Record<string, string | string[]> = {}) => ({
  api_key: key,
  service_code: 'schlagloch',
  lat: '51.51',
  long: '7.46',
  address_string: 'Vor Hausnummer 12',
  description: 'Tiefes Loch <b>mitten</b> auf der Fahrbahn & gefährlich',
  email: 'Melderin@Example.de',
  first_name: 'Erika',
  last_name: 'Mustermann',
  phone: '+49 231 123456',
  'attribute[size]': 'big',
  'attribute[where][]': ['road', 'path'],
  'attribute[depth]': '12',
  ...extra,
});

describe('discovery', () => {
  it('JSON and XML name the v2 endpoint, its formats and how to get a key', async () => {
    const json = await get('/open311/discovery.json');
    expect(json.statusCode).toBe(200);
    const body = JSON.parse(json.body);
    expectValid(spec.discovery, body);
    expect(body.endpoints[0].url).toBe('http://localhost/open311/v2/');
    const xml = expectXml(await get('/open311/discovery.xml'), 'discovery');
    const endpoint = (xml.endpoints as { endpoint: Array<Record<string, unknown>> }).endpoint[0]!;
    expect(endpoint.specification).toBe('http://wiki.open311.org/GeoReport_v2');
    expect((endpoint.formats as { format: string[] }).format).toEqual(['text/xml', 'application/json']);
    expect(typeof xml.key_service).toBe('string');
  });
});

describe('GET services and service definitions', () => {
  it('lists active categories as realtime services', async () => {
    const res = await get(`${BASE}/services.json`);
    const body = JSON.parse(res.body);
    expectValid(spec.services, body);
    expect(body.map((s: { service_code: string }) => s.service_code)).toEqual(['muell', 'schlagloch']);
    expect(body[1]).toMatchObject({ service_name: 'Schlagloch', metadata: true, type: 'realtime' });
    expect(body[0].metadata).toBe(false);

    const xml = expectXml(await get(`${BASE}/services.xml?lang=en`), 'services');
    const list = xml.service as Array<Record<string, string>>;
    expect(list.map((s) => s.service_code)).toEqual(['muell', 'schlagloch']);
    expect(list[1]).toMatchObject({
      service_name: 'Schlagloch (en)',
      metadata: 'true',
      type: 'realtime',
      group: 'Damage and defects',
    });
    expect(Object.keys(list[1]!)).toEqual(['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']);
  });

  it('defines the questions with datatype, required, order and values', async () => {
    const body = JSON.parse((await get(`${BASE}/services/schlagloch.json`)).body);
    expectValid(spec.serviceDefinition, body);
    expect(body.service_code).toBe('schlagloch');
    expect(body.attributes.map((a: { code: string; datatype: string; order: number }) => [a.code, a.datatype, a.order])).toEqual([
      ['size', 'singlevaluelist', 1],
      ['where', 'multivaluelist', 2],
      ['depth', 'number', 3],
      ['since', 'datetime', 4],
      ['note', 'text', 5],
    ]);
    expect(body.attributes[0]).toMatchObject({
      variable: true,
      required: true,
      description: 'Frage size',
      values: [
        { key: 'small', name: 'klein' },
        { key: 'big', name: 'groß' },
      ],
    });
    expect(body.attributes[2].values).toBeUndefined();

    const xml = expectXml(await get(`${BASE}/services/schlagloch.xml`), 'service_definition');
    expect(xml.service_code).toBe('schlagloch');
    const attrs = (xml.attributes as { attribute: Array<Record<string, unknown>> }).attribute;
    expect(attrs).toHaveLength(5);
    expect(attrs[0]).toMatchObject({
      variable: 'true',
      code: 'size',
      datatype: 'singlevaluelist',
      required: 'true',
      order: '1',
    });
    expect((attrs[0]!.values as { value: Array<{ key: string; name: string }> }).value).toEqual([
      { key: 'small', name: 'klein' },
      { key: 'big', name: 'groß' },
    ]);

    const none = JSON.parse((await get(`${BASE}/services/muell.json`)).body);
    expect(none).toEqual({ service_code: 'muell', attributes: [] });
  });

  it('answers an unknown service code with 404 and an error body in both formats', async () => {
    await expectError(await get(`${BASE}/services/gibt-es-nicht.json`), 404, 'json', /service_code/);
    await expectError(await get(`${BASE}/services/gibt-es-nicht.xml`), 404, 'xml', /service_code/);
  });
});

describe('POST requests', () => {
  it('creates a public report at once and GET returns the same public fields (JSON)', async () => {
    const res = await post(`${BASE}/requests.json`, pothole());
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body);
    expectValid(spec.postRequestResponse, body);
    const id = body[0].service_request_id;
    expect(body[0].service_notice).toContain(`http://localhost/meldungen/${id}`);

    const row = await t.db.selectFrom('reports').selectAll().where('id', '=', Number(id)).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'new',
      reporter_email: 'melderin@example.de',
      reporter_phone: '+49 231 123456',
      reporter_name: 'Erika Mustermann',
      show_name: false,
      lat: 51.51,
      lon: 7.46,
    });
    expect(row.answers).toEqual({ size: 'big', where: ['road', 'path'], depth: 12 });

    const one = await get(`${BASE}/requests/${id}.json`);
    expect(one.statusCode).toBe(200);
    const [got] = JSON.parse(one.body);
    expectValid(spec.requests, [got]);
    expect(got).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'schlagloch',
      service_name: 'Schlagloch',
      description: 'Tiefes Loch <b>mitten</b> auf der Fahrbahn & gefährlich',
      address: 'Vor Hausnummer 12',
      agency_responsible: 'Tiefbauamt',
      lat: 51.51,
      long: 7.46,
      media_url: null,
    });
    expect(one.body).not.toMatch(/melderin|Mustermann|Erika|123456/i);
    // The public page shows it too.
    expect((await new Client(t).get(`/meldungen/${id}`)).statusCode).toBe(200);
  });

  it('creates in XML too, and the XML answers carry the same fields element by element', async () => {
    const res = await post(`${BASE}/requests.xml`, pothole({ 'attribute[where][]': 'road', email: '' }));
    expect(res.statusCode).toBe(200);
    const created = expectXml(res, 'service_requests');
    const request = (created.request as Array<Record<string, string>>)[0]!;
    expect(request.service_request_id).toMatch(/^\d+$/);
    expect(request.token).toBeUndefined();
    const id = request.service_request_id!;
    const row = await t.db.selectFrom('reports').select(['reporter_email']).where('id', '=', Number(id)).executeTakeFirstOrThrow();
    expect(row.reporter_email).toBeNull();

    const got = (expectXml(await get(`${BASE}/requests/${id}.xml`), 'service_requests').request as Array<Record<string, string>>)[0]!;
    expect(Object.keys(got)).toEqual([
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'description',
      'agency_responsible',
      'requested_datetime',
      'updated_datetime',
      'address',
      'lat',
      'long',
      'media_url',
    ]);
    expect(got).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'schlagloch',
      description: 'Tiefes Loch <b>mitten</b> auf der Fahrbahn & gefährlich',
      address: 'Vor Hausnummer 12',
      lat: '51.51',
      long: '7.46',
      status_notes: '',
      media_url: '',
    });
    expect(got.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    // Escaped on the wire, not stripped.
    const raw = (await get(`${BASE}/requests/${id}.xml`)).body;
    expect(raw).toContain('Tiefes Loch &lt;b&gt;mitten&lt;/b&gt; auf der Fahrbahn &amp; gefährlich');
  });

  it('accepts a place described in words only (address_string)', async () => {
    const res = await post(`${BASE}/requests.json`, {
      api_key: key,
      service_code: 'muell',
      address_string: 'Westfalenpark, Eingang Ruhrallee',
      description: 'Überquellender Mülleimer',
    });
    expect(res.statusCode).toBe(200);
    const id = JSON.parse(res.body)[0].service_request_id;
    const row = await t.db.selectFrom('reports').select(['location_precise', 'address']).where('id', '=', Number(id)).executeTakeFirstOrThrow();
    expect(row).toEqual({ location_precise: false, address: 'Westfalenpark, Eingang Ruhrallee' });
  });

  it.each([
    ['json', 'no key', {}, 403, /api_key/],
    ['xml', 'no key', {}, 403, /api_key/],
    ['json', 'a bad key', { api_key: 'k311_falsch' }, 403, /api_key/],
    ['xml', 'a bad key', { api_key: 'nope' }, 403, /api_key/],
    ['json', 'an unknown service', { service_code: 'unbekannt' }, 404, /service_code/],
    ['xml', 'no service code', { service_code: '' }, 400, /service_code/],
    ['json', 'bad coordinates', { lat: '91.5', long: '7.4' }, 400, /lat\/long/],
    ['xml', 'coordinates that are not numbers', { lat: 'north', long: 'east' }, 400, /lat\/long/],
    ['json', 'only lat', { long: '' }, 400, /together/],
    ['json', 'a point outside the city', { lat: '52.52', long: '13.40' }, 400, /outside Teststadt/],
    ['json', 'no location at all', { lat: '', long: '', address_string: '' }, 400, /location/],
    ['json', 'a malformed attribute', { 'attribute[size': 'big' }, 400, /malformed attribute/],
    ['json', 'an attribute without code', { 'attribute[]': 'big' }, 400, /malformed attribute/],
    ['xml', 'an unknown attribute', { 'attribute[colour]': 'red' }, 400, /colour/],
    ['json', 'a missing required attribute', { 'attribute[size]': '' }, 400, /attribute\[size\] is required/],
    ['json', 'a value not in the list', { 'attribute[size]': 'huge' }, 400, /attribute\[size\] must be a key/],
    ['json', 'a number that is not one', { 'attribute[depth]': 'tief' }, 400, /attribute\[depth\] must be a number/],
    ['json', 'no description', { description: '' }, 400, /description is required/],
    ['json', 'a bad email', { email: 'kein-at' }, 400, /email/],
    ['json', 'a media_url that is not http', { media_url: 'javascript:alert(1)' }, 400, /media_url/],
    ['json', 'an unknown jurisdiction', { jurisdiction_id: 'berlin.de' }, 404, /jurisdiction_id/],
  ])('%s: refuses %s', async (format, _what, change, status, text) => {
    const fields: Record<string, string | string[]> = { ...pothole(), ...(change as Record<string, string>) };
    if (_what === 'no key') delete fields.api_key;
    const before = await t.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await expectError(await post(`${BASE}/requests.${format}`, fields), status as number, format as 'json' | 'xml', text as RegExp);
    const after = await t.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('accepts the city slug as jurisdiction_id, and refuses a revoked key', async () => {
    expect((await post(`${BASE}/requests.json`, pothole({ jurisdiction_id: t.org.slug }))).statusCode).toBe(200);
    const other = await createApiKey(t.db, t.org.id, { name: 'Alt' }, null);
    await revokeApiKey(t.db, t.org.id, other.id);
    await expectError(await post(`${BASE}/requests.json`, pothole({ api_key: other.key })), 403, 'json', /revoked/);
  });
});

describe('GET requests', () => {
  let ids: string[] = [];
  beforeAll(async () => {
    ids = [];
    for (const [code, lat, lon] of [
      ['schlagloch', '51.46', '7.41'],
      ['muell', '51.54', '7.59'],
      ['muell', '51.50', '7.50'],
    ] as const) {
      const res = await post(`${BASE}/requests.json`, {
        api_key: key,
        service_code: code,
        lat,
        long: lon,
        description: `Filtertest ${code}`,
        ...(code === 'schlagloch' ? { 'attribute[size]': 'small' } : {}),
      });
      ids.push(JSON.parse(res.body)[0].service_request_id);
    }
    await t.db.updateTable('reports').set({ status: 'fixed', fixed_at: new Date() }).where('id', '=', Number(ids[2])).execute();
  });

  async function list(query: string) {
    const res = await get(`${BASE}/requests.json?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = JSON.parse(res.body);
    expectValid(query.includes('extensions=true') ? spec.requestsExtended : spec.requests, body);
    return body as Array<{ service_request_id: string; status: string; service_code: string }>;
  }

  it('filters by ids, service code, status, dates, bbox, and pages', async () => {
    expect((await list(`service_request_id=${ids[0]},${ids[2]}&service_code=nothing`)).map((r) => r.service_request_id).sort()).toEqual(
      [ids[0], ids[2]].sort(),
    );
    const muell = await list('service_code=muell');
    expect(muell.every((r) => r.service_code === 'muell')).toBe(true);
    expect(muell.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([ids[1], ids[2]]));
    expect((await list('status=closed')).map((r) => r.service_request_id)).toEqual([ids[2]]);
    expect((await list('status=open')).map((r) => r.service_request_id)).not.toContain(ids[2]);
    expect((await list('status=open,closed')).length).toBe((await list('')).length);
    expect(await list('start_date=2000-01-01T00:00:00Z&end_date=2000-02-01T00:00:00Z')).toEqual([]);
    expect((await list(`start_date=${new Date(Date.now() - 60_000).toISOString()}`)).length).toBeGreaterThanOrEqual(3);
    expect((await list('bbox=7.40,51.45,7.42,51.47')).map((r) => r.service_request_id)).toEqual([ids[0]]);
    const page1 = await list('page_size=2&page=1');
    const page2 = await list('page_size=2&page=2');
    expect(page1).toHaveLength(2);
    expect(page2.map((r) => r.service_request_id)).not.toContain(page1[0]!.service_request_id);
  });

  it('adds the detailed status and the public timeline with extensions=true', async () => {
    const [r] = await list(`service_request_id=${ids[2]}&extensions=true`);
    const ext = r as unknown as {
      extended_attributes: Record<string, unknown>;
      notes: Array<{ type: string }>;
      attributes: Array<{ code: string; value: string; name: string }>;
    };
    expect(r!.status).toBe('closed');
    expect(ext.extended_attributes).toMatchObject({
      detailed_status: 'fixed',
      detailed_status_label: 'Erledigt',
      reporter_name: null,
      url: `http://localhost/meldungen/${ids[2]}`,
    });
    expect(ext.notes.map((n) => n.type)).toEqual(['created']);
    const xml = expectXml(await get(`${BASE}/requests.xml?service_request_id=${ids[0]}&extensions=true`), 'service_requests');
    const request = (xml.request as Array<Record<string, unknown>>)[0]!;
    expect((request.extended_attributes as Record<string, unknown>).detailed_status).toBe('new');
    expect((request.notes as { note: Array<Record<string, string>> }).note[0]!.type).toBe('created');
    expect((request.attributes as { attribute: Array<Record<string, string>> }).attribute[0]).toMatchObject({
      code: 'size',
      value: 'small',
      name: 'klein',
    });
  });

  it('answers an unknown or non-public id with 404, and bad filters with 400', async () => {
    await expectError(await get(`${BASE}/requests/999999.json`), 404, 'json');
    await expectError(await get(`${BASE}/requests/abc.xml`), 404, 'xml');
    await expectError(await get(`${BASE}/requests.json?start_date=gestern`), 400, 'json', /start_date/);
    await expectError(await get(`${BASE}/requests.xml?status=offen`), 400, 'xml', /status/);
    await expectError(await get(`${BASE}/requests.json?page_size=5000`), 400, 'json', /page_size/);
    await expectError(await get(`${BASE}/requests.json?bbox=8,52,7,51`), 400, 'json', /bbox/);
    await expectError(await get(`${BASE}/requests.json?jurisdiction_id=unbekannt`), 404, 'json', /jurisdiction_id/);
    await expectError(await get(`${BASE}/tokens/123.json`), 404, 'json', /tokens/);
    await expectError(await get('/open311/v2/requests.yaml'), 404, 'json');
  });

  it('refuses pages that are no finite page number with 400 in the GeoReport error format (-Infinity was a 500)', async () => {
    for (const page of ['-Infinity', 'Infinity', '1e400', 'NaN', '0', '10001', '1.5']) {
      await expectError(await get(`${BASE}/servicerequestupdates.json?page=${page}`), 400, 'json', /page/);
      await expectError(await get(`${BASE}/requests.xml?page=${page}`), 400, 'xml', /page/);
    }
    await expectError(await get(`${BASE}/servicerequestupdates.json?page_size=-Infinity`), 400, 'json', /page_size/);
    expect((await get(`${BASE}/servicerequestupdates.json?page=2&utm_source=newsletter`)).statusCode).toBe(200);
  });
});

describe('servicerequestupdates', () => {
  let id: string;
  beforeAll(async () => {
    id = JSON.parse((await post(`${BASE}/requests.json`, pothole())).body)[0].service_request_id;
  });

  it('a back office pushes a status change and a note; both appear on the public timeline and in the pull feed', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const res = await post(`${BASE}/servicerequestupdates.json`, {
      api_key: key,
      service_request_id: id,
      update_id: 'CRM-1',
      status: 'IN_PROGRESS',
      description: 'Auftrag an die Baukolonne',
      updated_datetime: '2026-01-05T10:00:00+01:00',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = JSON.parse(res.body);
    expectValid(spec.postUpdateResponse, body);
    const event = await t.db.selectFrom('report_events').selectAll().where('id', '=', Number(body[0].update_id)).executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      kind: 'status',
      public: true,
      from_status: 'new',
      to_status: 'in_progress',
      body: 'Auftrag an die Baukolonne',
    });

    // The same update again changes nothing and answers the same.
    const again = await post(`${BASE}/servicerequestupdates.json`, {
      api_key: key,
      service_request_id: id,
      update_id: 'CRM-1',
      status: 'IN_PROGRESS',
      description: 'Auftrag an die Baukolonne',
    });
    expect(JSON.parse(again.body)).toEqual(body);

    const note = await post(`${BASE}/servicerequestupdates.xml`, {
      api_key: key,
      service_request_id: id,
      update_id: 'CRM-2',
      status: 'open',
      description: 'Material ist bestellt',
    });
    expect(note.statusCode).toBe(200);
    const noteId = (expectXml(note, 'service_request_updates').request_update as Array<{ update_id: string }>)[0]!.update_id;
    expect((await t.db.selectFrom('report_events').select(['kind']).where('id', '=', Number(noteId)).executeTakeFirstOrThrow()).kind).toBe('public_note');

    const closed = await post(`${BASE}/servicerequestupdates.json`, {
      api_key: key,
      service_request_id: id,
      update_id: 'CRM-3',
      status: 'FIXED',
      description: 'Loch ist verfüllt',
    });
    expect(closed.statusCode).toBe(200);
    const report = await get(`${BASE}/requests/${id}.json`);
    expect(JSON.parse(report.body)[0]).toMatchObject({ status: 'closed', status_notes: 'Loch ist verfüllt' });

    const page = await new Client(t).get(`/meldungen/${id}`);
    expect(page.body).toContain('Auftrag an die Baukolonne');
    expect(page.body).toContain('Material ist bestellt');

    const pull = await get(`${BASE}/servicerequestupdates.json?start_date=${encodeURIComponent(since)}`);
    const updates = JSON.parse(pull.body);
    expectValid(spec.updates, updates);
    const mine = updates.filter((u: { service_request_id: string }) => u.service_request_id === id);
    expect(mine.map((u: { status: string }) => u.status)).toEqual(['open', 'open', 'open', 'closed']);
    expect(mine[1].description).toContain('Auftrag an die Baukolonne');
    const xml = expectXml(await get(`${BASE}/servicerequestupdates.xml?start_date=${encodeURIComponent(since)}&extensions=true`), 'service_requests_updates');
    const last = (xml.request_update as Array<Record<string, unknown>>).at(-1)!;
    expect(last).toMatchObject({ service_request_id: id, status: 'closed' });
    expect((last.extended_attributes as Record<string, string>).detailed_status).toBe('fixed');
  });

  it('refuses without key, unknown reports and statuses, impossible changes and empty updates', async () => {
    await expectError(
      await post(`${BASE}/servicerequestupdates.json`, {
        service_request_id: id,
        update_id: 'x',
        status: 'closed',
      }),
      403,
      'json',
    );
    await expectError(
      await post(`${BASE}/servicerequestupdates.xml`, {
        api_key: key,
        service_request_id: '999999',
        update_id: 'x',
        status: 'closed',
      }),
      404,
      'xml',
    );
    await expectError(
      await post(`${BASE}/servicerequestupdates.json`, {
        api_key: key,
        service_request_id: id,
        update_id: 'x1',
        status: 'vielleicht',
      }),
      400,
      'json',
      /status/,
    );
    await expectError(
      await post(`${BASE}/servicerequestupdates.json`, {
        api_key: key,
        service_request_id: id,
        update_id: 'x2',
        status: 'new',
      }),
      400,
      'json',
      /cannot change/,
    );
    await expectError(
      await post(`${BASE}/servicerequestupdates.json`, {
        api_key: key,
        service_request_id: id,
        update_id: 'x3',
        status: 'closed',
        updated_datetime: 'gestern',
      }),
      400,
      'json',
      /updated_datetime/,
    );
    await expectError(
      await post(`${BASE}/servicerequestupdates.json`, {
        api_key: key,
        service_request_id: id,
        status: 'closed',
      }),
      400,
      'json',
      /update_id/,
    );
  });
});

describe('rate limits', () => {
  it('each key has its own limit: 429 with Retry-After and an Open311 error body', async () => {
    const slow = await createApiKey(t.db, t.org.id, { name: 'Langsam', ratePerMinute: 1 }, null);
    expect((await get(`${BASE}/services.json?api_key=${slow.key}`)).statusCode).toBe(200);
    const limited = await get(`${BASE}/services.xml?api_key=${slow.key}`);
    await expectError(limited, 429, 'xml', /too many requests/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('anonymous readers are counted per address and told when to come back', async () => {
    await t.db.insertInto('rate_limits').values({ key: 'open-data:ip:192.0.2.77', window_start: new Date(), count: 300 }).execute();
    const res = await get(`${BASE}/requests.json`, '192.0.2.77');
    await expectError(res, 429, 'json');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await get(`${BASE}/requests.json`, '192.0.2.78')).statusCode).toBe(200);
    void keyId;
  });

  it('staff accounts do not matter: reading needs no sign-in and writing no session', async () => {
    const admin = await createStaff(t.db, t.config.secret, t.org.id, 'admin');
    const c = new Client(t);
    await c.signInAs(admin.id, 'staff');
    await expectError(
      await c.request({
        method: 'POST',
        url: `${BASE}/requests.json`,
        payload: 'service_code=muell&lat=51.5&long=7.5&description=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      403,
      'json',
      /api_key/,
    );
  });
});

describe('W3C dates', () => {
  it('accept a zone whose "+" arrived as a space (unencoded form data), refuse dates without zone', async () => {
    const { parseW3cDate } = await import('./open311');
    expect(parseW3cDate('2026-05-01T09:00:00 02:00')?.toISOString()).toBe('2026-05-01T07:00:00.000Z');
    expect(parseW3cDate('2026-05-01T09:00:00+02:00')?.toISOString()).toBe('2026-05-01T07:00:00.000Z');
    expect(parseW3cDate('2026-05-01')?.toISOString()).toBe('2026-05-01T00:00:00.000Z');
    expect(parseW3cDate('2026-05-01T09:00:00')).toBeNull();
    expect(parseW3cDate('2026-02-30T09:00:00Z')).toBeNull();
    expect((await get(`${BASE}/requests.json?start_date=2026-05-01T09:00:00+02:00`)).statusCode).toBe(200);
  });
});
