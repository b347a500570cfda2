import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app';
import { createCategory, createSyntheticBoundary } from '../../../test/helpers/factories';
import { appBehindProxy, counter, expectLimited, spend } from '../../../test/helpers/rate-limits';
import { createApiKey } from './api-key.service';
import { parseIdempotencyKey } from './open311';
import { parseXml } from './open311.test-support';
import { AUTH_FAILURES } from './rate';

// Open311 POST under abuse: the Idempotency-Key header (one report per key and request, 422 for a different
// request under a used key), the per-key limit, and the per-address limit on requests without a valid key.

let t: TestApp;
let key: string;
const BASE = '/open311/v2';

beforeAll(async () => {
  t = await createTestApp();
  await createSyntheticBoundary(t.db, t.org.id);
  await createCategory(t.db, t.org.id, {
    code: 'laterne',
    name: 'Laterne',
    questions: [
      {
        code: 'art',
        datatype: 'multivaluelist',
        options: [
          { key: 'aus', de: 'aus', en: 'off' },
          { key: 'flackert', de: 'flackert', en: 'flickers' },
        ],
      },
    ],
  });
  key = (await createApiKey(t.db, t.org.id, { name: 'Bürger-App', ratePerMinute: 1000 }, null)).key;
});
afterAll(() => t.close());

type Fields = Record<string, string | string[]>;

function post(
  path: string,
  fields: Fields,
  options: { ip?: string; headers?: Record<string, string>; app?: TestApp['app'] } = {},
): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  return (options.app ?? t.app).inject({
    method: 'POST',
    url: path,
    remoteAddress: options.ip ?? '198.51.100.7',
    headers: {
      host: 'localhost',
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      ...(options.headers ?? {}),
    },
    payload: body.toString(),
  });
}

const lamp = (extra: Fields = {}): Fields => ({
  api_key: key,
  service_code: 'laterne',
  lat: '51.51',
  long: '7.46',
  description: 'Laterne vor Nr. 3 ist aus',
  email: 'app-nutzerin@example.de',
  phone: '0231 1234',
  'attribute[art][]': ['aus', 'flackert'],
  ...extra,
});

async function snapshot() {
  const count = async (table: 'reports' | 'open311_requests' | 'report_events' | 'outbox') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    reports: await count('reports'),
    requests: await count('open311_requests'),
    events: await count('report_events'),
    mails: await count('outbox'),
    rows: await t.db.selectFrom('reports').selectAll().orderBy('id').execute(),
  };
}

function jsonError(res: LightMyRequestResponse, status: number): string {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  const body = JSON.parse(res.body) as Array<{ code: number; description: string }>;
  expect(body).toHaveLength(1);
  expect(body[0]!.code).toBe(status);
  return body[0]!.description;
}

function xmlError(res: LightMyRequestResponse, status: number): string {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
  const doc = parseXml(res.body) as { errors: { error: Array<{ code: string; description: string }> } };
  expect(doc.errors.error).toHaveLength(1);
  expect(doc.errors.error[0]!.code).toBe(String(status));
  return doc.errors.error[0]!.description;
}

describe('Idempotency-Key on POST requests', () => {
  it('the same request twice makes one report and the same answer, marked as replayed', async () => {
    const headers = { 'idempotency-key': 'app-7f3a-0001' };
    const first = await post(`${BASE}/requests.json`, lamp(), { headers });
    expect(first.statusCode).toBe(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const before = await snapshot();
    const again = await post(`${BASE}/requests.json`, lamp({ 'attribute[art][]': ['flackert', 'aus'] }), {
      headers: { 'idempotency-key': '"app-7f3a-0001"' },
    });
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await snapshot()).toEqual(before);
    // The XML endpoint is the same resource: the same key answers with the same id there too.
    const xml = await post(`${BASE}/requests.xml`, lamp(), { headers });
    expect(xml.statusCode).toBe(200);
    const id = (parseXml(xml.body) as { service_requests: { request: Array<{ service_request_id: string }> } }).service_requests.request[0]!.service_request_id;
    expect(id).toBe(JSON.parse(first.body)[0].service_request_id);
  });

  it('a different request under a used key is refused with 422 (JSON and XML) and changes nothing', async () => {
    const headers = { 'idempotency-key': 'app-7f3a-0002' };
    const first = await post(`${BASE}/requests.json`, lamp(), { headers });
    const id = JSON.parse(first.body)[0].service_request_id;
    const before = await snapshot();
    const changes: Fields[] = [
      { description: 'Eine ganz andere Laterne' },
      { phone: '0231 9999' },
      { email: 'jemand@example.de' },
      { 'attribute[art][]': 'aus' },
      { media_url: 'https://example.org/foto.jpg' },
    ];
    for (const change of changes) {
      const text = jsonError(await post(`${BASE}/requests.json`, lamp(change), { headers }), 422);
      expect(text).toContain(`service request ${id}`);
      expect(text).toMatch(/different request/);
    }
    xmlError(await post(`${BASE}/requests.xml`, lamp({ description: 'Noch eine' }), { headers }), 422);
    expect(await snapshot()).toEqual(before);
  });

  it('keys belong to one API key: another client may use the same value for its own request', async () => {
    const other = (await createApiKey(t.db, t.org.id, { name: 'Zweite App', ratePerMinute: 1000 }, null)).key;
    const headers = { 'idempotency-key': 'shared-value-1' };
    const a = await post(`${BASE}/requests.json`, lamp(), { headers });
    const b = await post(`${BASE}/requests.json`, lamp({ api_key: other, description: 'Andere App' }), {
      headers,
    });
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(JSON.parse(a.body)[0].service_request_id).not.toBe(JSON.parse(b.body)[0].service_request_id);
  });

  it('without the header every POST is a new report, as before', async () => {
    const before = (await snapshot()).reports;
    await post(`${BASE}/requests.json`, lamp());
    await post(`${BASE}/requests.json`, lamp());
    expect((await snapshot()).reports).toBe(before + 2);
  });

  it('refuses a malformed key with 400 and creates nothing', async () => {
    const before = (await snapshot()).reports;
    for (const value of ['two words', 'x'.repeat(101), '', 'ümlaut']) {
      const text = jsonError(await post(`${BASE}/requests.json`, lamp(), { headers: { 'idempotency-key': value } }), 400);
      expect(text).toMatch(/Idempotency-Key/);
    }
    expect((await snapshot()).reports).toBe(before);
  });

  it('identical requests at the same moment make one report', async () => {
    const before = await snapshot();
    const results = await Promise.all(Array.from({ length: 4 }, () => post(`${BASE}/requests.json`, lamp(), { headers: { 'idempotency-key': 'race-311' } })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect(new Set(results.map((r) => r.body)).size).toBe(1);
    const after = await snapshot();
    expect(after.reports).toBe(before.reports + 1);
    expect(after.requests).toBe(before.requests + 1);
  });

  it('parses the header as the draft standard writes it', () => {
    expect(parseIdempotencyKey(undefined)).toBeNull();
    expect(parseIdempotencyKey('"8e03978e-40d5-43e8-bc93-6894a57f9324"')).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(parseIdempotencyKey(' abc:1 ')).toBe('abc:1');
    expect(parseIdempotencyKey(['a', 'b'])).toBeInstanceOf(Error);
  });
});

describe('rate limits on POST', () => {
  it('per key (the account): 429 with Retry-After in the Open311 error format, and a retry counts too', async () => {
    const slow = (await createApiKey(t.db, t.org.id, { name: 'Langsam', ratePerMinute: 1 }, null)).key;
    const headers = { 'idempotency-key': 'slow-1' };
    expect((await post(`${BASE}/requests.json`, lamp({ api_key: slow }), { headers })).statusCode).toBe(200);
    const json = await post(`${BASE}/requests.json`, lamp({ api_key: slow }), { headers });
    expectLimited(json, 60);
    expect(jsonError(json, 429)).toMatch(/too many requests/);
    const xml = await post(`${BASE}/requests.xml`, lamp({ api_key: slow }), { ip: '192.0.2.50' });
    expectLimited(xml, 60);
    xmlError(xml, 429);
  });

  it('per address for requests without a valid key: 403 until the limit, then 429', async () => {
    await spend(t.db, AUTH_FAILURES, '198.51.100.40', AUTH_FAILURES.max - 2);
    const ip = { ip: '198.51.100.40' };
    jsonError(await post(`${BASE}/requests.json`, lamp({ api_key: 'k311_guessed' }), ip), 403);
    jsonError(await post(`${BASE}/requests.json`, lamp({ api_key: '' }), ip), 403);
    const limited = await post(`${BASE}/requests.xml`, lamp({ api_key: 'k311_guessed' }), ip);
    expectLimited(limited, AUTH_FAILURES.windowSeconds);
    expect(xmlError(limited, 429)).toMatch(/without a valid api_key/);
    // Updates are writes too.
    expectLimited(await post(`${BASE}/servicerequestupdates.json`, { service_request_id: '1' }, ip), AUTH_FAILURES.windowSeconds);
    // Other addresses are not affected, and a valid key from here still works (a key is its own account).
    jsonError(await post(`${BASE}/requests.json`, lamp({ api_key: 'k311_guessed' }), { ip: '198.51.100.41' }), 403);
    expect((await post(`${BASE}/requests.json`, lamp(), ip)).statusCode).toBe(200);
  });

  it('a made-up X-Forwarded-For does not open a new counter without TRUST_PROXY', async () => {
    await spend(t.db, AUTH_FAILURES, '198.51.100.42');
    for (const xff of ['192.0.2.1', '192.0.2.2', '203.0.113.5, 192.0.2.3']) {
      const res = await post(`${BASE}/requests.json`, lamp({ api_key: 'k311_nope' }), {
        ip: '198.51.100.42',
        headers: { 'x-forwarded-for': xff },
      });
      expectLimited(res, AUTH_FAILURES.windowSeconds);
    }
    expect(await counter(t.db, AUTH_FAILURES, '192.0.2.1')).toBeUndefined();
  });

  it('behind a trusted proxy the forwarded address is counted; from anyone else the header is ignored', async () => {
    const proxied = await appBehindProxy(t, '10.0.0.0/8');
    try {
      await spend(t.db, AUTH_FAILURES, '198.51.100.43');
      const via = (xff: string, ip = '10.1.2.3') =>
        post(`${BASE}/requests.json`, lamp({ api_key: 'k311_nope' }), {
          app: proxied,
          ip,
          headers: { 'x-forwarded-for': xff },
        });
      expectLimited(await via('198.51.100.43'), AUTH_FAILURES.windowSeconds);
      expectLimited(await via('192.0.2.77, 198.51.100.43'), AUTH_FAILURES.windowSeconds);
      jsonError(await via('198.51.100.44'), 403);
      expect(await counter(t.db, AUTH_FAILURES, '198.51.100.44')).toBe(1);
      jsonError(await via('198.51.100.43', '198.51.100.45'), 403);
      expect(await counter(t.db, AUTH_FAILURES, '198.51.100.45')).toBe(1);
    } finally {
      await proxied.close();
    }
  });

  it('counts IPv6 clients per /64', async () => {
    await spend(t.db, AUTH_FAILURES, '2001:db8:311:1::/64');
    const from = (ip: string) => post(`${BASE}/requests.json`, lamp({ api_key: 'k311_nope' }), { ip });
    expectLimited(await from('2001:db8:311:1::1'), AUTH_FAILURES.windowSeconds);
    expectLimited(await from('2001:db8:311:1:abcd::2'), AUTH_FAILURES.windowSeconds);
    jsonError(await from('2001:db8:311:2::1'), 403);
  });
});
