// npm run bench load — city-scale load test of the public endpoints with random traffic (issue 13).
// Settings (environment): BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/kuemmerer_bench,
// filled by `npm run bench:generate`) or BENCH_DATA_DIR for PGlite; BENCH_SECONDS (10), BENCH_WARMUP (3),
// BENCH_ONLY (comma-separated parts of scenario names), BENCH_SEED (1), BENCH_SQL_SAMPLE (40 requests per
// scenario), BENCH_CACHED (1: also the table with the shared cache on; 0: leave it out), BENCH_SHAPES (current |
// before-13, see bench/load/scenarios.ts).
// Requests come from bench/load/scenarios.ts (the one place that defines them). Load comes from this process
// with autocannon; the server is a child process (bench/load/server.ts), so client and server are two processes.
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { migrateAll } from '../src/module-list';
import { categoryQuestions } from '../src/modules/reports/report.service';
import { loadUniverse, type Scenario, type Shapes, scenarios, type Universe } from './load/scenarios';
import { openRecorder, type Recorder, replay, type Stages, type Timing } from './load/sql-baseline';
import { answerFor, cameraPhoto, type SubmissionForm, submissionRequest } from './load/submission';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const SEED = Number(process.env.BENCH_SEED ?? 1);
const CACHED = process.env.BENCH_CACHED !== '0';
const SHAPES: Shapes = process.env.BENCH_SHAPES === 'before-13' ? 'before-13' : 'current';
/** Requests per scenario whose SQL is captured for the baseline. */
const SQL_SAMPLE = Number(process.env.BENCH_SQL_SAMPLE ?? 40);
const CACHE_SECONDS = 30;
const APP_PORT = 39_100;
const BARE_PORT = 39_101;
// NODE_ENV=production refuses secrets published in the source: a new one per run.
const SECRET = `${crypto.randomUUID()}${crypto.randomUUID()}`;

interface SqlTiming {
  alone: Timing;
  loaded: Timing;
  /** Mean queries per request. */
  queries: number;
}

interface HttpResult {
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function env(dataDir: string, target: { databaseUrl: string } | { dataDir: string }, cacheSeconds: number): NodeJS.ProcessEnv {
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
    PUBLIC_CACHE_SECONDS: String(cacheSeconds),
    DATABASE_URL: 'databaseUrl' in target ? target.databaseUrl : '',
    DATA_DIR: 'dataDir' in target ? target.dataDir : dataDir,
  };
}

const pick = (all: Scenario[]) => all.filter((s) => ONLY.length === 0 || ONLY.some((o) => s.name.includes(o)));

async function submissionForm(u: Universe, recorder: Recorder): Promise<SubmissionForm> {
  const category = u.categories.find((c) => c.kind === 'defect') ?? u.categories[0]!;
  return {
    categoryId: category.id,
    lat: u.hot.lat + 0.0003,
    lon: u.hot.lon - 0.0003,
    secret: SECRET,
    answers: Object.fromEntries((await categoryQuestions(recorder.db, u.organizationId, category.id, 'de')).map((q) => [q.code, answerFor(q)])),
  };
}

/**
 * Each read scenario's SQL, captured from SQL_SAMPLE real requests drawn like the load's (shared cache off, as in
 * the main table), then replayed through the same driver and pool size alone and at the scenario's concurrency.
 */
async function measureSql(recorder: Recorder, environment: NodeJS.ProcessEnv, list: Scenario[]): Promise<Map<string, SqlTiming>> {
  const config = loadConfig({ ...environment, PUBLIC_CACHE_SECONDS: '0' });
  const app = await buildApp({ config, db: recorder.db });
  await app.ready();
  const result = new Map<string, SqlTiming>();
  try {
    for (const s of list) {
      if (s.kind === 'write') continue;
      const captured: Stages[] = [];
      for (let i = 0; i < SQL_SAMPLE; i++) {
        const url = s.next();
        // A fresh client address each time: replaying the rate-limit upsert counts against the captured one.
        const request = () => ({ method: 'GET' as const, url, headers: { host: '127.0.0.1', 'x-forwarded-for': randomIp() } });
        const first = await app.inject(request());
        if (first.statusCode !== 200) throw new Error(`${s.name}: ${url} answered ${first.statusCode} ${first.body.slice(0, 300)}`);
        captured.push(await recorder.capture(() => app.inject(request())));
      }
      if (process.env.BENCH_VERBOSE) {
        for (const q of captured[0]!.flat()) process.stderr.write(`    ${(q.end - q.start).toFixed(2)} ms  ${q.sql.replace(/\s+/g, ' ').slice(0, 400)}\n`);
      }
      const alone = await replay(recorder, captured, 1, Math.min(3, SECONDS));
      const loaded = await replay(recorder, captured, s.connections, SECONDS);
      const queries = captured.reduce((n, c) => n + c.flat().length, 0) / captured.length;
      result.set(s.name, { alone, loaded, queries });
      process.stderr.write(
        `  SQL ${s.name}: ${queries.toFixed(1)} queries, alone p50 ${alone.p50.toFixed(2)} ms, at ${s.connections} p50 ${loaded.p50.toFixed(1)} ms\n`,
      );
    }
  } finally {
    await app.close();
  }
  return result;
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

async function stopServer(child: ChildProcess): Promise<void> {
  // Requests autocannon abandoned at the end are still being handled: let them finish before the pool closes.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
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

/**
 * Waits until the app answers a database-backed page quickly again: requests autocannon abandoned at the end of a
 * slow scenario are still running in the server and the database, and must not weigh on the next one.
 */
async function drain(path: string): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const t0 = performance.now();
    const ok = await fetch(`http://127.0.0.1:${APP_PORT}${path}`, { headers: { 'x-forwarded-for': randomIp() } }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && performance.now() - t0 < 200) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  process.stderr.write('    the server did not settle within 2 minutes\n');
}

async function measureHttp(s: Scenario | null, form: SubmissionForm, photo: Buffer | null): Promise<HttpResult> {
  const base = s ? `http://127.0.0.1:${APP_PORT}/` : `http://127.0.0.1:${BARE_PORT}/bare`;
  const connections = s?.connections ?? 50;
  // Every request comes from another resident (behind the trusted proxy), as on a Monday morning; one address
  // would only measure the per-IP rate limit.
  const requests: autocannon.Request[] = [
    s?.kind === 'write'
      ? {
          setupRequest: (req: autocannon.Request) => {
            const submission = submissionRequest(form, photo!);
            return { ...req, ...submission, path: s.next(), headers: { ...req.headers, ...submission.headers } };
          },
        }
      : {
          setupRequest: (req: autocannon.Request) => ({
            ...req,
            ...(s ? { path: s.next() } : {}),
            headers: { ...req.headers, 'x-forwarded-for': randomIp() },
          }),
        },
  ];
  await load(base, connections, WARMUP, requests);
  return load(base, connections, SECONDS, requests);
}

const randomIp = () => `203.0.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

function verdict(s: Scenario, r: HttpResult, sqlTiming: SqlTiming | undefined, pglite: boolean): string {
  const misses: string[] = [];
  if (r.perSecond === 0) return '**missed:** no answer within the run';
  // PGlite (one process, 100k reports): the issue asks p99 ≤ 200 ms for every read, no throughput.
  const p99 = pglite && s.kind !== 'write' ? 200 : s.target.p99;
  if (r.p99 > p99) misses.push(`p99 > ${p99} ms`);
  if (!pglite && s.target.perSecond && r.perSecond < s.target.perSecond) misses.push(`< ${s.target.perSecond.toLocaleString('en')} req/s`);
  if (sqlTiming && r.p50 > 2 * sqlTiming.loaded.p50) misses.push('p50 > 2× SQL');
  if (r.non2xx > 0 || r.errors > 0) misses.push(`${r.non2xx} non-2xx, ${r.errors} errors`);
  return misses.length ? `**missed:** ${misses.join(', ')}` : 'met';
}

interface Run {
  bare: HttpResult;
  results: Map<string, HttpResult>;
}

async function runHttp(
  environment: NodeJS.ProcessEnv,
  u: Universe,
  form: SubmissionForm,
  photo: Buffer | null,
  label: string,
): Promise<{ run: Run; list: Scenario[] }> {
  // The same seed as the SQL sample: both tables and the baseline draw the same requests.
  const list = pick(scenarios(u, { shapes: SHAPES, seed: SEED }));
  const server = await startServer(environment);
  const results = new Map<string, HttpResult>();
  const probe = `/meldungen/${u.pageIds[0]}`;
  let bare: HttpResult;
  try {
    bare = await measureHttp(null, form, null);
    process.stderr.write(`  [${label}] bare route: ${bare.perSecond.toFixed(0)} req/s\n`);
    for (const s of list) {
      await drain(probe);
      const r = await measureHttp(s, form, photo);
      results.set(s.name, r);
      process.stderr.write(`  [${label}] ${s.name}: ${r.perSecond.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms\n`);
    }
  } finally {
    await stopServer(server);
  }
  return { run: { bare: bare!, results }, list };
}

export async function run(): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kuemmerer-bench-'));
  const target = process.env.BENCH_DATA_DIR
    ? { dataDir: path.resolve(process.env.BENCH_DATA_DIR) }
    : { databaseUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/kuemmerer_bench' };
  const pglite = 'dataDir' in target;
  const uncached = env(dataDir, target, 0);
  const recorder = await openRecorder(target);
  let u: Universe;
  let form: SubmissionForm;
  let sqlTimings: Map<string, SqlTiming>;
  try {
    // The data set may predate the newest migrations (aggregates, indexes): apply them as `kuemmerer serve` would.
    const applied = await migrateAll(recorder.db);
    if (applied.length > 0) process.stderr.write(`load: applied migrations ${applied.join(', ')}\n`);
    u = await loadUniverse(recorder.db);
    form = await submissionForm(u, recorder);
    process.stderr.write(`load: ${u.reports.toLocaleString('en')} reports; timing the scenarios' SQL (${SHAPES} request shapes)\n`);
    sqlTimings = await measureSql(recorder, uncached, pick(scenarios(u, { shapes: SHAPES, seed: SEED })));
  } finally {
    await recorder.close();
  }
  const photo = pick(scenarios(u, { shapes: SHAPES, seed: SEED })).some((s) => s.kind === 'write') ? await cameraPhoto() : null;
  let off: Awaited<ReturnType<typeof runHttp>>;
  let on: Awaited<ReturnType<typeof runHttp>> | null = null;
  try {
    off = await runHttp(uncached, u, form, photo, 'cache off');
    if (CACHED) on = await runHttp(env(dataDir, target, CACHE_SECONDS), u, form, photo, `cache ${CACHE_SECONDS} s`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const where = pglite ? `PGlite (${(target as { dataDir: string }).dataDir})` : `PostgreSQL (${new URL(target.databaseUrl).pathname.slice(1)})`;
  const settings = [
    process.env.BENCH_DATA_DIR ? `BENCH_DATA_DIR=${process.env.BENCH_DATA_DIR}` : '',
    SHAPES !== 'current' ? `BENCH_SHAPES=${SHAPES}` : '',
    SEED !== 1 ? `BENCH_SEED=${SEED}` : '',
    ONLY.length > 0 ? `BENCH_ONLY="${ONLY.join(',')}"` : '',
  ].filter(Boolean);
  const bareLine = (r: HttpResult) => `**${r.perSecond.toFixed(0)} req/s**, p50 ${ms(r.p50)} ms, p99 ${ms(r.p99)} ms (50 connections)`;
  const main = off.list.map((s) => {
    const r = off.run.results.get(s.name)!;
    const q = sqlTimings.get(s.name);
    const sqlCell = q ? `${q.queries.toFixed(1)} q: ${ms(q.alone.p50)} / ${ms(q.loaded.p50)} ms, ${q.loaded.perSecond.toFixed(0)}/s` : '—';
    return `| ${s.name} | ${s.connections} | ${r.perSecond.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${(r.perSecond / off.run.bare.perSecond).toFixed(3)} | ${sqlCell} | ${q ? (r.p50 / q.loaded.p50).toFixed(2) : '—'} | ${verdict(s, r, q, pglite)} |`;
  });
  const lines = [
    `### Load: ${u.reports.toLocaleString('en')} reports (${u.publicReports.toLocaleString('en')} public) on ${where}, random traffic`,
    '',
    `Command: \`${settings.length ? `${settings.join(' ')} ` : ''}npm run bench load\`. Date: ${new Date().toISOString().slice(0, 10)}. Machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}.`,
    `autocannon from the benchmark process, the server in a child process, both on 127.0.0.1; ${WARMUP} s warm-up, then ${SECONDS} s measured per scenario. Requests drawn as bench/load/scenarios.ts describes (seed ${SEED}).`,
    '',
    `#### Shared cache off (\`PUBLIC_CACHE_SECONDS=0\`): every request reaches the database`,
    '',
    `Bare Fastify route in the same server process: ${bareLine(off.run.bare)}.`,
    `SQL: the queries of ${SQL_SAMPLE} drawn requests per scenario, replayed (random pick per round) through the same driver and pool size, alone and at the same concurrency; uncached like the app here.`,
    '',
    '| scenario | conns | req/s | p50 ms | p99 ms | ÷ bare req/s | SQL: queries per request, p50 alone / at same conns, SQL req/s | app p50 ÷ SQL p50 | targets |',
    '|---|---|---|---|---|---|---|---|---|',
    ...main,
    '',
  ];
  if (on) {
    lines.push(
      `#### Shared cache on (\`PUBLIC_CACHE_SECONDS=${CACHE_SECONDS}\`): the same draws`,
      '',
      `Bare route: ${bareLine(on.run.bare)}.`,
      '',
      '| scenario | req/s | p50 ms | p99 ms | ÷ bare req/s | targets |',
      '|---|---|---|---|---|---|',
      ...on.list.map((s) => {
        const r = on.run.results.get(s.name)!;
        return `| ${s.name} | ${r.perSecond.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${(r.perSecond / on.run.bare.perSecond).toFixed(3)} | ${verdict(s, r, undefined, pglite)} |`;
      }),
      '',
    );
  }
  return lines.join('\n');
}
