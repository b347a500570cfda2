import type { LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { StaffRole } from '../../src/db-schema';
import { CSRF_COOKIE, csrfTokenFor } from '../../src/platform/http/csrf';
import { type AccessRule, accessRuleOf, RESIDENT_SIGN_IN, STAFF_AREA, STAFF_SIGN_IN } from '../../src/platform/http/guards';
import { sessionCookieName } from '../../src/platform/http/platform-plugin';
import { createSession } from '../../src/platform/http/sessions';
import { hashToken } from '../../src/platform/security/tokens';
import { createTestApp } from '../helpers/app';
import { paramPool, routeParams } from './fuzz/requests';
import { restoreWorld, seedWorld } from './fuzz/seed';

// The permission matrix, generated from the app itself: every route as registered (an onRoute hook added to every
// Fastify instance before any module registers) with the access rule its guard carries (accessRuleOf in
// platform/http/guards.ts), asked by every kind of visitor with real ids from the fuzzer's seeded world and a valid
// CSRF token. The answer must agree with the rule: anonymous visitors of staff pages go to the staff sign-in (303,
// and back afterwards), residents and staff without the role get 403, department staff get 403 on a report of
// another department where the rule says so, API-key routes refuse sessions, and everyone the rule allows gets past
// the guard (neither 403 nor a sign-in redirect; a 400 for the empty form, a 404 or another redirect are fine).
// Routes without a rule must let everyone in, which catches ad-hoc checks no rule describes. Nothing here lists
// routes by hand except the few staff-area pages open by design: a new staff route without a guard fails the first
// test. What it cannot see is a rule changed on purpose (admin → any staff): that stays a matter for review.
// MATRIX_PRINT=1 prints the whole matrix.

const registered = vi.hoisted(() => [] as Array<{ method: string; url: string; preHandler: unknown; config: unknown }>);

vi.mock('fastify', async (importOriginal) => {
  const real = await importOriginal<typeof import('fastify')>();
  const factory = ((options: Record<string, unknown> = {}) => {
    const app = real.default(options as never);
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat())
        if (method !== 'HEAD') registered.push({ method, url: route.url, preHandler: route.preHandler, config: route.config });
    });
    return app;
  }) as unknown as typeof real.default;
  return { ...real, default: factory, fastify: factory };
});

/** Path prefixes only staff may use, apart from the listed open pages. Every staff rule must lie inside one. */
const STAFF_AREAS = [STAFF_AREA];

/** Staff-area pages anyone may open: the ways into the back office. Each with the reason. */
const OPEN_STAFF_PAGES: Record<string, string> = {
  'GET /verwaltung/anmelden': 'the staff sign-in itself',
  'POST /verwaltung/anmelden': 'the staff sign-in itself',
  'POST /verwaltung/anmelden/code': 'second factor: between password and session',
  'GET /verwaltung/einrichten/:token': 'set-up link: the token is the credential',
  'POST /verwaltung/einrichten/:token': 'set-up link: the token is the credential',
  'GET /verwaltung/passwort-vergessen': 'asking for a reset link',
  'POST /verwaltung/passwort-vergessen': 'asking for a reset link',
  'GET /verwaltung/passwort/:token': 'reset link: the token is the credential',
  'POST /verwaltung/passwort/:token': 'reset link: the token is the credential',
};

/** Routes that delete or sign out: asked last, so what they remove is not needed afterwards. */
const DESTRUCTIVE = /loeschen|widerrufen|sperren|abmelden/;

type Visitor = 'anonymous' | 'partner' | 'resident' | 'admin-by-link' | 'admin' | 'moderator' | 'department_staff' | 'other-department';

const VISITORS: Array<{ who: Visitor; role: StaffRole | null; label: string }> = [
  { who: 'anonymous', role: null, label: 'anonymous' },
  // A partner system with a valid API key and no session: the key opens the API, and nothing else.
  { who: 'partner', role: null, label: 'API key' },
  { who: 'resident', role: null, label: 'resident' },
  // An admin signed in by magic link has resident rights only: staff rights need password and TOTP.
  { who: 'admin-by-link', role: null, label: 'admin by link' },
  { who: 'admin', role: 'admin', label: 'admin' },
  { who: 'moderator', role: 'moderator', label: 'moderator' },
  { who: 'department_staff', role: 'department_staff', label: 'dept. staff' },
  { who: 'other-department', role: 'department_staff', label: 'other dept.' },
];

type Outcome = 'allowed' | 'forbidden' | 'staff-sign-in' | 'sign-in' | 'error';

const t = await createTestApp();
const world = await seedWorld(t);
afterAll(() => t.close());

const CSRF_COOKIE_VALUE = 'matrix-csrf-cookie';
const SESSION_COOKIE = sessionCookieName(false);

// ---------------------------------------------------------------------------------------------------------
// The routes and their rules

interface MatrixRoute {
  key: string;
  method: string;
  url: string;
  rule: AccessRule | undefined;
  /** A rule that could not be read (two guards on one route), reported by the first test. */
  ruleProblem?: string;
}

const routes = new Map<string, MatrixRoute>();
for (const r of registered) {
  const key = `${r.method} ${r.url}`;
  if (routes.has(key)) continue;
  try {
    routes.set(key, { key, method: r.method, url: r.url, rule: accessRuleOf({ preHandler: r.preHandler as never, config: r.config as never }) });
  } catch (e) {
    routes.set(key, { key, method: r.method, url: r.url, rule: undefined, ruleProblem: (e as Error).message });
  }
}

const inStaffArea = (url: string) => STAFF_AREAS.some((p) => url === p || url.startsWith(`${p}/`));

function describeRule(rule: AccessRule | undefined): string {
  if (!rule) return 'everyone';
  if (rule.kind === 'signed-in') return 'signed in';
  if (rule.kind === 'api-key') return 'API key';
  const roles = rule.roles.length > 0 ? rule.roles.join('|') : 'any staff';
  return rule.departmentScope ? `${roles}, own depts.` : roles;
}

// ---------------------------------------------------------------------------------------------------------
// Real ids for path parameters: a report of department_staff's department (with a photo), the category that has
// questions, the routing rule's category, and people and departments that are not the visitors themselves.

const report = world.ids.report![1]!;
const photo = world.photoFiles.find((p) => p.reportId === report)!;
const [ownDepartment, secondDepartment] = world.ids.department as [number, number];
const actors = new Set(Object.values(world.users));
const notAnActor = world.ids.user!.find((id) => !actors.has(id) && id !== world.otherDepartmentStaff)!;

function pathFor(route: MatrixRoute): { path: string } | { problem: string } {
  const params = routeParams(route.url);
  const values: Record<string, string> = {};
  for (const name of params) {
    let value: string | undefined;
    if (name === 'photoId') value = String(photo.photoId);
    else if (name === 'questionId') value = String(world.ids.question![0]);
    else if (name === 'ruleId') value = String(world.ids.rule![0]);
    else if (name === 'id' && params.includes('photoId')) value = String(report);
    else if (name === 'id' && params.includes('questionId')) value = String(world.ids.category![2]);
    else if (name === 'id' && params.includes('ruleId')) value = String(world.ids.category![0]);
    else if (name === 'id' && /^\/(verwaltung\/)?fotos\//.test(route.url)) value = String(photo.photoId);
    else if (name === 'id' && /^\/(verwaltung\/)?meldungen\//.test(route.url)) value = String(report);
    else if (name === 'id' && /mitarbeitende/.test(route.url)) value = String(notAnActor);
    // The second department: deleting it (asked last) leaves department_staff's own intact.
    else if (name === 'id' && /abteilungen/.test(route.url)) value = String(secondDepartment);
    else if (name === 'file' && route.url.startsWith('/verwaltung/fotos/')) value = 'thumb.jpg';
    else value = paramPool(route.url, name, world)?.[0];
    if (value === undefined) return { problem: `no real value for :${name} (add one to paramPool in test/reliability/fuzz/requests.ts)` };
    values[name] = value;
  }
  const path = route.url.replace(/:([A-Za-z0-9_]+)/g, (_, n: string) => encodeURIComponent(values[n]!)).replace('*', values['*'] ?? '');
  return { path };
}

// ---------------------------------------------------------------------------------------------------------
// Visitors, requests and answers

const sessions: Partial<Record<Visitor, string>> = {};

/** Puts back what an allowed request may have changed about the visitors, the report they work on, and limits. */
async function restore(): Promise<void> {
  await restoreWorld(t, world);
  for (const who of ['admin', 'moderator', 'department_staff', 'resident'] as const) sessions[who] = world.sessions[who];
  await t.db.updateTable('reports').set({ department_id: ownDepartment }).where('id', '=', report).execute();
  // The Angsträume of the seeded world belong to department_staff's department too (other-department meets 403).
  await t.db.updateTable('reports').set({ department_id: ownDepartment }).where('id', 'in', world.ids.place!).execute();
  // Ideas too (the back office's "pass on to a department" moves them).
  await t.db.updateTable('ideas').set({ department_id: ownDepartment }).where('id', 'in', world.ids.idea!).execute();
  await t.db.updateTable('users').set({ disabled_at: null, role: 'department_staff' }).where('id', '=', world.otherDepartmentStaff).execute();
  const extra: Array<[Visitor, number, 'resident' | 'staff']> = [
    ['admin-by-link', world.users.admin, 'resident'],
    ['other-department', world.otherDepartmentStaff, 'staff'],
  ];
  for (const [who, userId, level] of extra) {
    const token = sessions[who];
    const alive = token && (await t.db.selectFrom('sessions').select('user_id').where('id_hash', '=', hashToken(token)).executeTakeFirst());
    if (!alive) sessions[who] = await createSession(t.db, { organizationId: t.org.id, userId, level, idleMinutes: 600, absoluteHours: 10 });
  }
}

let requestCount = 0;

function send(method: string, path: string, who: Visitor): Promise<LightMyRequestResponse> {
  const n = ++requestCount;
  const session = sessions[who];
  const withBody = method !== 'GET' && method !== 'DELETE';
  return t.app.inject({
    method: method as 'GET',
    url: path,
    headers: {
      host: 'localhost',
      ...(withBody ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...(who === 'partner' ? { 'x-api-key': world.apiKey } : {}),
    },
    // The token the visitor's pages carry: bound to the CSRF cookie and to the session.
    payload: withBody ? new URLSearchParams({ _csrf: csrfTokenFor(t.config.secret, CSRF_COOKIE_VALUE, session) }).toString() : undefined,
    cookies: { [CSRF_COOKIE]: CSRF_COOKIE_VALUE, ...(session ? { [SESSION_COOKIE]: session } : {}) },
    // A fresh address per request, so per-address limits never answer instead of the guard.
    remoteAddress: `198.18.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`,
  });
}

function expectedOutcome(rule: AccessRule | undefined, visitor: (typeof VISITORS)[number], aboutOneReport: boolean): Outcome {
  if (!rule) return 'allowed';
  if (rule.kind === 'api-key') return visitor.who === 'partner' ? 'allowed' : 'forbidden';
  if (visitor.who === 'anonymous' || visitor.who === 'partner') return rule.kind === 'staff' ? 'staff-sign-in' : 'sign-in';
  if (rule.kind === 'signed-in') return 'allowed';
  if (!visitor.role) return 'forbidden';
  if (rule.roles.length > 0 && !rule.roles.includes(visitor.role)) return 'forbidden';
  if (rule.departmentScope && visitor.who === 'other-department' && aboutOneReport) return 'forbidden';
  return 'allowed';
}

function actualOutcome(res: LightMyRequestResponse): Outcome {
  const location = String(res.headers.location ?? '');
  const redirect = res.statusCode >= 300 && res.statusCode < 400;
  if (res.statusCode >= 500) return 'error';
  // 401 is not a refusal here: it is what sign-in forms answer for a wrong password or code, after the visitor
  // reached them. No guard answers 401.
  if (res.statusCode === 403) return 'forbidden';
  // The guards' redirects always say where to come back to; other links to a sign-in page (after signing out) do not.
  if (redirect && location.startsWith(`${STAFF_SIGN_IN}?return=`)) return 'staff-sign-in';
  if (redirect && location.startsWith(`${RESIDENT_SIGN_IN}?return=`)) return 'sign-in';
  return 'allowed';
}

/** A sign-in redirect must be the guard's: 303, and a return address that brings the visitor back. */
function signInProblem(route: MatrixRoute, path: string, res: LightMyRequestResponse): string | null {
  if (res.statusCode !== 303) return `sign-in redirect with ${res.statusCode}, not 303`;
  const back = new URL(String(res.headers.location), 'http://localhost').searchParams.get('return');
  const wanted = route.method === 'GET' || route.rule?.kind !== 'staff' ? path : STAFF_AREA;
  return back === wanted ? null : `return=${back ?? '(none)'}, expected ${wanted}`;
}

const SHORT: Record<Outcome, string> = {
  allowed: 'in',
  forbidden: '403',
  'staff-sign-in': 'staff sign-in',
  'sign-in': 'sign-in',
  error: '5xx',
};

interface Cell {
  expected: Outcome;
  actual: Outcome;
  status: number;
  problem: string | null;
}

/** What the visitor got (the status when let in); on a mismatch, what the rule wanted too. */
function cellText(c: Cell): string {
  const got = c.actual === 'allowed' ? `in ${c.status}` : SHORT[c.actual];
  if (!c.problem) return got;
  return c.actual === c.expected ? `✗ ${got} (badly)` : `✗ ${got}, want ${SHORT[c.expected]}`;
}

function table(rows: Array<{ route: MatrixRoute; cells: Cell[] }>): string {
  const first = Math.max(20, ...rows.map((r) => r.route.key.length));
  const ruleWidth = Math.max(4, ...rows.map((r) => describeRule(r.route.rule).length));
  const width = Math.max(...VISITORS.map((v) => v.label.length), ...rows.flatMap((r) => r.cells.map((c) => cellText(c).length))) + 2;
  const head = `${'route'.padEnd(first)}  ${'rule'.padEnd(ruleWidth)}  ${VISITORS.map((v) => v.label.padEnd(width)).join('')}`;
  const lines = rows.map(
    (r) => `${r.route.key.padEnd(first)}  ${describeRule(r.route.rule).padEnd(ruleWidth)}  ${r.cells.map((c) => cellText(c).padEnd(width)).join('')}`,
  );
  const notes = rows.flatMap((r) =>
    r.cells.flatMap((c, i) => (c.problem ? [`${r.route.key} as ${VISITORS[i]!.label}: expected ${c.expected}, ${c.problem}`] : [])),
  );
  return [head, ...lines, '', ...notes].join('\n');
}

// ---------------------------------------------------------------------------------------------------------

describe('permission matrix of every registered route', () => {
  it('gives every route in the staff area an access rule (or lists it as open by design)', () => {
    expect(routes.size, 'no routes recorded: the onRoute hook did not run').toBeGreaterThan(100);
    const problems: string[] = [];
    for (const r of routes.values()) {
      if (r.ruleProblem) problems.push(`${r.key}: ${r.ruleProblem}`);
      else if (inStaffArea(r.url) && !r.rule && !OPEN_STAFF_PAGES[r.key])
        problems.push(`${r.key}: no access rule (guard it with staffOnly(...) from platform/http/guards.ts, or list it in OPEN_STAFF_PAGES)`);
      else if (r.rule?.kind === 'staff' && !inStaffArea(r.url))
        problems.push(`${r.key}: staff rule outside ${STAFF_AREAS.join(', ')} (add its area to STAFF_AREAS)`);
    }
    for (const key of Object.keys(OPEN_STAFF_PAGES)) {
      const r = routes.get(key);
      if (!r) problems.push(`${key}: listed in OPEN_STAFF_PAGES but not registered`);
      else if (r.rule) problems.push(`${key}: listed in OPEN_STAFF_PAGES but guarded (${describeRule(r.rule)})`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('answers every kind of visitor on every route as the route’s rule says', { timeout: 300_000 }, async () => {
    const ordered = [...routes.values()].sort(
      (a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET') || Number(DESTRUCTIVE.test(a.url)) - Number(DESTRUCTIVE.test(b.url)),
    );
    await restore();
    const rows: Array<{ route: MatrixRoute; cells: Cell[] }> = [];
    const unreachable: string[] = [];
    for (const route of ordered) {
      const target = pathFor(route);
      if ('problem' in target) {
        unreachable.push(`${route.key}: ${target.problem}`);
        continue;
      }
      const aboutOneReport = routeParams(route.url).length > 0;
      const cells: Cell[] = [];
      for (const visitor of VISITORS) {
        const res = await send(route.method, target.path, visitor.who);
        const expected = expectedOutcome(route.rule, visitor, aboutOneReport);
        const actual = actualOutcome(res);
        let problem: string | null = null;
        if (actual !== expected) problem = `got ${res.statusCode}${res.headers.location ? ` → ${res.headers.location}` : ''}`;
        else if (actual === 'staff-sign-in' || actual === 'sign-in') problem = signInProblem(route, target.path, res);
        cells.push({ expected, actual, status: res.statusCode, problem });
        // A request let in may sign out, block, reassign or delete: put the visitors and their report back.
        if (route.method !== 'GET') await restore();
      }
      rows.push({ route, cells });
    }
    if (process.env.MATRIX_PRINT) console.log(table(rows));

    expect(unreachable, unreachable.join('\n')).toEqual([]);
    const wrong = rows.filter((r) => r.cells.some((c) => c.problem));
    expect(wrong.length, `${wrong.length} route(s) answer differently from their access rule (MATRIX_PRINT=1 prints every route):\n\n${table(wrong)}`).toBe(0);
    // The matrix must have reached each kind of decision, or the rules were not read at all.
    const seen = new Set(rows.flatMap((r) => r.cells.map((c) => `${c.expected}`)));
    expect([...seen].sort()).toEqual(['allowed', 'forbidden', 'sign-in', 'staff-sign-in']);
    const scoped = rows.filter((r) => r.route.rule?.kind === 'staff' && r.route.rule.departmentScope && routeParams(r.route.url).length > 0);
    expect(scoped.length, 'no department-scoped report route: the scope is no longer declared').toBeGreaterThan(0);
  });
});
