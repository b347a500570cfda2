import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../helpers/app';
import { NUMERIC_EDGES } from './fuzz/hostile';
import type { JsonSchema } from './fuzz/registry';
import { paramPool, routeParams, schemaHints } from './fuzz/requests';
import { validValue } from './fuzz/schema-arbitrary';
import { seedWorld } from './fuzz/seed';

// The audit's "500 on numbers": `district=Infinity`, `=1e400`, `page=1e400`, `limit=1e400`, `page_size=1e400` on
// the GeoJSON and CSV exports and Open311. The fuzz test sends these among everything else (NUMERIC_EDGES); this
// sends every one of them, deterministically, to every numeric query parameter and numeric path parameter of every
// GET route the app registers, the others filled with valid values. A value outside its schema is a 400 (a path
// parameter: 404) that names the parameter (JSON and Open311 answers), a value inside it an answer; never a 5xx.

const registered = vi.hoisted(() => [] as Array<{ url: string; querystring?: JsonSchema; params?: JsonSchema }>);

vi.mock('fastify', async (importOriginal) => {
  const real = await importOriginal<typeof import('fastify')>();
  const factory = ((options: Record<string, unknown> = {}) => {
    const app = real.default(options as never);
    app.addHook('onRoute', (route) => {
      const schema = (route.schema ?? {}) as { querystring?: JsonSchema; params?: JsonSchema };
      if ([route.method].flat().includes('GET')) registered.push({ url: route.url ?? '', querystring: schema.querystring, params: schema.params });
    });
    return app;
  }) as unknown as typeof real.default;
  return { ...real, default: factory, fastify: factory };
});

type NumberSchema = { type?: string; minimum?: number; maximum?: number };
type ObjectSchema = { properties?: Record<string, NumberSchema & JsonSchema>; required?: string[] };

const t = await createTestApp();
const world = await seedWorld(t);
afterAll(() => t.close());

function isNumeric(schema: NumberSchema | undefined): schema is NumberSchema {
  return schema?.type === 'integer' || schema?.type === 'number';
}

// What the strict reader (platform/http/schemas.ts) takes: a decimal number as people write it, finite, in range.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
function fits(value: string, schema: NumberSchema): boolean {
  if (!DECIMAL.test(value)) return false;
  const n = Number(value);
  if (!Number.isFinite(n) || (schema.type === 'integer' && !Number.isInteger(n))) return false;
  return (schema.minimum === undefined || n >= schema.minimum) && (schema.maximum === undefined || n <= schema.maximum);
}

/** Valid values for the route's other query parameters (required ones always, so the number is what is judged). */
function otherQuery(schema: ObjectSchema | undefined, except: string): Array<[string, string]> {
  const hints = schemaHints(world);
  const out: Array<[string, string]> = [];
  for (const name of schema?.required ?? []) {
    if (name === except) continue;
    const property = schema?.properties?.[name];
    const arb = (hints[name] as fc.Arbitrary<unknown> | undefined) ?? validValue(property ?? {}, hints);
    out.push([name, String(fc.sample(arb, { numRuns: 1, seed: 42 })[0])]);
  }
  return out;
}

interface Case {
  label: string;
  url: string;
  parameter: string;
  refused: boolean;
  where: 'query' | 'path';
}

function cases(): Case[] {
  const seen = new Set<string>();
  const out: Case[] = [];
  for (const route of registered) {
    if (seen.has(route.url) || route.url.includes('*')) continue;
    seen.add(route.url);
    const names = routeParams(route.url);
    const pathValues = Object.fromEntries(names.map((n) => [n, paramPool(route.url, n, world)?.[0] ?? '1']));
    const fill = (overrides: Record<string, string>) =>
      route.url.replace(/:([A-Za-z0-9_]+)/g, (_, n: string) => encodeURIComponent(overrides[n] ?? pathValues[n] ?? '1'));
    const query = route.querystring as ObjectSchema | undefined;
    for (const [name, property] of Object.entries(query?.properties ?? {})) {
      if (!isNumeric(property)) continue;
      for (const value of NUMERIC_EDGES) {
        const qs = new URLSearchParams([...otherQuery(query, name), [name, value]]).toString();
        out.push({
          label: `GET ${route.url}?${name}=${JSON.stringify(value)}`,
          url: `${fill({})}?${qs}`,
          parameter: name,
          refused: !fits(value, property),
          where: 'query',
        });
      }
    }
    const params = route.params as ObjectSchema | undefined;
    for (const [name, property] of Object.entries(params?.properties ?? {})) {
      if (!isNumeric(property)) continue;
      for (const value of NUMERIC_EDGES) {
        const qs = new URLSearchParams(otherQuery(query, '')).toString();
        out.push({
          label: `GET ${route.url} with :${name}=${JSON.stringify(value)}`,
          url: `${fill({ [name]: value })}${qs ? `?${qs}` : ''}`,
          parameter: name,
          refused: !fits(value, property),
          where: 'path',
        });
      }
    }
  }
  return out;
}

const all = cases();

describe('numbers in query strings and paths', () => {
  it('covers the routes of the audit, and numeric parameters of every kind', () => {
    const labels = all.map((c) => c.label);
    for (const expected of [
      'GET /api/reports.geojson?district="Infinity"',
      'GET /api/reports.geojson?district="1e400"',
      'GET /api/reports.geojson?page="1e400"',
      'GET /api/reports.geojson?limit="1e400"',
      'GET /api/reports.csv?page="1e400"',
      'GET /api/reports.csv?limit="1e400"',
      'GET /open311/v2/requests.json?page_size="1e400"',
      'GET /open311/v2/servicerequestupdates.json?page="-Infinity"',
    ]) {
      expect(labels).toContain(expected);
    }
    expect(all.filter((c) => c.where === 'path').length).toBeGreaterThan(10 * NUMERIC_EDGES.length);
  });

  it(`answers each of ${all.length} requests with 400 (a path: 404) or a result, never a 5xx, and says what was wrong`, { timeout: 600_000 }, async () => {
    const problems: string[] = [];
    let n = 0;
    for (const c of all) {
      n++;
      const res = await t.app.inject({
        method: 'GET',
        url: c.url,
        headers: { host: 'localhost' },
        // A fresh address per request: the open-data and Open311 limits count per address.
        remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      });
      const expected = c.refused ? (c.where === 'path' ? [404] : [400]) : null;
      if (res.statusCode >= 500) problems.push(`${c.label}: ${res.statusCode}`);
      else if (expected && !expected.includes(res.statusCode)) problems.push(`${c.label}: ${res.statusCode}, expected ${expected.join(' or ')}`);
      else if (c.refused && c.where === 'query' && /^\/(api|open311)\//.test(c.url)) {
        // The answer names the parameter and what it must be ("page must be a whole number from 1 to 10000").
        const text = res.body;
        if (!new RegExp(`\\b${c.parameter} must be `).test(text))
          problems.push(`${c.label}: the answer does not say what ${c.parameter} must be: ${text.slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
