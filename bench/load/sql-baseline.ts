// The raw-SQL baseline: the queries an endpoint runs, captured once from the real handler, then replayed
// through the same driver and pool size the app uses, at the same concurrency. "App ÷ SQL" then shows what
// HTTP, rendering and our own code add on top of the database work the endpoint cannot avoid.
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, type LogEvent, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../src/db-schema';
import type { Db } from '../../src/platform/db/connect';

export interface CapturedQuery {
  sql: string;
  parameters: readonly unknown[];
  start: number;
  end: number;
}

/** Queries that overlapped in time ran in parallel (Promise.all in the handler) and are replayed so. */
export type Stages = CapturedQuery[][];

export interface Recorder {
  db: Db;
  /** Runs fn and returns the queries it caused, grouped into stages. */
  capture(fn: () => Promise<unknown>): Promise<Stages>;
  runQuery(sql: string, parameters: readonly unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

export async function openRecorder(target: { databaseUrl: string } | { dataDir: string }, poolSize = 10): Promise<Recorder> {
  let recording: CapturedQuery[] | null = null;
  const log = (event: LogEvent) => {
    if (!recording || event.level !== 'query') return;
    const end = performance.now();
    recording.push({ sql: event.query.sql, parameters: event.query.parameters, start: end - event.queryDurationMillis, end });
  };
  let runQuery: Recorder['runQuery'];
  let db: Db;
  let closeDriver: () => Promise<void>;
  if ('databaseUrl' in target) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: poolSize });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
    runQuery = (sql, parameters) => pool.query(sql, parameters as unknown[]);
    closeDriver = async () => {};
  } else {
    const pglite = await PGlite.create(`${target.dataDir}/pglite`);
    db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }), log });
    runQuery = (sql, parameters) => pglite.query(sql, parameters as unknown[]);
    // db.destroy() already closes PGlite through Kysely's dialect; closing it twice threw "PGlite is closed".
    closeDriver = async () => {
      if (!pglite.closed) await pglite.close();
    };
  }
  return {
    db,
    runQuery,
    async capture(fn) {
      recording = [];
      try {
        await fn();
        return stagesOf(recording);
      } finally {
        recording = null;
      }
    },
    async close() {
      await db.destroy();
      await closeDriver();
    },
  };
}

function stagesOf(queries: CapturedQuery[]): Stages {
  const sorted = [...queries].sort((a, b) => a.start - b.start);
  const stages: Stages = [];
  let stageEnd = Number.NEGATIVE_INFINITY;
  for (const q of sorted) {
    if (q.start < stageEnd && stages.length > 0) stages[stages.length - 1]!.push(q);
    else stages.push([q]);
    stageEnd = Math.max(stageEnd, q.end);
  }
  return stages;
}

export interface Timing {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/**
 * Replays captured requests as fast as `concurrency` workers can for `seconds`, each worker picking one of them at
 * random for every round (the same draws the HTTP load makes); latency per whole request.
 */
export async function replay(recorder: Recorder, requests: Stages[], concurrency: number, seconds: number): Promise<Timing> {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < until) {
      const stages = requests[Math.floor(Math.random() * requests.length)]!;
      const t0 = performance.now();
      for (const stage of stages) await Promise.all(stage.map((q) => recorder.runQuery(q.sql, q.parameters)));
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pick = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { requests: latencies.length, perSecond: latencies.length / elapsed, p50: pick(0.5), p99: pick(0.99) };
}
