// npm run bench page-weight — bytes each main page costs a first-time visitor (issue "Prove it": page weight per
// page, HTML, CSS, JS, gzip). Builds the app in this process on an in-memory PGlite with the Dortmund demo seed
// (everything it needs ships in the repository), requests each page through app.inject, follows its
// <link rel="stylesheet"> and <script src>, and counts raw and gzip bytes. Images are left out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { migrateAll } from '../src/module-list';
import { ensureClientBundle } from '../src/modules/reports/map/map.routes';
import { openPglite } from '../src/platform/db/connect';
import { createSession } from '../src/platform/http/sessions';
import { seedDemo } from '../src/seed/demo';

// NODE_ENV=production refuses secrets published in the source: a new one per run.
const SECRET = `${crypto.randomUUID()}${crypto.randomUUID()}`;

interface Bytes {
  raw: number;
  gzip: number;
}

interface PageWeight {
  label: string;
  path: string;
  status: number;
  html: Bytes;
  css: Bytes;
  js: Bytes;
  stylesheets: string[];
  scripts: string[];
}

const measure = (body: Buffer): Bytes => ({ raw: body.length, gzip: gzipSync(body, { level: 6 }).length });
const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const NONE: Bytes = { raw: 0, gzip: 0 };

/** Attributes of every start tag named `name` (the server's own markup: quoted attributes). */
function tagsNamed(html: string, name: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  for (const m of html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))) {
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/([a-zA-Z-]+)(?:="([^"]*)")?/g)) attrs[a[1]!.toLowerCase()] = a[2] ?? '';
    out.push(attrs);
  }
  return out;
}

async function fetchBody(app: FastifyInstance, url: string, cookies: Record<string, string>, encoding?: string) {
  const res = await app.inject({ method: 'GET', url, headers: { host: 'localhost', ...(encoding ? { 'accept-encoding': encoding } : {}) }, cookies });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
}

async function weigh(app: FastifyInstance, label: string, url: string, cookies: Record<string, string>, assets: Map<string, Bytes>): Promise<PageWeight> {
  const page = await fetchBody(app, url, cookies);
  if (page.status !== 200) throw new Error(`${url} answered ${page.status}`);
  const html = page.body.toString('utf8');
  const stylesheets = [
    ...new Set(
      tagsNamed(html, 'link')
        .filter((l) => (l.rel ?? '').split(/\s+/).includes('stylesheet'))
        .map((l) => l.href!),
    ),
  ];
  const scripts = [...new Set(tagsNamed(html, 'script').map((s) => s.src ?? '(inline)'))];
  const load = async (src: string): Promise<Bytes> => {
    const known = assets.get(src);
    if (known) return known;
    if (!src.startsWith('/')) throw new Error(`${url} loads ${src} from elsewhere`);
    const res = await fetchBody(app, src, cookies);
    if (res.status !== 200) throw new Error(`${src} (from ${url}) answered ${res.status}`);
    const bytes = measure(res.body);
    assets.set(src, bytes);
    return bytes;
  };
  let css = NONE;
  for (const href of stylesheets) css = add(css, await load(href));
  let js = NONE;
  for (const src of scripts) js = add(js, await load(src));
  return { label, path: url, status: page.status, html: measure(page.body), css, js, stylesheets, scripts };
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const pair = (b: Bytes) => `${kb(b.raw)} / ${kb(b.gzip)}`;

export async function run(): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kuemmerer-page-weight-'));
  const handle = await openPglite({});
  try {
    const config = loadConfig({
      NODE_ENV: 'production',
      SECRET,
      PUBLIC_URL: 'http://localhost',
      DATA_DIR: dataDir,
      DEFAULT_ORGANIZATION: 'dortmund',
      LOG_LEVEL: 'silent',
    });
    await migrateAll(handle.db);
    const seedStarted = performance.now();
    await seedDemo(handle.db, config.publicUrl, config.secret, { dataDir });
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    await ensureClientBundle((msg) => console.error(msg));
    const app = await buildApp({ config, db: handle.db });
    await app.ready();
    try {
      const { db } = handle;
      const org = await db.selectFrom('organizations').select('id').where('slug', '=', 'dortmund').executeTakeFirstOrThrow();
      const admin = await db
        .selectFrom('users')
        .select('id')
        .where('organization_id', '=', org.id)
        .where('role', '=', 'admin')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const staff = { k_session: await createSession(db, { organizationId: org.id, userId: admin.id, level: 'staff', idleMinutes: 60, absoluteHours: 1 }) };
      // A typical public report: a defect with a precise place and approved photos, as most of the demo's are.
      const report = await db
        .selectFrom('reports as r')
        .innerJoin('report_categories as c', 'c.id', 'r.category_id')
        .select('r.id')
        .where('r.organization_id', '=', org.id)
        .where('c.kind', '=', 'defect')
        .where('r.hidden', '=', false)
        .where('r.location_precise', '=', true)
        .where('r.status', 'in', ['new', 'confirmed', 'in_progress'])
        .where(sql<boolean>`exists (select 1 from report_photos p where p.report_id = r.id and p.status = 'approved')`)
        .orderBy('r.id')
        .executeTakeFirstOrThrow();

      const reports = await db
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', org.id)
        .executeTakeFirstOrThrow();

      const pages: Array<[string, string, Record<string, string>]> = [
        ['Home', '/', {}],
        ['Report form, step 1 (map)', '/melden', {}],
        ['Reports: list and map', '/meldungen', {}],
        ['A report (small map)', `/meldungen/${report.id}`, {}],
        ['Angsträume map', '/angstraeume', {}],
        ['Dreckpetze quick form', '/dreckpetze', {}],
        ['Statistics', '/statistik/angstraeume-und-muell', {}],
        ['Open data', '/offene-daten', {}],
        ['API docs', '/api/docs', {}],
        ['Resident sign-in', '/anmelden', {}],
        ['Staff sign-in', '/verwaltung/anmelden', {}],
        ['Back office: inbox (staff)', '/verwaltung/meldungen', staff],
        ['Back office: report (staff)', `/verwaltung/meldungen/${report.id}`, staff],
      ];
      const assets = new Map<string, Bytes>();
      const weights: PageWeight[] = [];
      for (const [label, url, cookies] of pages) weights.push(await weigh(app, label, url, cookies, assets));

      // Does the app itself compress? Ask as a browser would.
      const probe = await fetchBody(app, '/', {}, 'gzip, deflate, br');
      const probeCss = await fetchBody(app, '/static/css/kuemmerer.css', {}, 'gzip, deflate, br');
      const encoding = (h: Record<string, unknown>) => String(h['content-encoding'] ?? 'none');

      const lines = [
        '## Page weight (`npm run bench page-weight`)',
        '',
        `Command: \`npm run bench page-weight\` (\`node --import tsx bench/run.ts page-weight\`). Machine: 2 cores, Debian 12, Node.js ${process.version}. Date: 2026-11-25.`,
        `The app runs in-process on an in-memory PGlite with the Dortmund demo seed (${Number(reports.n)} reports, seeded in ${seedSeconds.toFixed(0)} s), \`NODE_ENV=production\`;`,
        'each page is fetched with `app.inject` and every `<link rel="stylesheet">` and `<script src>` it names is fetched too.',
        'Bytes a first-time visitor downloads for the page (an empty cache), images left out; raw / gzip (zlib level 6), 1 kB = 1000 bytes.',
        'Stylesheets and scripts are shared between pages and cached (`Cache-Control: max-age=3600`), so later pages cost about their HTML only.',
        '',
        '| page | HTML | CSS | JS | total |',
        '|---|---|---|---|---|',
        ...weights.map(
          (w) => `| ${w.label} \`${w.path}\` | ${pair(w.html)} | ${pair(w.css)} | ${w.js.raw ? pair(w.js) : '–'} | ${pair(add(add(w.html, w.css), w.js))} |`,
        ),
        '',
        `Files: ${[...assets.entries()].map(([src, b]) => `\`${src}\` ${pair(b)}`).join('; ')}.`,
        '',
        `Pages that load JavaScript: ${weights
          .filter((w) => w.scripts.length > 0)
          .map((w) => `${w.label} (${w.scripts.join(', ')})`)
          .join('; ')}. Every other page ships none (checked for every page by \`test/reliability/no-script-pages.test.ts\`).`,
        '',
        `Compression by the app: \`Content-Encoding\` of \`/\` is ${encoding(probe.headers)}, of \`/static/css/kuemmerer.css\` ${encoding(probeCss.headers)} when the browser sends \`Accept-Encoding: gzip, deflate, br\`.`,
      ];
      return lines.join('\n');
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await run());
}
