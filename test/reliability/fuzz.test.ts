import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import FindMyWay from 'find-my-way';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CSRF_COOKIE, csrfTokenFor } from '../../src/platform/http/csrf';
import { sessionCookieName } from '../../src/platform/http/platform-plugin';
import { createTestApp } from '../helpers/app';
import { STAFF_PASSWORD } from '../helpers/factories';
import { parseForms, parseLinks } from './fuzz/forms';
import { loggedErrors, recordedRoutes } from './fuzz/registry';
import { caseArb, encodeBody, type FuzzCase, type FuzzRoute, paramPool, routeParams } from './fuzz/requests';
import { restoreWorld, seedWorld, type Who } from './fuzz/seed';

// "Prove it": every JSON and form endpoint is fuzzed from its schema (route JSON Schemas, or the form the
// server renders) with FUZZ_RUNS generated requests (default 10,000) per run. No answer may be a 5xx, show a
// stack trace, a file path or SQL error text; error pages must be whole pages; a POST without a valid CSRF
// token must be refused with 403.
//
// Routes are taken from the app itself (an onRoute hook added to every Fastify instance before any module
// registers), so a new route is fuzzed without touching this file — or this file fails, when the fuzzer
// cannot find a generator for it (an unknown path parameter, a POST whose form it cannot find).
//
// Runs on both suite passes (PGlite and PostgreSQL) with the full 10,000: measured on the shared 2-core
// machine at 80–90 s of fuzzing on PGlite and about 75 s on PostgreSQL (plus 10–20 s to seed and crawl;
// twice that while other test files compete for the cores), which the suite can afford; the two drivers
// differ in error objects and type parsing, so both are worth it. Argon2 routes get fewer cases (SLOW).
// The suite (npm test) fuzzes with the fixed FIXED_SEED below, so CI answers the same way on every run and a
// red build is the code's doing, not the dice's; `npm run fuzz` runs this file with a random seed (FUZZ_RANDOM=1)
// and prints it, to explore further. Reproduce a failure with the printed FUZZ_SEED (and FUZZ_ONLY="METHOD /route"
// to fuzz one route, which also prints answers per status, as FUZZ_STATS=1 does for all); FUZZ_RUNS=100000 for a
// deeper local run, FUZZ_DEBUG=1 to see every answer. A seed that found a bug is worth a regression test of its own
// (beside the code), rather than a new FIXED_SEED.

vi.mock('fastify', async (importOriginal) => {
  const real = await importOriginal<typeof import('fastify')>();
  const registry = await import('./fuzz/registry');
  const factory = ((options: Record<string, unknown> = {}) => {
    // Errors the app logs are kept (not printed), so a failing case can show the stack behind a 5xx.
    const app = real.default({ ...options, logger: { level: 'error', stream: registry.logStream } } as never);
    app.addHook('onRoute', registry.recordRoute);
    return app;
  }) as unknown as typeof real.default;
  return { ...real, default: factory, fastify: factory };
});

const TOTAL_RUNS = Number(process.env.FUZZ_RUNS || 10_000);
/** The suite's seed: changing it is a deliberate change of the cases CI sends. */
const FIXED_SEED = 1_103_522_311;
const SEED = Number(process.env.FUZZ_SEED || (process.env.FUZZ_RANDOM ? Math.floor(Math.random() * 2 ** 31) : FIXED_SEED));
// Printed before seeding and crawling, so even a run that dies early leaves its seed behind.
if (process.env.FUZZ_RANDOM && !process.env.FUZZ_SEED) console.log(`fuzz: random FUZZ_SEED=${SEED}`);
const ONLY = process.env.FUZZ_ONLY;
const DEBUG = Boolean(process.env.FUZZ_DEBUG);
const STATS = Boolean(process.env.FUZZ_STATS || ONLY);
const CSRF_COOKIE_VALUE = 'fuzz-csrf-cookie';
const SESSION_COOKIE = sessionCookieName(false);

/**
 * Routes the fuzzer deliberately leaves out, each with the reason. Keep it short: everything else must have
 * a generator, so the coverage cannot shrink without a change here.
 */
const NOT_FUZZED: Record<string, string> = {};

/** Routes that run argon2 on most valid-looking inputs: fewer cases, so hashing does not eat the time budget. */
const SLOW = /^POST \/verwaltung\/(anmelden$|einrichten\/|passwort\/)/;
/** Routes that delete or lock things the fuzzer needs: fuzzed last. */
const DESTRUCTIVE = /loeschen|widerrufen|sperren|abmelden/;

const t = await createTestApp();
const world = await seedWorld(t);
afterAll(() => t.close());

// ---------------------------------------------------------------------------------------------------------
// The routes, and what the rendered pages say about them

const routes = new Map<string, FuzzRoute>();
for (const r of recordedRoutes) {
  const key = `${r.method} ${r.url}`;
  if (!routes.has(key))
    routes.set(key, {
      ...r,
      key,
      params: routeParams(r.url),
      forms: [],
      query: new Map(),
      requiredQuery: new Set(),
    });
}
const router = FindMyWay({ ignoreTrailingSlash: true });
for (const r of routes.values()) router.on(r.method as 'GET', r.url, () => {}, { key: r.key });

function routeFor(method: string, path: string): FuzzRoute | undefined {
  const found = router.find(method as 'GET', path.split('?')[0]!);
  return found ? routes.get((found.store as { key: string }).key) : undefined;
}

function learnFrom(html: string, page: string) {
  for (const form of parseForms(html, page)) {
    const target = routeFor(form.method.toUpperCase(), form.action);
    if (!target) continue;
    if (form.method === 'post') {
      const signature = `${form.action} ${form.fields.map((f) => f.name).join(',')}`;
      if (!target.forms.some((f) => `${f.action} ${f.fields.map((x) => x.name).join(',')}` === signature)) target.forms.push(form);
    } else {
      for (const f of form.fields) {
        const seen = target.query.get(f.name) ?? new Set<string>();
        for (const v of f.values) seen.add(v);
        target.query.set(f.name, seen);
      }
    }
  }
  for (const link of parseLinks(html)) {
    const url = new URL(link, 'http://localhost');
    const target = routeFor('GET', url.pathname);
    if (!target) continue;
    // Remembered for the crawl's second round, then dropped from the query hints.
    const links = target.query.get('__link') ?? new Set<string>();
    if (links.size < 30) links.add(url.pathname);
    target.query.set('__link', links);
    for (const [k, v] of url.searchParams) {
      const seen = target.query.get(k) ?? new Set<string>();
      if (seen.size < 20) seen.add(v);
      target.query.set(k, seen);
    }
  }
}

function cookiesFor(who: Who, extra: Record<string, string> = {}): Record<string, string> {
  const session = who === 'anonymous' ? undefined : world.sessions[who];
  return { [CSRF_COOKIE]: CSRF_COOKIE_VALUE, ...(session ? { [SESSION_COOKIE]: session } : {}), ...extra };
}

/** The token the pages give this visitor: bound to the CSRF cookie and to the visitor's session. */
function csrfFor(who: Who): string {
  return csrfTokenFor(t.config.secret, CSRF_COOKIE_VALUE, who === 'anonymous' ? undefined : world.sessions[who]);
}

async function crawl() {
  let n = 0;
  // A fresh address per request: some pages count visits per address (questionnaires, sign-in).
  const ip = () => `192.0.${Math.floor(++n / 250) % 250}.${(n % 250) + 1}`;
  const fetched = new Set<string>();
  const get = async (url: string, who: Who) => {
    fetched.add(url);
    const res = await t.app.inject({
      method: 'GET',
      url,
      headers: { host: 'localhost' },
      cookies: cookiesFor(who),
      remoteAddress: ip(),
    });
    if (String(res.headers['content-type']).startsWith('text/html')) learnFrom(res.body, url);
  };
  for (const route of routes.values()) {
    if (route.method !== 'GET' || route.url.startsWith('/open311/') || route.url.includes('*')) continue;
    const pools = route.params.map((p) => paramPool(route.url, p, world) ?? []);
    const count = Math.max(1, ...pools.map((p) => p.length));
    for (let i = 0; i < count; i++) {
      let url = route.url;
      route.params.forEach((p, j) => {
        const pool = pools[j]!;
        url = url.replace(`:${p}`, encodeURIComponent(pool[i % Math.max(1, pool.length)] ?? '1'));
      });
      for (const who of route.url.startsWith('/verwaltung') ? (['admin', 'anonymous'] as const) : (['resident', 'anonymous'] as const)) await get(url, who);
    }
  }
  // One level of links further (question pages of a category, a report's photos …), as an admin.
  for (const route of routes.values()) {
    if (route.params.length === 0 || /^\/(api|feeds|open311|static|karte|fotos|verwaltung\/fotos)\//.test(route.url)) continue;
    for (const link of route.query.get('__link') ?? []) if (!fetched.has(link) && fetched.size < 1000) await get(link, 'admin');
  }
  // Forms that only appear after a first step: step two of Melden and Dreckpetze, the staff second factor.
  const post = async (url: string, fields: Record<string, string>, who: Who) => {
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: { host: 'localhost', 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrfFor(who), ...fields }).toString(),
      cookies: cookiesFor(who),
      remoteAddress: ip(),
    });
    learnFrom(res.body, url);
  };
  const category = String(world.ids.category![2]);
  for (const who of ['resident', 'anonymous'] as const) {
    await post('/melden/ort', { categoryId: category, lat: '51.5', lon: '7.5', address: 'Testweg 1' }, who);
    await post('/dreckpetze/ort', { lat: '51.5', lon: '7.5', address: 'Testweg 1' }, who);
  }
  // The moderation's second view (hidden comments, with "show again"): a link the first round saw but does not follow.
  await get('/verwaltung/moderation?ansicht=ausgeblendet', 'admin');
  const admin = await t.db.selectFrom('users').select('email').where('id', '=', world.users.admin).executeTakeFirstOrThrow();
  await post('/verwaltung/anmelden', { email: admin.email, password: STAFF_PASSWORD }, 'anonymous');
  for (const route of routes.values()) route.query.delete('__link');
}

await crawl();

// Query parameters of JSON routes that only the client scripts call (no link or form names them).
const SCRIPT_QUERIES: Record<string, { required: string[]; params: Record<string, string[]> }> = {
  'GET /api/reports/map': {
    required: ['bbox', 'zoom'],
    params: {
      bbox: ['7.4,51.45,7.6,51.55', '7.49,51.49,7.51,51.51', '-180,-85,180,85'],
      zoom: ['3', '10', '14', '16', '19'],
      status: ['offen', 'erledigt'],
      kategorie: world.ids.category!.map(String),
      bezirk: world.ids.district!.map(String),
      von: ['2024-01-01'],
      bis: ['2030-01-01'],
    },
  },
};
for (const [key, { required, params }] of Object.entries(SCRIPT_QUERIES)) {
  const route = routes.get(key);
  if (!route) throw new Error(`SCRIPT_QUERIES names ${key}, which the app no longer registers`);
  for (const k of required) route.requiredQuery.add(k);
  for (const [k, values] of Object.entries(params)) route.query.set(k, new Set([...(route.query.get(k) ?? []), ...values]));
}

function generatorProblem(route: FuzzRoute): string | null {
  const missing = route.params.filter((p) => paramPool(route.url, p, world) === null);
  if (missing.length > 0) return `no realistic values for path parameter(s) ${missing.map((p) => `:${p}`).join(', ')} (add them to paramPool)`;
  if (route.method !== 'GET' && !route.schema.body && route.forms.length === 0)
    return 'no body schema, and no rendered form posts here (reachable by the crawl)';
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Sending a case and judging the answer

const STACK_TRACE = /\n\s*at [^\n]*:\d+:\d+\)?/;
const INTERNALS = [
  /node_modules/,
  /\/work\//,
  new RegExp(process.cwd().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  /file:\/\/\//,
  /\b(TypeError|ReferenceError|RangeError|SyntaxError)\b/,
  /Error: [^\n]*\/(src|test)\//,
];
const SQL_ERROR =
  /syntax error at or near|invalid input syntax|violates (foreign key|unique|not-null|check) constraint|duplicate key value|relation "[^"]+" does not exist|column "[^"]+" (does not exist|of relation)|out of range for type|SQLSTATE|current transaction is aborted|could not (serialize|determine data type)|PGlite|kysely/i;
const TEXTUAL = /^(text\/|application\/(json|xml|geo\+json|atom\+xml|manifest\+json|javascript|problem\+json)|image\/svg\+xml)/;

async function send(c: FuzzCase): Promise<{ res: LightMyRequestResponse; url: string; payload?: string | Buffer }> {
  const token = csrfFor(c.who);
  const bodyToken = c.csrf === 'valid' ? token : c.csrf === 'wrong' ? csrfTokenFor(t.config.secret, 'someone-else') : null;
  const { payload, contentType } = encodeBody(c, bodyToken);
  const qs = new URLSearchParams(c.query).toString();
  const url = qs ? `${c.path}?${qs}` : c.path;
  const headers: Record<string, string> = { ...c.headers };
  if (contentType) headers['content-type'] = contentType;
  if (c.csrf === 'header') headers['x-csrf-token'] = token;
  const res = await t.app.inject({
    method: c.method as 'GET',
    url,
    headers,
    payload,
    cookies: cookiesFor(c.who, c.cookies),
    remoteAddress: c.ip,
  });
  return { res, url, payload };
}

function problemsOf(route: FuzzRoute, c: FuzzCase, res: LightMyRequestResponse, payload?: string | Buffer): string[] {
  const problems: string[] = [];
  if (res.statusCode >= 500) problems.push(`answered ${res.statusCode}`);
  const type = String(res.headers['content-type'] ?? '');
  if (TEXTUAL.test(type)) {
    const body = res.body;
    if (STACK_TRACE.test(body)) problems.push('body contains a stack trace');
    for (const re of INTERNALS) if (re.test(body)) problems.push(`body shows internals (${re})`);
    if (SQL_ERROR.test(body)) problems.push(`body contains SQL error text (${body.match(SQL_ERROR)?.[0]})`);
    if (
      res.statusCode >= 400 &&
      type.startsWith('text/html') &&
      !(/^<!DOCTYPE html>/i.test(body) && body.includes('</html>') && /<title>[^<]+<\/title>/.test(body) && body.includes('<h1'))
    ) {
      problems.push('error answer is not a whole HTML page');
    }
    if (res.statusCode >= 400 && type.startsWith('application/json')) {
      try {
        JSON.parse(body);
      } catch {
        problems.push('JSON error answer does not parse');
      }
    }
  }
  // A made-up path parameter, another method or another host may not reach the route at all (a 404, 405
  // or 400 comes first, rightly).
  const routed = !c.hostilePath && !c.otherMethod && c.headers.host === 'localhost';
  const wellFormed = routed && (c.encoding === 'urlencoded' || c.encoding === 'multipart' || c.encoding === 'json');
  const size = payload ? Buffer.byteLength(payload) : 0;
  if (route.csrf && c.method === 'POST' && (c.csrf === 'missing' || c.csrf === 'wrong') && wellFormed && size < 1_000_000) {
    // Multipart is refused unread (415) where a route takes no files, before any token could be seen.
    const allowed = c.encoding === 'multipart' ? [403, 413, 415, 400] : [403];
    if (!allowed.includes(res.statusCode)) problems.push(`without a valid CSRF token answered ${res.statusCode} (expected 403)`);
  }
  return problems;
}

function describeCase(c: FuzzCase, url: string, payload: string | Buffer | undefined, res: LightMyRequestResponse): string {
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
  const body = payload === undefined ? '' : typeof payload === 'string' ? payload : payload.toString('latin1');
  const errors = loggedErrors.map((e) => `${e.msg ?? ''} ${e.err?.stack ?? e.err?.message ?? ''}`).join('\n');
  return [
    `${c.method} ${cut(url, 600)} as ${c.who} from ${c.ip} (csrf ${c.csrf}, ${c.encoding})`,
    body ? `body: ${cut(JSON.stringify(body), 1500)}` : '',
    `answer ${res.statusCode} ${res.headers['content-type'] ?? ''}: ${cut(res.body, 800)}`,
    errors ? `logged:\n${cut(errors, 3000)}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// The runs

const ordered = [...routes.values()].sort(
  (a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET') || Number(DESTRUCTIVE.test(a.url)) - Number(DESTRUCTIVE.test(b.url)),
);
const weight = (r: FuzzRoute) =>
  SLOW.test(r.key) ? 0.4 : r.method === 'GET' ? (r.params.length > 0 || r.schema.querystring ? 1.5 : 1) : r.forms.some((f) => f.multipart) ? 4 : 3;
const fuzzable = ordered.filter((r) => !NOT_FUZZED[r.key] && !generatorProblem(r));
const weightSum = fuzzable.reduce((s, r) => s + weight(r), 0);
const runsFor = (r: FuzzRoute) => Math.max(10, Math.ceil((TOTAL_RUNS * weight(r)) / weightSum));
const stats = new Map<string, Record<string, number>>();
const started = Date.now();
const cpuAtStart = process.cpuUsage();

describe(`fuzzing every route (FUZZ_SEED=${SEED}, FUZZ_RUNS=${TOTAL_RUNS})`, () => {
  it('has a generator for every route the app registers', () => {
    const missing = [...routes.values()].filter((r) => !NOT_FUZZED[r.key] && generatorProblem(r)).map((r) => `${r.key}: ${generatorProblem(r)}`);
    expect(missing).toEqual([]);
    // The app's own route count, so a broken enumeration (zero routes) cannot pass as "nothing to fuzz".
    expect(routes.size).toBeGreaterThan(100);
    expect(fuzzable.reduce((s, r) => s + runsFor(r), 0)).toBeGreaterThanOrEqual(ONLY ? 0 : TOTAL_RUNS);
  });

  fuzzable.forEach((route, index) => {
    if (ONLY && route.key !== ONLY) return;
    it(`${route.key} (${runsFor(route)} cases)`, { timeout: 300_000 }, async () => {
      await restoreWorld(t, world);
      const counts: Record<string, number> = {};
      stats.set(route.key, counts);
      const routeStart = Date.now();
      try {
        await fc.assert(
          fc.asyncProperty(caseArb(route, world), async (c) => {
            loggedErrors.length = 0;
            const { res, url, payload } = await send(c);
            counts[res.statusCode] = (counts[res.statusCode] ?? 0) + 1;
            if (DEBUG) {
              // The form's error summary says why a case did not get through, where there is one.
              const summary = res.body.match(/k-error-summary__list">([\s\S]*?)<\/ul>/)?.[1]?.replace(/<[^>]+>/g, ' ');
              console.log(
                res.statusCode,
                c.method,
                url.slice(0, 160),
                c.csrf,
                c.encoding,
                c.who,
                '→',
                (summary ?? res.body.slice(0, 200)).replace(/\s+/g, ' '),
              );
            }
            const problems = problemsOf(route, c, res, payload);
            if (problems.length > 0) {
              throw new Error(`${problems.join('; ')}\n${describeCase(c, url, payload, res)}\nReproduce: FUZZ_SEED=${SEED} FUZZ_ONLY="${route.key}"`);
            }
          }),
          { numRuns: runsFor(route), seed: SEED + index, endOnFailure: false, verbose: 0 },
        );
      } finally {
        counts.ms = Date.now() - routeStart;
      }
    });
  });
});

afterAll(() => {
  const requests = (c: Record<string, number>) => Object.entries(c).reduce((a, [k, n]) => a + (k === 'ms' ? 0 : n), 0);
  const total = [...stats.values()].reduce((s, c) => s + requests(c), 0);
  const lines = [...stats.entries()].map(
    ([k, c]) =>
      `${k.padEnd(66)} ${String(c.ms ?? 0).padStart(6)} ms  ${Object.entries(c)
        .filter(([s]) => s !== 'ms')
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
  );
  const byClass: Record<string, number> = {};
  for (const c of stats.values()) for (const [s, n] of Object.entries(c)) if (s !== 'ms') byClass[`${s[0]}xx`] = (byClass[`${s[0]}xx`] ?? 0) + n;
  const cpu = process.cpuUsage(cpuAtStart);
  const classes = Object.entries(byClass)
    .sort()
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  console.log(
    `fuzz: ${total} requests to ${stats.size} routes in ${((Date.now() - started) / 1000).toFixed(1)} s (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU in this process; ${classes}; FUZZ_SEED=${SEED})` +
      // Per route: time and answers by status, to see which routes the fuzz reaches past validation.
      (STATS ? `\n${lines.join('\n')}` : ''),
  );
});
