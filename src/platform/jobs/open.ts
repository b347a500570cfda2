import type { DatabaseHandle } from '../db/connect';
import { pgBossQueue } from './pgboss-queue';
import { pgliteQueue } from './pglite-queue';
import type { JobLogger, JobQueue, QueueTiming } from './queue';

/**
 * The job queue for the app's database: pg-boss on PostgreSQL (shared by every process), the jobs table on the
 * embedded database (one process). Register handlers with `work`, then `start`; `stop` before closing the database.
 * pg-boss runs on the app's own pool, so it needs no connection settings of its own.
 */
export function openJobQueue(handle: DatabaseHandle, log: JobLogger, timing: QueueTiming = {}): JobQueue {
  return handle.kind === 'postgres' ? pgBossQueue(handle.db, log, timing) : pgliteQueue(handle.db, log, timing);
}
