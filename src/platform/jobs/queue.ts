import type { Transaction } from 'kysely';
import type { Database } from '../../db-schema';

// One-off delayed jobs (a reminder before a booking, a digest, photo work after an upload) behind one interface,
// run by pg-boss on PostgreSQL and by a table in the embedded database (see docs/jobs.md). Periodic work stays
// with the scheduler (scheduler.ts).

/** What a job's data may hold: it is stored as JSON, so a Date would come back as a string and is refused here. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

/**
 * Every job belongs to one city: the handler needs it to scope its queries, and the embedded queue's table
 * carries it as organization_id (with a foreign key, like every other table). Declare data with `type`, not
 * `interface`: only type literals satisfy the JSON index signature.
 */
export type JobData = { organizationId: number; [key: string]: Json | undefined };

export interface RetryOptions {
  /** Attempts after the first one; 0: a failure is final. */
  retryLimit?: number;
  /** Seconds before the first retry; with back-off each retry waits about twice as long as the one before. */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** Longest a handler may run; after that the attempt counts as failed (and the job is retried). */
  expireInSeconds?: number;
}

/** A job kind: its name and data type, declared by the code that owns it (see defineJob). */
export interface JobType<Data extends JobData> {
  readonly name: string;
  readonly defaults: Required<RetryOptions>;
  /** Phantom field: carries Data for the compiler only. */
  readonly data?: Data;
}

export interface SendOptions extends RetryOptions {
  /** When the job may run: a point in time, or seconds from now. Default: at once. */
  startAfter?: Date | number;
  /**
   * At most one waiting job (not yet started, or waiting for a retry) per job kind and key: a second send
   * returns null while the first waits. Once a job runs, a new one with the key may be queued.
   */
  singletonKey?: string;
  /** Queue the job in the caller's transaction: it exists exactly when the caller's writes commit. */
  transaction?: Transaction<Database>;
}

export interface WorkOptions {
  /** Jobs of this kind run at once in this process (each with its own fetch loop). Default 1. */
  concurrency?: number;
}

export interface JobInfo {
  id: string;
  name: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  /** True when no retry follows a failure of this attempt. */
  lastAttempt: boolean;
}

export type JobHandler<Data extends JobData> = (data: Data, job: JobInfo) => Promise<void>;

export interface StopOptions {
  /** Wait for running handlers (up to timeoutMs) before stopping; otherwise they are failed at once (and retried later). */
  graceful?: boolean;
  timeoutMs?: number;
}

export interface JobQueue {
  readonly kind: 'pglite' | 'postgres';
  /** Creates what the queue needs and starts the workers registered so far. */
  start(): Promise<void>;
  /** Queues a job; returns its id, or null when a waiting job with the same singletonKey exists. */
  send<Data extends JobData>(job: JobType<Data>, data: NoInfer<Data>, options?: SendOptions): Promise<string | null>;
  /** Runs the handler for every job of this kind (from start, or at once when started). One handler per kind. */
  work<Data extends JobData>(job: JobType<Data>, handler: JobHandler<NoInfer<Data>>, options?: WorkOptions): Promise<void>;
  /** Cancels a job that has not finished; true if it was cancelled. A running handler is not interrupted, but its outcome is no longer recorded. */
  // biome-ignore lint/suspicious/noExplicitAny: any job kind; the data type plays no part in cancelling.
  cancel(job: JobType<any>, id: string): Promise<boolean>;
  stop(options?: StopOptions): Promise<void>;
}

/** pino's shape, so the app passes app.log. */
export interface JobLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const DEFAULT_RETRY: Required<RetryOptions> = { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 };

// Dots and hyphens group names by module ("reports.photo-variants"); pg-boss 10 hashes the name into its partition name.
const JOB_NAME = /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;

/**
 * Declares a job kind. Put it beside the code that sends and works it, e.g.
 * `export const reminderJob = defineJob<{ organizationId: number; bookingId: number }>('officehours.reminder')`.
 */
export function defineJob<Data extends JobData>(name: string, defaults: RetryOptions = {}): JobType<Data> {
  if (!JOB_NAME.test(name) || name.length > 50)
    throw new Error(`Job name "${name}" must be lower case letters and digits, grouped by . _ or -, at most 50 characters`);
  return { name, defaults: { ...DEFAULT_RETRY, ...defaults } };
}

/** The options a job is stored with: the kind's defaults, overridden per send; checked the same way for both queues. */
export function resolveOptions(
  job: JobType<JobData>,
  data: JobData,
  options: SendOptions,
): Required<RetryOptions> & { startAfter: Date; singletonKey: string | null } {
  if (!Number.isInteger(data.organizationId) || data.organizationId <= 0) throw new Error(`Job ${job.name}: data.organizationId must name the city`);
  const retry = {
    retryLimit: options.retryLimit ?? job.defaults.retryLimit,
    retryDelay: options.retryDelay ?? job.defaults.retryDelay,
    retryBackoff: options.retryBackoff ?? job.defaults.retryBackoff,
    expireInSeconds: options.expireInSeconds ?? job.defaults.expireInSeconds,
  };
  for (const [key, value] of Object.entries(retry)) {
    if (typeof value === 'number' && (!Number.isInteger(value) || value < 0)) throw new Error(`Job ${job.name}: ${key} must be a whole number ≥ 0`);
  }
  // pg-boss 10 refuses more than a day and less than a second.
  if (retry.expireInSeconds < 1 || retry.expireInSeconds >= 24 * 3600) throw new Error(`Job ${job.name}: expireInSeconds must be between 1 and 86399`);
  const start = options.startAfter;
  const startAfter = start instanceof Date ? start : new Date(Date.now() + Math.max(0, start ?? 0) * 1000);
  if (Number.isNaN(startAfter.getTime())) throw new Error(`Job ${job.name}: startAfter is not a valid time`);
  return { ...retry, startAfter, singletonKey: options.singletonKey ?? null };
}

/**
 * Seconds before the next attempt after `retryCount` earlier retries: pg-boss 10's formula, so both queues wait
 * alike. With back-off: between d·2^n/2 and d·2^n for n = retryCount + 1 (at least one second), random within.
 */
export function retryDelaySeconds(retryCount: number, retryDelay: number, retryBackoff: boolean, random = Math.random()): number {
  if (!retryBackoff) return retryDelay;
  const d = Math.max(1, retryDelay);
  const step = 2 ** Math.min(16, retryCount + 1) / 2;
  return d * step + d * step * random;
}

export function errorMessage(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 1000);
}

/** How often idle workers look for due jobs. Tests use the minimum. */
export interface QueueTiming {
  /** Default 2 (pg-boss's default); at least 0.5 (pg-boss's minimum). */
  pollingIntervalSeconds?: number;
}

export function pollingIntervalSeconds(timing: QueueTiming): number {
  const seconds = timing.pollingIntervalSeconds ?? 2;
  if (!(seconds >= 0.5)) throw new Error('pollingIntervalSeconds must be at least 0.5');
  return seconds;
}

/** The same log lines from both queues: a failure with a retry to come is a warning, a final one an error. */
export function logFailure(log: JobLogger, job: JobInfo, err: unknown): void {
  const context = { err, job: { id: job.id, name: job.name, attempt: job.attempt } };
  if (job.lastAttempt) log.error(context, `Job ${job.name} failed for good after ${job.attempt} attempt(s); it stays in the queue as failed`);
  else log.warn(context, `Job ${job.name} failed (attempt ${job.attempt}); it will be retried`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Job ids are UUIDs in both queues; anything else names no job (and would be an SQL error in a uuid comparison). */
export function isJobId(id: string): boolean {
  return UUID.test(id);
}

/** Rejects after `ms` unless cleared; the handler's own promise keeps running (JavaScript cannot stop it). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} ran longer than ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
