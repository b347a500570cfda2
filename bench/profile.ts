// npm run bench profile — where one request's time goes, without load: each scenario of bench/load/scenarios.ts
// (reads and maps, shared cache off) is asked REQUESTS times one after another through app.inject, and the time of
// each request is split into its SQL (Kysely's query log) and the rest (Node: routing, query building, rendering).
// Less sensitive to a busy machine than the load test, so it shows what a change did. With `node --cpu-prof` (see
// BENCHMARKS.md) the same run writes a CPU profile. Settings: BENCH_DATABASE_URL or BENCH_DATA_DIR as for the load
// test, BENCH_REQUESTS (300), BENCH_ONLY, BENCH_SEED.
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { migrateAll } from '../src/module-list';
import { loadUniverse, scenarios } from './load/scenarios';
import { openRecorder } from './load/sql-baseline';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const SEED = Number(process.env.BENCH_SEED ?? 1);

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

export async function run(): Promise<string> {
  const target = process.env.BENCH_DATA_DIR
    ? { dataDir: process.env.BENCH_DATA_DIR }
    : { databaseUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/kuemmerer_bench' };
  const recorder = await openRecorder(target);
  const rows: string[] = [];
  try {
    await migrateAll(recorder.db);
    const u = await loadUniverse(recorder.db);
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'production',
      SECRET: `${crypto.randomUUID()}${crypto.randomUUID()}`,
      PUBLIC_URL: 'http://127.0.0.1:3000',
      DEFAULT_ORGANIZATION: 'dortmund',
      LOG_LEVEL: 'warn',
      // Requests come "through a proxy" with 250 client addresses, so per-address rate limits count as for a crowd.
      TRUST_PROXY: '127.0.0.1',
      PUBLIC_CACHE_SECONDS: '0',
      DATABASE_URL: 'databaseUrl' in target ? target.databaseUrl : '',
      DATA_DIR: 'dataDir' in target ? target.dataDir : '/tmp/kuemmerer-profile',
    });
    const app = await buildApp({ config, db: recorder.db });
    await app.ready();
    try {
      for (const s of scenarios(u, { shapes: 'current', seed: SEED })) {
        if (s.kind === 'write' || (ONLY.length > 0 && !ONLY.some((o) => s.name.includes(o)))) continue;
        const walls: number[] = [];
        const sqls: number[] = [];
        const nodes: number[] = [];
        let queries = 0;
        for (let i = 0; i < REQUESTS + 20; i++) {
          const url = s.next();
          const t0 = performance.now();
          const stages = await recorder.capture(() =>
            app.inject({ url, headers: { host: '127.0.0.1', 'x-forwarded-for': `203.0.113.${1 + (i % 250)}` } }).then((res) => {
              if (res.statusCode !== 200) throw new Error(`${s.name}: ${url} answered ${res.statusCode}`);
            }),
          );
          const wall = performance.now() - t0;
          if (i < 20) continue; // warm-up: compiled routes, connections, the database's cache
          // Queries that ran in parallel count once: the stage's longest.
          const sql = stages.reduce((sum, stage) => sum + Math.max(...stage.map((q) => q.end - q.start)), 0);
          walls.push(wall);
          sqls.push(sql);
          nodes.push(wall - sql);
          queries += stages.flat().length;
        }
        for (const a of [walls, sqls, nodes]) a.sort((x, y) => x - y);
        rows.push(
          `| ${s.name} | ${REQUESTS} | ${(queries / REQUESTS).toFixed(1)} | ${ms(pct(walls, 0.5))} | ${ms(pct(walls, 0.99))} | ${ms(pct(sqls, 0.5))} | ${ms(pct(nodes, 0.5))} |`,
        );
        process.stderr.write(`  ${rows.at(-1)}\n`);
      }
    } finally {
      await app.close();
    }
  } finally {
    await recorder.close();
  }
  return [
    `### Profile: one request at a time (\`npm run bench profile\`, ${new Date().toISOString().slice(0, 10)}, shared cache off)`,
    '',
    '| scenario | requests | queries per request | wall p50 ms | wall p99 ms | SQL p50 ms | Node p50 ms (wall − SQL) |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
