import type { Db } from '../db/connect';
import { activeJobs, cancelJob, claimJob, completeJob, failJob, insertJob, type JobRow, purgeFinishedJobs } from './jobs.queries';
import {
  errorMessage,
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
  retryDelaySeconds,
  type SendOptions,
  type StopOptions,
  type WorkOptions,
  withTimeout,
} from './queue';

interface Worker {
  name: string;
  handler: JobHandler<JobData>;
  concurrency: number;
  running: number;
  /** A poll is under way: polls of one kind never overlap, so `running` cannot pass `concurrency`. */
  polling: boolean;
  /** Somebody asked for a poll while one ran: poll once more when it ends. */
  again: boolean;
}

const PURGE_EVERY_MS = 10 * 60 * 1000;

/**
 * The queue on the embedded database, which always has exactly one process: a timer polls the jobs table
 * (migration 0010) with the same claim (SKIP LOCKED), retry, back-off and singleton rules as pg-boss, so modules
 * see one behaviour, and delayed jobs survive a restart.
 */
export function pgliteQueue(db: Db, log: JobLogger, timing: QueueTiming = {}): JobQueue {
  const intervalMs = pollingIntervalSeconds(timing) * 1000;
  const workers = new Map<string, Worker>();
  /** Jobs whose handler is running, so stop can wait for them or fail them. */
  const inFlight = new Map<string, { row: JobRow; done: Promise<void> }>();
  /** Jobs failed by stop while their handler still ran: whatever the handler does later is no longer recorded. */
  const abandoned = new Set<string>();
  let state: 'new' | 'started' | 'stopping' | 'stopped' = 'new';
  let pollTimer: NodeJS.Timeout | undefined;
  let purgeTimer: NodeJS.Timeout | undefined;

  const info = (row: JobRow): JobInfo => ({ id: row.id, name: row.name, attempt: row.retry_count + 1, lastAttempt: row.retry_count >= row.retry_limit });

  async function fail(row: Pick<JobRow, 'id' | 'retry_count' | 'retry_delay' | 'retry_backoff'>, err: unknown) {
    return failJob(db, row.id, errorMessage(err), retryDelaySeconds(row.retry_count, row.retry_delay, row.retry_backoff));
  }

  async function run(worker: Worker, row: JobRow): Promise<void> {
    const job = info(row);
    try {
      await withTimeout(worker.handler(row.data as JobData, job), row.expire_seconds * 1000, `Job ${row.name}`);
      if (!abandoned.has(row.id)) await completeJob(db, row.id);
    } catch (err) {
      if (abandoned.has(row.id)) return;
      logFailure(log, job, err);
      await fail(row, err);
    }
  }

  async function poll(worker: Worker): Promise<void> {
    if (state !== 'started') return;
    if (worker.polling) {
      worker.again = true;
      return;
    }
    worker.polling = true;
    try {
      do {
        worker.again = false;
        while (state === 'started' && worker.running < worker.concurrency) {
          const row = await db.transaction().execute((trx) => claimJob(trx, worker.name));
          if (!row) break;
          worker.running++;
          const done = run(worker, row)
            .catch((err) => log.error({ err, job: { id: row.id, name: row.name } }, `Job ${row.name}: could not record its outcome`))
            .finally(() => {
              worker.running--;
              inFlight.delete(row.id);
              // A slot is free: due jobs need not wait for the next tick.
              void poll(worker);
            });
          inFlight.set(row.id, { row, done });
        }
      } while (worker.again && state === 'started');
    } catch (err) {
      log.error({ err }, `Job queue: polling ${worker.name} failed`);
    } finally {
      worker.polling = false;
    }
  }

  const pollAll = () => {
    for (const worker of workers.values()) void poll(worker);
  };

  const purge = () => {
    purgeFinishedJobs(db).catch((err) => log.error({ err }, 'Job queue: purging finished jobs failed'));
  };

  return {
    kind: 'pglite',

    async start() {
      if (state !== 'new') return;
      // Only one process uses the embedded database, and this one has not run anything yet: every active job was
      // cut off (crash, kill -9) and counts as a failed attempt, as pg-boss's expiry would count it.
      for (const row of await activeJobs(db)) {
        const outcome = await fail(row, new Error('the process stopped while the job ran'));
        log.warn(
          { job: { id: row.id, name: row.name } },
          `Job ${row.name} was cut off by a restart; ${outcome === 'retry' ? 'it will be retried' : 'no retries left'}`,
        );
      }
      state = 'started';
      pollTimer = setInterval(pollAll, intervalMs);
      purgeTimer = setInterval(purge, PURGE_EVERY_MS);
      purge();
      pollAll();
    },

    async send<Data extends JobData>(job: JobType<Data>, data: NoInfer<Data>, options: SendOptions = {}) {
      if (state !== 'started') throw new Error(`Job queue not started: cannot send ${job.name}`);
      const o = resolveOptions(job, data, options);
      const id = await insertJob(options.transaction ?? db, { name: job.name, organizationId: data.organizationId, data, ...o });
      // Due now and committed: run it without waiting for the tick. (In a transaction it is not visible yet.)
      const worker = workers.get(job.name);
      if (id && worker && !options.transaction && o.startAfter.getTime() <= Date.now()) void poll(worker);
      return id;
    },

    async work<Data extends JobData>(job: JobType<Data>, handler: JobHandler<NoInfer<Data>>, options: WorkOptions = {}) {
      if (workers.has(job.name)) throw new Error(`Job ${job.name} already has a handler`);
      const concurrency = options.concurrency ?? 1;
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`Job ${job.name}: concurrency must be a whole number ≥ 1`);
      const worker: Worker = { name: job.name, handler: handler as JobHandler<JobData>, concurrency, running: 0, polling: false, again: false };
      workers.set(job.name, worker);
      void poll(worker);
    },

    async cancel(job, id) {
      return isJobId(id) && cancelJob(db, job.name, id);
    },

    async stop(options: StopOptions = {}) {
      if (state !== 'started') {
        state = 'stopped';
        return;
      }
      state = 'stopping';
      clearInterval(pollTimer);
      clearInterval(purgeTimer);
      if ((options.graceful ?? true) && inFlight.size > 0) {
        const all = Promise.allSettled([...inFlight.values()].map((j) => j.done));
        await withTimeout(all, Math.max(0, options.timeoutMs ?? 30_000), 'Stopping the job queue').catch(() => {});
      }
      // Handlers still running are abandoned: their jobs count a failed attempt and run again after the restart.
      for (const { row } of inFlight.values()) {
        abandoned.add(row.id);
        await fail(row, new Error('the queue stopped while the job ran'));
      }
      state = 'stopped';
    },
  };
}
