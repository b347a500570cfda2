import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app';
import { operationKeys } from './api-texts';

// The OpenAPI document is generated from the route schemas (@fastify/swagger): these tests check that it is a
// valid document, that it covers exactly the machine interfaces, and that Open311 names the errors it gives.

interface Operation {
  operationId: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema: object }>;
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: object }> }>;
}
type Paths = Record<string, Record<string, Operation>>;

let t: TestApp;
let doc: { openapi: string; info: { title: string; version: string }; servers: Array<{ url: string }>; paths: Paths };
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

beforeAll(async () => {
  t = await createTestApp();
  doc = JSON.parse((await t.app.inject({ url: '/api/openapi.json', headers: { host: 'localhost' } })).body);
});
afterAll(() => t.close());

function operations() {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ path, method, op })),
  );
}

/** Top-level routes as Fastify registered them (printRoutes without common prefixes), HEAD left out. */
function registeredMachineRoutes(): Array<{ path: string; method: string }> {
  // printRoutes draws a tree: a route that extends another (/api/reports/map/:z/:x/:y) is a child line of it.
  const stack: string[] = [];
  return t.app
    .printRoutes({ commonPrefix: false })
    .split('\n')
    .flatMap((line) => {
      const m = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line);
      if (!m) return [];
      const depth = m[1]!.length / 4;
      stack.length = depth;
      stack[depth] = m[2]!;
      const path = stack
        .join('')
        .replace(/^\/*/, '/')
        .replace(/:(\w+)/g, '{$1}');
      if (!m[3] || !/^\/(api|open311)\//.test(path)) return [];
      return m[3]
        .split(', ')
        .filter((method) => method !== 'HEAD')
        .map((method) => ({ path, method: method.toLowerCase() }));
    });
}

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1: paths, unique operation ids, described responses, and JSON Schema 2020-12 everywhere', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(doc.servers[0]!.url).toBe('http://localhost');
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const ids = new Set<string>();
    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(path, where).toMatch(/^\//);
      expect(ids.has(op.operationId), where).toBe(false);
      ids.add(op.operationId);
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect(declared.sort(), where).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort());
      for (const p of op.parameters ?? []) {
        expect(['query', 'path', 'header'], where).toContain(p.in);
        if (p.in === 'path') expect(p.required, `${where} ${p.name}`).toBe(true);
        expect(ajv.validateSchema(p.schema), `${where} ${p.name}: ${ajv.errorsText()}`).toBe(true);
      }
      for (const media of Object.values(op.requestBody?.content ?? {})) expect(ajv.validateSchema(media.schema), where).toBe(true);
      expect(Object.keys(op.responses).length, where).toBeGreaterThan(0);
      for (const [status, response] of Object.entries(op.responses)) {
        expect(status, where).toMatch(/^([1-5]\d\d|[1-5]XX|default)$/);
        expect(typeof response.description, `${where} ${status}`).toBe('string');
        for (const media of Object.values(response.content ?? {})) expect(ajv.validateSchema(media.schema), `${where} ${status}`).toBe(true);
      }
    }
  });

  it('lists every /api and /open311 route and nothing else (no HTML page, not even /api/docs)', () => {
    const routes = registeredMachineRoutes();
    expect(routes.length).toBeGreaterThan(20);
    const listed = operations().map(({ path, method }) => `${method} ${path}`);
    const expected = routes.filter((r) => r.path !== '/api/docs').map((r) => `${r.method} ${r.path}`);
    expect(listed.sort()).toEqual(expected.sort());
  });

  it('says in words what every operation does and what its success holds, in German and English (no "Default Response")', async () => {
    const listed = operations().map(({ path, method }) => `${method.toUpperCase()} ${path}`);
    expect(listed.filter((key) => !operationKeys().includes(key))).toEqual([]);
    for (const { op } of operations()) {
      expect((op as Operation & { summary?: string }).summary, op.operationId).toBeTruthy();
      expect(op.responses['200']?.description, op.operationId).not.toBe('Default Response');
    }
    const de = (await t.app.inject({ url: '/api/docs', headers: { host: 'localhost' } })).body;
    expect(de).not.toContain('Default Response');
    expect(de).toContain('Meldungen in einem Kartenausschnitt');
    expect(de).toContain('Erfolg: Die gefundenen Meldungen');
    expect(de).toContain('<td lang="en">');
  });

  it('lists the parameters each route validates', () => {
    const names = (path: string, method = 'get') => (doc.paths[path]?.[method]?.parameters ?? []).map((p) => `${p.in}:${p.name}`).sort();
    const open311 = ['query:api_key', 'query:jurisdiction_id', 'query:lang'];
    for (const format of ['json', 'xml']) {
      expect(names(`/open311/v2/requests.${format}`)).toEqual(
        [
          ...open311,
          ...['bbox', 'end_date', 'extensions', 'page', 'page_size', 'service_code', 'service_request_id', 'start_date', 'status'].map((n) => `query:${n}`),
        ].sort(),
      );
      expect(names(`/open311/v2/requests/{service_request_id}.${format}`)).toEqual([...open311, 'query:extensions', 'path:service_request_id'].sort());
      expect(names(`/open311/v2/servicerequestupdates.${format}`)).toEqual(
        [...open311, ...['end_date', 'extensions', 'page', 'page_size', 'start_date'].map((n) => `query:${n}`)].sort(),
      );
      expect(names(`/open311/v2/services/{service_code}.${format}`)).toEqual([...open311, 'path:service_code'].sort());
    }
    for (const path of ['/api/reports.geojson', '/api/reports.csv']) {
      expect(names(path)).toEqual(['bbox', 'category', 'district', 'from', 'limit', 'page', 'status', 'to'].map((n) => `query:${n}`));
    }
    const page = doc.paths['/open311/v2/servicerequestupdates.json']!.get!.parameters!.find((p) => p.name === 'page')!;
    expect(page.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 10000 });
    const body = doc.paths['/open311/v2/requests.json']!.post!.requestBody!.content['application/x-www-form-urlencoded']!.schema as { required: string[] };
    expect(body.required).toEqual(['api_key', 'service_code']);
  });

  it('Open311 operations list the errors they can give: 400, 404 and 429 everywhere, 403 for writing, 422 for a reused Idempotency-Key', () => {
    const open311 = operations().filter(({ path }) => path.startsWith('/open311/'));
    expect(open311).toHaveLength(16);
    for (const { path, method, op } of open311) {
      const statuses = Object.keys(op.responses);
      const expected = [
        '200',
        '400',
        '404',
        '429',
        ...(method === 'post' ? ['403'] : []),
        ...(method === 'post' && path.includes('/requests.') ? ['422'] : []),
      ];
      expect(statuses.sort(), `${method} ${path}`).toEqual(expected.sort());
      const json = path.endsWith('.json');
      for (const status of statuses.filter((s) => s !== '200')) {
        const content = op.responses[status]!.content!;
        if (json) expect(content['application/json']!.schema).toMatchObject({ type: 'array', items: { required: ['code', 'description'] } });
        else expect(Object.keys(content)).toEqual(['text/xml']);
      }
    }
  });
});
