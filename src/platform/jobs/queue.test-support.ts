import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connect';
import { findJob } from './jobs.queries';
import type { JobLogger } from './queue';

/** A logger that keeps what the queue logs, for assertions. */
export function recordingLogger(): JobLogger & { lines: Array<{ level: 'info' | 'warn' | 'error'; msg: string }> } {
  const lines: Array<{ level: 'info' | 'warn' | 'error'; msg: string }> = [];
  return {
    lines,
    info: (_obj, msg) => lines.push({ level: 'info', msg }),
    warn: (_obj, msg) => lines.push({ level: 'warn', msg }),
    error: (_obj, msg) => lines.push({ level: 'error', msg }),
  };
}

/** Waits until `check` holds, looking every 25 ms; fails after `ms`. */
export async function waitFor(check: () => boolean | Promise<boolean>, ms = 10_000, what = 'condition'): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface StoredJob {
  state: string;
  retryCount: number;
}

/** A job as stored by whichever queue the database runs: pg-boss's table on PostgreSQL, ours on PGlite. */
export async function storedJob(handle: DatabaseHandle, id: string): Promise<StoredJob | undefined> {
  if (handle.kind === 'pglite') {
    const row = await findJob(handle.db, id);
    return row && { state: row.state, retryCount: row.retry_count };
  }
  const { rows } = await sql<{ state: string; retry_count: number }>`SELECT state::text, retry_count FROM pgboss.job WHERE id = ${id}::uuid`.execute(handle.db);
  return rows[0] && { state: rows[0].state, retryCount: rows[0].retry_count };
}
