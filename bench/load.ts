// npm run bench load — city-scale load test of the public endpoints (issue "Prove it").
// Settings (environment): BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/kuemmerer_bench,
// filled by `npm run bench:generate`) or BENCH_DATA_DIR for PGlite; BENCH_SECONDS (10), BENCH_WARMUP (3),
// BENCH_ONLY (comma-separated endpoint names). Load comes from this process with autocannon; the server is a
// child process (bench/load/server.ts), so client and server are two processes on 127.0.0.1.
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { cityBox } from '../src/modules/reports/map/map.queries';
import { categoryQuestions } from '../src/modules/reports/report.service';
import { openRecorder, type Recorder, replay, type Timing } from './load/sql-baseline';
import { answerFor, cameraPhoto, submissionRequest } from './load/submission';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const APP_PORT = 39_100;
const BARE_PORT = 39_101;
// NODE_ENV=production refuses secrets published in the source: a new one per run.
const SECRET = `${crypto.randomUUID()}${crypto.randomUUID()}`;

interface Endpoint {
  name: string;
  path: string;
  connections: number;
  kind: 'map' | 'read' | 'write';
  sql?: { alone: Timing; loaded: Timing; queries: number };
}

interface HttpResult {
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function zoomFor(box: { minLon: number; maxLon: number }, widthPx = 1024): number {
  // The largest zoom at which the box's width fits the viewport, as Leaflet's fitBounds would pick.
  const degPerPx = (box.maxLon - box.minLon) / widthPx;
  return Math.max(1, Math.min(19, Math.floor(Math.log2(360 / (256 * degPerPx)))));
}

async function pickEndpoints(recorder: Recorder) {
  const { db } = recorder;
  const org = await db.selectFrom('organizations').select('id').where('slug', '=', 'dortmund').executeTakeFirstOrThrow();
  const city = (await cityBox(db, org.id))!;
  const counts = await sql<{ reports: number; public_reports: number }>`
    SELECT count(*)::int AS reports,
           count(*) FILTER (WHERE NOT hidden AND status <> 'unconfirmed')::int AS public_reports
    FROM reports WHERE organization_id = ${org.id}`.execute(db);
  // The district with the most reports, and the densest spot in it: where a Monday-morning crowd looks.
  const district = await sql<{ id: number; min_lon: number; min_lat: number; max_lon: number; max_lat: number }>`
    SELECT d.id, d.min_lon, d.min_lat, d.max_lon, d.max_lat FROM districts d
    JOIN reports r ON r.district_id = d.id
    WHERE d.organization_id = ${org.id} GROUP BY d.id ORDER BY count(*) DESC LIMIT 1`.execute(db);
  const d = district.rows[0]!;
  const hot = await sql<{ id: number; lat: number; lon: number }>`
    SELECT r.id, r.lat, r.lon FROM reports r JOIN report_categories c ON c.id = r.category_id
    WHERE r.organization_id = ${org.id} AND NOT r.hidden AND r.status <> 'unconfirmed' AND c.kind <> 'angstraum'
      AND r.district_id = ${d.id}
    ORDER BY r.supporters_count DESC, r.id LIMIT 1`.execute(db);
  const report = hot.rows[0]!;
  const category = await db
    .selectFrom('report_categories')
    .select('id')
    .where('organization_id', '=', org.id)
    .where('active', '=', true)
    .where('kind', '=', 'defect')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const bbox = (b: { minLon: number; minLat: number; maxLon: number; maxLat: number }) =>
    [b.minLon, b.minLat, b.maxLon, b.maxLat].map((n) => Number(n).toFixed(5)).join(',');
  const districtBox = { minLon: d.min_lon, minLat: d.min_lat, maxLon: d.max_lon, maxLat: d.max_lat };
  const street = { minLon: report.lon - 0.004, minLat: report.lat - 0.0025, maxLon: report.lon + 0.004, maxLat: report.lat + 0.0025 };
  const endpoints: Endpoint[] = [
    { name: 'map: whole city', path: `/api/reports/map?bbox=${bbox(city)}&zoom=${zoomFor(city)}`, connections: 50, kind: 'map' },
    { name: 'map: one district', path: `/api/reports/map?bbox=${bbox(districtBox)}&zoom=${zoomFor(districtBox)}`, connections: 50, kind: 'map' },
    { name: 'map: street box', path: `/api/reports/map?bbox=${bbox(street)}&zoom=${zoomFor(street)}`, connections: 50, kind: 'map' },
    { name: 'report list (HTML)', path: '/meldungen', connections: 50, kind: 'read' },
    { name: 'report page (HTML)', path: `/meldungen/${report.id}`, connections: 50, kind: 'read' },
    { name: 'Open311 GET requests (100)', path: '/open311/v2/requests.json?page_size=100', connections: 50, kind: 'read' },
    { name: 'Open311 GET one request', path: `/open311/v2/requests/${report.id}.json`, connections: 50, kind: 'read' },
    { name: 'submission (3 MB photo)', path: '/melden', connections: 10, kind: 'write' },
  ];
  return {
    counts: counts.rows[0]!,
    endpoints: endpoints.filter((e) => ONLY.length === 0 || ONLY.some((o) => e.name.includes(o))),
    form: {
      categoryId: category.id,
      lat: report.lat + 0.0003,
      lon: report.lon - 0.0003,
      secret: SECRET,
      answers: Object.fromEntries((await categoryQuestions(db, org.id, category.id, 'de')).map((q) => [q.code, answerFor(q)])),
    },
  };
}

function env(dataDir: string, target: { databaseUrl: string } | { dataDir: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    SECRET,
    PORT: String(APP_PORT),
    PUBLIC_URL: `http://127.0.0.1:${APP_PORT}`,
    DEFAULT_ORGANIZATION: 'dortmund',
    // Access logs belong to the reverse proxy in production; the app logs warnings and errors.
    LOG_LEVEL: 'warn',
    // The load comes from many residents behind one proxy: X-Forwarded-For carries their addresses.
    TRUST_PROXY: '127.0.0.1',
    DATABASE_URL: 'databaseUrl' in target ? target.databaseUrl : '',
    DATA_DIR: 'dataDir' in target ? target.dataDir : dataDir,
  };
}

/** The endpoint's SQL, captured from one real request and replayed alone and at the endpoint's concurrency. */
async function measureSql(recorder: Recorder, environment: NodeJS.ProcessEnv, endpoints: Endpoint[]) {
  // The shared caches stay off here: the baseline is what the endpoint's queries cost when they do run.
  const config = loadConfig({ ...environment, PUBLIC_CACHE_SECONDS: '0' });
  const app = await buildApp({ config, db: recorder.db });
  await app.ready();
  try {
    for (const e of endpoints) {
      if (e.kind === 'write') continue;
      // A fresh client address each time: replaying the rate-limit upsert counts against the captured one.
      const request = () => ({ method: 'GET' as const, url: e.path, headers: { host: '127.0.0.1', 'x-forwarded-for': randomIp() } });
      const first = await app.inject(request());
      if (first.statusCode !== 200) throw new Error(`${e.name}: ${first.statusCode} ${first.body.slice(0, 300)}`);
      const stages = await recorder.capture(() => app.inject(request()));
      if (process.env.BENCH_VERBOSE) {
        for (const q of stages.flat()) process.stderr.write(`    ${(q.end - q.start).toFixed(2)} ms  ${q.sql.replace(/\s+/g, ' ').slice(0, 400)}\n`);
      }
      const alone = await replay(recorder, stages, 1, Math.min(3, SECONDS));
      const loaded = await replay(recorder, stages, e.connections, SECONDS);
      e.sql = { alone, loaded, queries: stages.flat().length };
      process.stderr.write(
        `  SQL ${e.name}: ${e.sql.queries} queries, alone p50 ${alone.p50.toFixed(2)} ms, at ${e.connections} p50 ${loaded.p50.toFixed(1)} ms\n`,
      );
    }
  } finally {
    await app.close();
  }
}

function startServer(environment: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = fork(path.join(import.meta.dirname, 'load', 'server.ts'), [], {
    env: { ...environment, BENCH_BARE_PORT: String(BARE_PORT) },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

async function load(url: string, connections: number, seconds: number, requests?: autocannon.Request[]): Promise<HttpResult> {
  const result = await autocannon({ url, connections, duration: seconds, headers: { host: '127.0.0.1' }, requests });
  if (result.non2xx > 0) process.stderr.write(`    status codes: ${JSON.stringify(result.statusCodeStats)}\n`);
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function measureHttp(endpoint: Endpoint | null, form: Parameters<typeof submissionRequest>[0], photo: Buffer | null): Promise<HttpResult> {
  const base = endpoint ? `http://127.0.0.1:${APP_PORT}${endpoint.path}` : `http://127.0.0.1:${BARE_PORT}/bare`;
  const connections = endpoint?.connections ?? 50;
  // Every request comes from another resident (behind the trusted proxy), as on a Monday morning; one address
  // would only measure the per-IP rate limit.
  const requests: autocannon.Request[] = [
    endpoint?.kind === 'write'
      ? {
          setupRequest: (req: autocannon.Request) => {
            const submission = submissionRequest(form, photo!);
            return { ...req, ...submission, headers: { ...req.headers, ...submission.headers } };
          },
        }
      : { setupRequest: (req: autocannon.Request) => ({ ...req, headers: { ...req.headers, 'x-forwarded-for': randomIp() } }) },
  ];
  await load(base, connections, WARMUP, requests);
  return load(base, connections, SECONDS, requests);
}

const randomIp = () => `203.0.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

function verdict(e: Endpoint, r: HttpResult): string {
  const misses: string[] = [];
  if (r.perSecond === 0) return '**missed:** no answer within the run';
  if (e.kind !== 'write' && r.p99 > 100) misses.push('p99 > 100 ms');
  if (e.kind === 'map' && r.perSecond < 1000) misses.push('< 1,000 req/s');
  if (e.kind === 'write' && r.p99 > 1000) misses.push('p99 > 1 s');
  if (e.sql && r.p50 > 2 * e.sql.loaded.p50) misses.push('p50 > 2× SQL');
  if (r.non2xx > 0 || r.errors > 0) misses.push(`${r.non2xx} non-2xx, ${r.errors} errors`);
  return misses.length ? `**missed:** ${misses.join(', ')}` : 'met';
}

export async function run(): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kuemmerer-bench-'));
  const target = process.env.BENCH_DATA_DIR
    ? { dataDir: path.resolve(process.env.BENCH_DATA_DIR) }
    : { databaseUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/kuemmerer_bench' };
  const environment = env(dataDir, target);
  const recorder = await openRecorder(target);
  let picked: Awaited<ReturnType<typeof pickEndpoints>>;
  try {
    picked = await pickEndpoints(recorder);
    process.stderr.write(`load: ${picked.counts.reports.toLocaleString('en')} reports; timing the endpoints' SQL\n`);
    await measureSql(recorder, environment, picked.endpoints);
  } finally {
    await recorder.close();
  }
  const photo = picked.endpoints.some((e) => e.kind === 'write') ? await cameraPhoto() : null;
  const server = await startServer(environment);
  const rows: string[] = [];
  let bare: HttpResult;
  try {
    bare = await measureHttp(null, picked.form, null);
    process.stderr.write(`  bare route: ${bare.perSecond.toFixed(0)} req/s\n`);
    for (const e of picked.endpoints) {
      const r = await measureHttp(e, picked.form, photo);
      process.stderr.write(`  ${e.name}: ${r.perSecond.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms\n`);
      const s = e.sql;
      rows.push(
        `| ${e.name} | ${e.connections} | ${r.perSecond.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${(r.perSecond / bare.perSecond).toFixed(3)} | ${s ? `${s.queries} q: ${ms(s.alone.p50)} / ${ms(s.loaded.p50)} ms, ${s.loaded.perSecond.toFixed(0)}/s` : '—'} | ${s ? (r.p50 / s.loaded.p50).toFixed(2) : '—'} | ${verdict(e, r)} |`,
      );
    }
  } finally {
    // Requests autocannon abandoned at the end are still being handled: let them finish before the pool closes.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
  const where =
    'databaseUrl' in target && target.databaseUrl
      ? `PostgreSQL (${new URL(target.databaseUrl).pathname.slice(1)})`
      : `PGlite (${(target as { dataDir: string }).dataDir})`;
  return [
    `### Load: ${picked.counts.reports.toLocaleString('en')} reports (${picked.counts.public_reports.toLocaleString('en')} public) on ${where}`,
    '',
    `Command: \`npm run bench load\`${process.env.BENCH_DATA_DIR ? ` with BENCH_DATA_DIR=${process.env.BENCH_DATA_DIR}` : ''}. Date: ${new Date().toISOString().slice(0, 10)}. Machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}.`,
    `autocannon from the benchmark process, the server in a child process, both on 127.0.0.1; ${WARMUP} s warm-up, then ${SECONDS} s measured.`,
    `Bare Fastify route in the same server process: **${bare!.perSecond.toFixed(0)} req/s**, p50 ${ms(bare!.p50)} ms, p99 ${ms(bare!.p99)} ms (50 connections).`,
    '',
    '| endpoint | conns | req/s | p50 ms | p99 ms | ÷ bare req/s | SQL: queries, p50 alone / at same conns, SQL req/s | app p50 ÷ SQL p50 | targets |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
