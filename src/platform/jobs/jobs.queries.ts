import { type Generated, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from '../../db-schema';
import type { Json } from './queue';

// The embedded queue's SQL (table from migration 0010). The table is the platform's own, read only here, so its
// type is added locally instead of to the shared schema type.

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface JobsTable {
  id: Generated<string>;
  organization_id: number;
  name: string;
  data: Json;
  state: Generated<JobState>;
  singleton_key: string | null;
  start_after: Date;
  retry_limit: number;
  retry_delay: number;
  retry_backoff: boolean;
  retry_count: Generated<number>;
  expire_seconds: number;
  started_at: Date | null;
  completed_at: Date | null;
  created_at: Generated<Date>;
  last_error: string | null;
}
export type JobRow = Selectable<JobsTable>;

type AnyDb = Kysely<Database> | Transaction<Database>;
const jobs = (db: AnyDb) => db.withTables<{ jobs: JobsTable }>();

export interface NewJob {
  organizationId: number;
  name: string;
  data: Json;
  startAfter: Date;
  singletonKey: string | null;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
}

/** The new job's id, or null when a waiting job with the same singleton key exists (the partial unique index). */
export async function insertJob(db: AnyDb, job: NewJob): Promise<string | null> {
  const row = await jobs(db)
    .insertInto('jobs')
    .values({
      organization_id: job.organizationId,
      name: job.name,
      data: JSON.stringify(job.data),
      singleton_key: job.singletonKey,
      start_after: job.startAfter,
      retry_limit: job.retryLimit,
      retry_delay: job.retryDelay,
      retry_backoff: job.retryBackoff,
      expire_seconds: job.expireInSeconds,
      started_at: null,
      completed_at: null,
      last_error: null,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Claims the oldest due job of one kind: one statement with SKIP LOCKED, as pg-boss does. A job that ran before
 * (started_at set) counts a retry when it is claimed again.
 */
export async function claimJob(trx: Transaction<Database>, name: string): Promise<JobRow | undefined> {
  return jobs(trx)
    .updateTable('jobs')
    .set({
      state: 'active',
      started_at: sql<Date>`now()`,
      retry_count: sql<number>`CASE WHEN started_at IS NOT NULL THEN retry_count + 1 ELSE retry_count END`,
    })
    .where('id', '=', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('name', '=', name)
        .where('state', 'in', ['created', 'retry'])
        .where('start_after', '<=', sql<Date>`now()`)
        .orderBy('created_at')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .executeTakeFirst();
}

/** Only an active job completes: a job cancelled while its handler ran stays cancelled. */
export async function completeJob(db: AnyDb, id: string): Promise<void> {
  await jobs(db).updateTable('jobs').set({ state: 'completed', completed_at: sql<Date>`now()` }).where('id', '=', id).where('state', '=', 'active').execute();
}

/**
 * A failed attempt: retried after `delaySeconds` while retries are left, otherwise failed for good. Like pg-boss,
 * a retry gives way to a newer waiting job with the same singleton key (that job does the same work), so the
 * failure is final then. Returns the new state, or null when the job had finished meanwhile (cancelled).
 */
export async function failJob(db: AnyDb, id: string, error: string, delaySeconds: number): Promise<JobState | null> {
  const { rows } = await sql<{ state: JobState }>`
    UPDATE jobs j SET
      state = CASE WHEN f.retry THEN 'retry' ELSE 'failed' END,
      start_after = CASE WHEN f.retry THEN now() + make_interval(secs => ${delaySeconds}) ELSE j.start_after END,
      completed_at = CASE WHEN f.retry THEN NULL ELSE now() END,
      last_error = ${error}
    FROM (
      SELECT id, retry_count < retry_limit AND NOT EXISTS (
        SELECT 1 FROM jobs o WHERE o.name = jobs.name AND o.singleton_key = jobs.singleton_key AND o.state IN ('created', 'retry') AND o.id <> jobs.id
      ) AS retry
      FROM jobs WHERE id = ${id}
    ) f
    WHERE j.id = f.id AND j.state IN ('created', 'retry', 'active')
    RETURNING j.state`.execute(db);
  return rows[0]?.state ?? null;
}

export async function cancelJob(db: AnyDb, name: string, id: string): Promise<boolean> {
  const result = await jobs(db)
    .updateTable('jobs')
    .set({ state: 'cancelled', completed_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('name', '=', name)
    .where('state', 'in', ['created', 'retry', 'active'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Jobs marked active. The embedded database has exactly one process, so at start every one of them was cut off. */
export async function activeJobs(db: AnyDb): Promise<Array<Pick<JobRow, 'id' | 'name' | 'retry_count' | 'retry_delay' | 'retry_backoff'>>> {
  return jobs(db).selectFrom('jobs').select(['id', 'name', 'retry_count', 'retry_delay', 'retry_backoff']).where('state', '=', 'active').execute();
}

/** pg-boss keeps finished jobs about a week (12 h in its job table, then 7 days archived); failed ones we keep a month in both. */
export async function purgeFinishedJobs(db: AnyDb): Promise<number> {
  const result = await jobs(db)
    .deleteFrom('jobs')
    .where((eb) =>
      eb.or([
        eb.and([eb('state', 'in', ['completed', 'cancelled']), eb('completed_at', '<', sql<Date>`now() - interval '7 days'`)]),
        eb.and([eb('state', '=', 'failed'), eb('completed_at', '<', sql<Date>`now() - interval '30 days'`)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findJob(db: AnyDb, id: string): Promise<JobRow | undefined> {
  return jobs(db).selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}
