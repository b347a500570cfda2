import { sql } from 'kysely';
import PgBoss from 'pg-boss';
import type { Db } from '../db/connect';
import { handOverRestoredJobs } from './backup-rows';
import { pgBossDb, pgBossTransaction } from './pgboss-db';
import {
  isJobId,
  type JobData,
  type JobHandler,
  type JobInfo,
  type JobLogger,
  type JobQueue,
  type JobType,
  logFailure,
  pollingIntervalSeconds,
  type QueueTiming,
  resolveOptions,
  type SendOptions,
  type StopOptions,
  type WorkOptions,
  withTimeout,
} from './queue';

export const PGBOSS_SCHEMA = 'pgboss';
const DEADLOCK = '40P01';

/**
 * pg-boss 10 de-duplicates by singleton key only with a queue policy that covers every job of the queue, keys
 * or not ('short', 'stately'). Our rule is per send: at most one *waiting* job (created or retry) per kind and key.
 * This partial unique index on pg-boss's job table says exactly that; pg-boss inserts with ON CONFLICT DO NOTHING,
 * so a second send returns null, and a retry that would collide with a newer waiting job is recorded as failed.
 * New queue partitions inherit the index when pg-boss attaches them.
 */
async function createSingletonIndex(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Two processes starting at once would race on the catalogue.
    await sql`SELECT pg_advisory_xact_lock(hashtext('kuemmerer.pgboss.singleton'))`.execute(trx);
    await sql
      .raw(
        `CREATE UNIQUE INDEX IF NOT EXISTS kuemmerer_waiting_singleton ON ${PGBOSS_SCHEMA}.job (name, singleton_key) ` +
          `WHERE singleton_key IS NOT NULL AND state < 'active'`,
      )
      .execute(trx);
  });
}

interface Registration {
  job: JobType<JobData>;
  handler: JobHandler<JobData>;
  concurrency: number;
}

/** The queue on PostgreSQL: pg-boss 10 in its own schema, shared by every app process. */
export function pgBossQueue(db: Db, log: JobLogger, timing: QueueTiming = {}): JobQueue {
  const pollingSeconds = pollingIntervalSeconds(timing);
  const boss = new PgBoss({
    db: pgBossDb(db),
    schema: PGBOSS_SCHEMA,
    // Periodic work has its own scheduler; pg-boss's cron would only poll for nothing.
    schedule: false,
    // Maintenance: fails jobs whose process died (after their expiry), archives and deletes finished ones.
    supervise: true,
    migrate: true,
    // Failed jobs stay in the job table a month, where they can be looked at and retried; completed ones 12 hours
    // (pg-boss's default), then 7 days in its archive.
    archiveFailedAfterSeconds: 30 * 24 * 3600,
  });
  boss.on('error', (err) => log.error({ err }, 'Job queue (pg-boss) error'));

  const registrations = new Map<string, Registration>();
  const queues = new Map<string, Promise<void>>();
  let state: 'new' | 'starting' | 'started' | 'stopped' = 'new';
  let starting: Promise<void> | undefined;

  // pg-boss 10 needs a queue (and its partition) before the first job; creating it twice does nothing. Two
  // processes creating the same new queue at once deadlock in pg-boss's create_queue (each waits for the other's
  // lock on pgboss.queue); PostgreSQL aborts one, which tries again and finds the queue made.
  const createQueue = async (name: string): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await boss.createQueue(name);
      } catch (err) {
        if ((err as { code?: string }).code !== DEADLOCK || attempt >= 5) throw err;
        await new Promise((r) => setTimeout(r, Math.random() * 50 * attempt));
      }
    }
  };
  const ensureQueue = (name: string): Promise<void> => {
    let created = queues.get(name);
    if (!created) {
      created = createQueue(name).catch((err) => {
        queues.delete(name);
        throw err;
      });
      queues.set(name, created);
    }
    return created;
  };

  async function startWorkers({ job, handler, concurrency }: Registration): Promise<void> {
    await ensureQueue(job.name);
    // One pg-boss worker per unit of concurrency, each fetching one job: pg-boss fails or completes a fetched
    // batch as a whole, and one job's failure must not fail its neighbours.
    for (let i = 0; i < concurrency; i++) {
      let workerId: string | undefined;
      workerId = await boss.work<JobData>(job.name, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: pollingSeconds }, async ([row]) => {
        if (!row) return;
        // A worker that found a job looks again at once instead of sleeping a polling interval.
        if (workerId) boss.notifyWorker(workerId);
        const info: JobInfo = { id: row.id, name: row.name, attempt: row.retryCount + 1, lastAttempt: row.retryCount >= row.retryLimit };
        try {
          // The same limit pg-boss applies, set first so it fires first and the failure is logged here.
          await withTimeout(handler(row.data, info), Math.max(1, Number(row.expireInSeconds)) * 1000, `Job ${row.name}`);
        } catch (err) {
          logFailure(log, info, err);
          throw err;
        }
      });
    }
  }

  return {
    kind: 'postgres',

    start() {
      if (state !== 'new') return starting ?? Promise.resolve();
      state = 'starting';
      starting = (async () => {
        try {
          await boss.start();
          await createSingletonIndex(db);
          // Waiting jobs from a restored backup land in the embedded queue's table; pg-boss takes them from there.
          const handed = await handOverRestoredJobs(db, boss, ensureQueue);
          if (handed > 0) log.info({ jobs: handed }, `Job queue: ${handed} waiting job(s) from a restored backup handed to pg-boss`);
          state = 'started';
          for (const registration of registrations.values()) await startWorkers(registration);
        } catch (err) {
          // No half-started queue: pg-boss's maintenance timer would keep the process alive.
          state = 'stopped';
          await boss.stop({ graceful: false, close: false }).catch(() => {});
          throw err;
        }
      })();
      return starting;
    },

    async send<Data extends JobData>(job: JobType<Data>, data: NoInfer<Data>, options: SendOptions = {}) {
      if (state !== 'started') throw new Error(`Job queue not started: cannot send ${job.name}`);
      const o = resolveOptions(job, data, options);
      await ensureQueue(job.name);
      return boss.send(job.name, data, {
        startAfter: o.startAfter,
        singletonKey: o.singletonKey ?? undefined,
        retryLimit: o.retryLimit,
        retryDelay: o.retryDelay,
        retryBackoff: o.retryBackoff,
        expireInSeconds: o.expireInSeconds,
        ...(options.transaction ? { db: pgBossTransaction(options.transaction) } : {}),
      });
    },

    async work<Data extends JobData>(job: JobType<Data>, handler: JobHandler<NoInfer<Data>>, options: WorkOptions = {}) {
      if (registrations.has(job.name)) throw new Error(`Job ${job.name} already has a handler`);
      const concurrency = options.concurrency ?? 1;
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`Job ${job.name}: concurrency must be a whole number ≥ 1`);
      const registration: Registration = { job: job as JobType<JobData>, handler: handler as JobHandler<JobData>, concurrency };
      registrations.set(job.name, registration);
      if (state === 'started') await startWorkers(registration);
    },

    async cancel(job, id) {
      if (!isJobId(id)) return false;
      // Typed as void, but pg-boss 10 answers with the number of jobs it changed.
      const result = (await boss.cancel(job.name, id)) as unknown as { affected?: number } | undefined;
      return (result?.affected ?? 0) > 0;
    },

    async stop(options: StopOptions = {}) {
      // A stop during start (a signal right after launch) waits for the start, so pg-boss's timers end too.
      if (state === 'starting') await starting?.catch(() => {});
      if (state !== 'started') {
        state = 'stopped';
        return;
      }
      state = 'stopped';
      // Graceful: wait for running handlers (up to the timeout); whatever still runs then is failed and retried.
      await boss.stop({ graceful: options.graceful ?? true, timeout: options.timeoutMs ?? 30_000, wait: true, close: false });
    },
  };
}
