import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TokenPurpose } from '../../src/db-schema';
import { issueSetupLink, issueToken } from '../../src/modules/accounts/account.service';
import { postMeasure } from '../../src/modules/angstraeume/angstraeume.service';
import { makeReport, seedBackOffice } from '../../src/modules/reports/backoffice/backoffice.test-support';
import { unsubscribeToken } from '../../src/modules/reports/notifications/status-mail';
import { addFollower, insertEvent, insertReport } from '../../src/modules/reports/report.queries';
import { localStorage } from '../../src/platform/files/storage';
import { createSession } from '../../src/platform/http/sessions';
import { hashToken, randomToken } from '../../src/platform/security/tokens';
import { Client, createTestApp, type TestApp } from '../helpers/app';
import { createCategory, createSyntheticBoundary } from '../helpers/factories';
import { seedParticipation } from './fuzz/seed-participation';

// Requirement "Page weight": pages without a map ship no JavaScript. Every GET route of the app (taken from the
// app itself through an onRoute hook, so a new page is checked without touching this file) is requested as a
// visitor, a resident and an admin; every HTML answer, error pages included, must
// - load nothing from another server (scripts, stylesheets, images, icons),
// - contain no inline script and no inline event handler (on…="…", javascript: URLs),
// - contain no <script> at all unless it shows a map (an element with data-map, the map island's container),
// - and where it shows a map, load only our own bundle.
// Which pages show a map is written down below, so a page that starts shipping JavaScript fails here.

const recorded = vi.hoisted(() => [] as Array<{ method: string; url: string }>);
vi.mock('fastify', async (importOriginal) => {
  const real = await importOriginal<typeof import('fastify')>();
  const factory = ((options?: Record<string, unknown>) => {
    const app = real.default(options as never);
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) recorded.push({ method: String(method), url: route.url });
    });
    return app;
  }) as unknown as typeof real.default;
  return { ...real, default: factory, fastify: factory };
});

/** Route templates whose pages show a map (with the seeded data below: a report with a precise place). */
const MAP_ROUTES = new Set([
  'GET /melden',
  'GET /melden/ortswahl',
  'POST /melden/ort (errors)',
  'GET /meldungen',
  'GET /meldungen/:id',
  'GET /angstraeume',
  'GET /angstraeume/:id',
]);

/** The self-hosted map bundle: the only script a map page may load. */
const MAP_SCRIPTS = ['/static/js/map.js'];

/**
 * Pages that load a script without showing a map, each with the reason. Keep it short: anything else that
 * starts shipping JavaScript fails this test.
 */
const SCRIPT_WITHOUT_MAP: Record<string, { scripts: string[]; why: string }> = {
  'GET /dreckpetze': {
    scripts: ['/static/litter/dreckpetze.js'],
    why: 'the "use my location" button of the Dreckpetze quick form (1 KB, hidden without JavaScript; the form works without it)',
  },
};

/** GET routes that never answer a page (files, pictures, tiles); everything else must be requested. */
const NOT_PAGES = new Set([
  'GET /static/*',
  'GET /fotos/:id/:file',
  'GET /verwaltung/fotos/:id/:file',
  'GET /karte/kacheln/:z/:x/:file',
  // Files, not pages: an idea's photo, a process's image and PDF, the letter codes' CSV.
  'GET /ideen/fotos/:id/:file',
  'GET /beteiligung/:id/bild',
  'GET /beteiligung/:id/dokumente/:documentId',
  'GET /verwaltung/verifizierung/codes/:id/codes.csv',
]);

/** Visits that are meant to answer an error page. */
// The data-export download answers a ZIP when valid: as HTML it is only ever the "link no longer valid" page.
const NOT_200 = new Set(['POST /melden/ort (errors)', 'GET (no such page)', 'GET /konto/daten/datei/:token']);

let t: TestApp;
const sessions: Record<string, Client> = {};
let values: Record<string, string> = {};
/** Route template → concrete paths to request (one per seeded variant). */
const extraVariants: Record<string, string[]> = {};

beforeAll(async () => {
  t = await createTestApp();
  const { db, org } = t;
  const storage = localStorage(path.join(t.config.dataDir, 'files'));
  await createSyntheticBoundary(db, org.id);
  const [district] = await db
    .insertInto('districts')
    .values({
      organization_id: org.id,
      kind: 'stadtbezirk',
      name: 'Testbezirk Mitte',
      geometry: JSON.stringify({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [7.4, 51.45],
              [7.6, 51.45],
              [7.6, 51.55],
              [7.4, 51.55],
              [7.4, 51.45],
            ],
          ],
        ],
      }),
      min_lon: 7.4,
      min_lat: 51.45,
      max_lon: 7.6,
      max_lat: 51.55,
    })
    .returning('id')
    .execute();
  const s = await seedBackOffice(db, t.config.secret, org.id);
  const question = await createCategory(db, org.id, {
    code: 'strassenschaden',
    name: 'Straßenschaden',
    departmentId: s.depA.id,
    questions: [{ code: 'groesse', datatype: 'singlevaluelist', required: true, options: [{ key: 'klein', de: 'klein', en: 'small' }] }],
  });
  const angstraum = await createCategory(db, org.id, { code: 'angstraum', name: 'Angstraum', kind: 'angstraum' });

  const report = await makeReport(db, storage, org.id, { categoryId: s.category.id, departmentId: s.depA.id, status: 'in_progress', photos: 1 });
  await db.updateTable('report_photos').set({ status: 'approved' }).where('report_id', '=', report).execute();
  const photo = await db.selectFrom('report_photos').select('id').where('report_id', '=', report).executeTakeFirstOrThrow();
  const fixed = await makeReport(db, null, org.id, { categoryId: question.id, departmentId: s.depA.id, status: 'fixed' });
  const unconfirmed = await makeReport(db, null, org.id, { categoryId: s.category.id, departmentId: s.depA.id, status: 'unconfirmed' });

  const place = await insertReport(db, {
    organizationId: org.id,
    categoryId: angstraum.id,
    departmentId: null,
    districtId: district!.id,
    status: 'new',
    lat: 51.51,
    lon: 7.45,
    address: 'Unterführung am Testbahnhof',
    locationPrecise: true,
    description: 'Dunkel und zugewachsen',
    answers: {},
    userId: null,
    reporterName: '',
    reporterEmail: 'angst@example.de',
    showName: false,
    idempotencyKey: null,
  });
  await insertEvent(db, { organizationId: org.id, reportId: place!.id, kind: 'created', public: true, toStatus: 'new' });
  await db.updateTable('reports').set({ reviewed_at: new Date(), reviewed_by: s.admin.id }).where('id', '=', place!.id).execute();
  await postMeasure(db, org.id, place!.id, s.admin.id, { type: 'lighting', body: 'Zwei neue Leuchten' });
  const measure = await db.selectFrom('report_events').select('id').where('report_id', '=', place!.id).orderBy('id', 'desc').executeTakeFirstOrThrow();

  // One unspent link of every kind, made as the product makes them, so token pages show their real content.
  const token = (purpose: TokenPurpose, userId: number | null, data: unknown = {}) => issueToken(db, org, purpose, userId, 'seite@example.de', 60, data);
  const questionnaire = randomToken();
  await db
    .insertInto('report_questionnaires')
    .values({
      organization_id: org.id,
      report_id: fixed,
      email: 'frage@example.de',
      token_hash: hashToken(questionnaire),
      due_at: new Date(),
      sent_at: new Date(),
    })
    .execute();
  const survey = randomToken();
  await db
    .insertInto('angstraum_questionnaires')
    .values({
      organization_id: org.id,
      report_id: place!.id,
      measure_event_id: measure.id,
      email: 'umfrage@example.de',
      token_hash: hashToken(survey),
      due_at: new Date(),
      sent_at: new Date(),
    })
    .execute();
  const follow = hashToken(randomToken());
  await addFollower(db, org.id, report, 'folgt@example.de', follow);
  const template = await db
    .insertInto('response_templates')
    .values({ organization_id: org.id, title: 'Danke', body: 'Danke für die Meldung.' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const firstQuestion = await db.selectFrom('category_questions').select('id').where('category_id', '=', question.id).executeTakeFirstOrThrow();

  const magic = await token('magic_link', s.resident.id);
  const setupUrl = await issueSetupLink({ db, secret: t.config.secret, publicUrl: t.config.publicUrl }, org, s.staffB.id, s.staffB.email, {
    sendMail: false,
    locale: 'de',
  });
  const setup = new URL(setupUrl).pathname.split('/').at(-1)!;
  const reset = await token('password_reset', s.moderator.id);
  const confirm = await token('report_confirm', null, { reportId: unconfirmed });
  const participation = await seedParticipation(db, storage, t.config.secret, org.id, {
    admin: s.admin.id,
    resident: s.resident.id,
    followers: [s.resident.id],
    departmentId: s.depA.id,
    districtId: district!.id,
  });
  const p = participation.ids;
  values = {
    'id:report': String(report),
    'id:place': String(place!.id),
    'id:department': String(s.depA.id),
    'id:category': String(question.id),
    'id:district': String(district!.id),
    'id:user': String(s.staffA.id),
    'id:template': String(template.id),
    'id:process': String(p.process[0]),
    'id:idea': String(p.idea[0]),
    'id:body': String(p.body[0]),
    phaseId: String(p.phase[0]),
    kind: 'process',
    'token:/beteiligung/abbestellen/:token': participation.unsubscribe[0]!,
    photoId: String(photo.id),
    questionId: String(firstQuestion.id),
    code: 'strassenschaden',
    service_code: 'strassenschaden',
    service_request_id: String(report),
    slug: 'impressum',
    locale: 'de',
    // A map tile over the synthetic city (zoom 12).
    z: '12',
    x: '2133',
    y: '1370',
    'token:/anmelden/link/:token': magic,
    'token:/verwaltung/einrichten/:token': setup,
    'token:/verwaltung/passwort/:token': reset,
    'token:/meldungen/bestaetigen/:token': confirm,
    'token:/meldungen/fragebogen/:token': questionnaire,
    'token:/angstraeume/umfrage/:token': survey,
    'token:/meldungen/abbestellen/:token': unsubscribeToken(t.config.secret, follow),
    // A well-formed link that is no longer valid: the page that says so (a valid one answers a ZIP, not HTML).
    'token:/konto/daten/datei/:token': 'Ak0fZr3mVq9xLw2NcT5yHb8uJd1sPe6gQo4iRn7tUa',
  };
  // Pages whose look depends on the query: the no-JavaScript place choice with a point, the list as list.
  extraVariants['GET /melden'] = [`/melden?kategorie=${s.category.id}&lat=51.5&lon=7.5`];
  extraVariants['GET /melden/ortswahl'] = [`/melden/ortswahl?kategorie=${s.category.id}&lat=51.5&lon=7.5`];
  extraVariants['GET /meldungen'] = ['/meldungen?status=fixed'];
  extraVariants['GET /dreckpetze'] = [`/dreckpetze?lat=51.5&lon=7.5`];

  sessions.anonymous = new Client(t);
  for (const [who, id, level] of [
    ['resident', s.resident.id, 'resident'],
    ['admin', s.admin.id, 'staff'],
  ] as const) {
    const c = new Client(t);
    c.cookies.set('k_session', await createSession(db, { organizationId: org.id, userId: id, level, idleMinutes: 600, absoluteHours: 10 }));
    sessions[who] = c;
  }
});
afterAll(() => t.close());

/** Which seeded id an ":id" stands for, by the route's area. */
const ID_BY_ROUTE: Array<[RegExp, string]> = [
  [/^\/(verwaltung\/)?meldungen\//, 'report'],
  [/^\/open311\//, 'report'],
  [/angstraeume/, 'place'],
  [/abteilungen/, 'department'],
  [/kategorien/, 'category'],
  [/bezirke/, 'district'],
  [/mitarbeitende/, 'user'],
  [/antwortvorlagen/, 'template'],
  [/api-schluessel/, 'apiKey'],
  [/^\/(verwaltung\/)?beteiligung\/(:id|kommentare\/)/, 'process'],
  [/^\/(verwaltung\/)?ideen\//, 'idea'],
  [/gremien/, 'body'],
];

/** One value per path parameter, or null when this file does not know what the parameter stands for. */
function fill(url: string): string | null {
  let missing = false;
  const filled = url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const key = name === 'id' ? `id:${ID_BY_ROUTE.find(([re]) => re.test(url))?.[1]}` : name === 'token' ? `token:${url}` : name;
    const value = values[key];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? null : filled;
}

interface Tag {
  name: string;
  attrs: Record<string, string>;
}

/** Start tags with their attributes; enough for the server's own markup (quoted attributes, no comments). */
function tags(html: string): Tag[] {
  const out: Tag[] = [];
  const open = /<([a-zA-Z][a-zA-Z0-9-]*)/g;
  const attr = /\s*([^\s"'=<>/`]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/y;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const attrs: Record<string, string> = {};
    attr.lastIndex = open.lastIndex;
    for (let a = attr.exec(html); a; a = attr.exec(html)) {
      attrs[a[1]!.toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
      open.lastIndex = attr.lastIndex;
    }
    out.push({ name: m[1]!.toLowerCase(), attrs });
  }
  return out;
}

const selfHosted = (url: string) => url.startsWith('data:') || (url.startsWith('/') && !url.startsWith('//'));

interface PageCheck {
  scripts: string[];
  hasMap: boolean;
  problems: string[];
}

function checkPage(html: string): PageCheck {
  const problems: string[] = [];
  const scripts: string[] = [];
  let hasMap = false;
  for (const tag of tags(html)) {
    if ('data-map' in tag.attrs) hasMap = true;
    for (const [name, value] of Object.entries(tag.attrs)) {
      if (/^on[a-z]+$/.test(name)) problems.push(`inline event handler ${name} on <${tag.name}>`);
      if (/^\s*javascript:/i.test(value)) problems.push(`javascript: URL in ${name} of <${tag.name}>`);
    }
    if (tag.name === 'script') {
      if (!tag.attrs.src) problems.push('inline <script>');
      else scripts.push(tag.attrs.src);
    }
    const rel = (tag.attrs.rel ?? '').toLowerCase().split(/\s+/);
    const loaded =
      tag.name === 'script' ||
      tag.name === 'img' ||
      tag.name === 'iframe' ||
      tag.name === 'source' ||
      tag.name === 'video' ||
      tag.name === 'audio' ||
      tag.name === 'input'
        ? tag.attrs.src
        : tag.name === 'link' && rel.some((r) => ['stylesheet', 'icon', 'manifest', 'apple-touch-icon', 'preload', 'modulepreload'].includes(r))
          ? tag.attrs.href
          : undefined;
    if (loaded !== undefined && !selfHosted(loaded)) problems.push(`<${tag.name}> loads ${loaded} from another server`);
  }
  if (/<script\b[^>]*>[^<]+<\/script>/i.test(html)) problems.push('script with inline content');
  return { scripts, hasMap, problems };
}

interface Seen extends PageCheck {
  route: string;
  url: string;
  who: string;
  status: number;
}

async function visitAll(): Promise<{ seen: Seen[]; unfilled: string[]; requested: Set<string> }> {
  const seen: Seen[] = [];
  const unfilled: string[] = [];
  const requested = new Set<string>();
  const gets = [...new Set(recorded.filter((r) => r.method === 'GET').map((r) => r.url))].sort();
  for (const url of gets) {
    const route = `GET ${url}`;
    if (NOT_PAGES.has(route)) continue;
    const first = fill(url);
    if (first === null) {
      unfilled.push(route);
      continue;
    }
    requested.add(route);
    for (const target of [first, ...(extraVariants[route] ?? [])]) {
      for (const [who, c] of Object.entries(sessions)) {
        const res = await c.get(target);
        if (!String(res.headers['content-type'] ?? '').startsWith('text/html')) continue;
        seen.push({ route, url: target, who, status: res.statusCode, ...checkPage(res.body) });
      }
    }
  }
  // Pages that only a form post renders: step two of the report form, step one again with errors, a 404 page.
  const c = sessions.anonymous!;
  const category = await t.db.selectFrom('report_categories').select('id').where('code', '=', 'strassenschaden').executeTakeFirstOrThrow();
  for (const [route, res] of [
    ['POST /melden/ort', await c.post('/melden/ort', { categoryId: String(category.id), lat: '51.5', lon: '7.5' })],
    ['POST /melden/ort (errors)', await c.post('/melden/ort', {})],
    ['GET (no such page)', await c.get('/gibt-es-nicht')],
  ] as const) {
    seen.push({ route, url: route, who: 'anonymous', status: res.statusCode, ...checkPage(res.body) });
  }
  return { seen, unfilled, requested };
}

describe('pages without a map ship no JavaScript', () => {
  it('checks every HTML page of the app', async () => {
    const { seen, unfilled, requested } = await visitAll();
    // A new route with a path parameter this file cannot fill must be added to `values`, not skipped.
    expect(unfilled).toEqual([]);
    expect(requested.size).toBeGreaterThan(50);
    expect(new Set(seen.map((p) => p.route)).size).toBeGreaterThan(40);

    // Each page was seen with its real content at least once (not only as "link invalid" or "not allowed").
    const ok = new Set(seen.filter((p) => p.status === 200).map((p) => p.route));
    expect([...new Set(seen.map((p) => p.route))].filter((r) => !ok.has(r) && !NOT_200.has(r))).toEqual([]);

    const problems = seen.flatMap((p) => p.problems.map((x) => `${p.route} (${p.url} as ${p.who}, ${p.status}): ${x}`));
    expect(problems).toEqual([]);

    const wrong: string[] = [];
    for (const p of seen) {
      const where = `${p.route} (${p.url} as ${p.who}, ${p.status})`;
      if (p.hasMap) {
        if (!MAP_ROUTES.has(p.route)) wrong.push(`${where} shows a map but is not listed in MAP_ROUTES`);
        const other = p.scripts.filter((src) => !MAP_SCRIPTS.includes(src));
        if (other.length > 0) wrong.push(`${where} loads ${other.join(', ')} besides the map bundle`);
        if (p.scripts.length === 0) wrong.push(`${where} shows a map container but loads no map script`);
      } else {
        const allowed = SCRIPT_WITHOUT_MAP[p.route]?.scripts ?? [];
        const extra = p.scripts.filter((src) => !allowed.includes(src));
        if (extra.length > 0) wrong.push(`${where} has no map but loads ${extra.join(', ')}`);
      }
    }
    expect(wrong).toEqual([]);

    // The list stays true: every page listed shows its map at least once.
    const withMap = new Set(seen.filter((p) => p.hasMap).map((p) => p.route));
    expect([...MAP_ROUTES].filter((r) => !withMap.has(r))).toEqual([]);
    const noMapPages = new Set(seen.filter((p) => !p.hasMap && p.scripts.length === 0).map((p) => p.route));
    for (const r of [
      'GET /',
      'GET /offene-daten',
      'GET /api/docs',
      'GET /anmelden',
      'GET /verwaltung/meldungen',
      'GET /verwaltung/meldungen/:id',
      'GET /statistik/angstraeume-und-muell',
    ])
      expect(noMapPages, r).toContain(r);
    // About 250 requests: generous for a busy 2-core CI machine.
  }, 120_000);

  it('serves the map bundle and every allowed script from our own server', async () => {
    for (const src of [...MAP_SCRIPTS, ...Object.values(SCRIPT_WITHOUT_MAP).flatMap((x) => x.scripts)]) {
      const res = await sessions.anonymous!.get(src);
      expect(res.statusCode, src).toBe(200);
      expect(String(res.headers['content-type']), src).toMatch(/javascript/);
    }
  });

  it('forbids inline script by policy on every page', async () => {
    const res = await sessions.anonymous!.get('/');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });
});
