import { sql } from 'kysely';
import type PgBoss from 'pg-boss';
import type { Db } from '../db/connect';
import type { JobRow } from './jobs.queries';
import { pgBossTransaction } from './pgboss-db';

// Jobs in backups. A backup carries the jobs that have not finished (a reminder due next week must still come
// after a restore) and not the finished ones (history, like sessions, has no use in another instance). It
// carries them in one form whatever the database: rows of the embedded queue's table `jobs`. On PostgreSQL the
// waiting jobs live in pg-boss's schema and are written out in that form; after a restore into PostgreSQL the
// rows sit in `jobs` until the pg-boss queue starts and hands them to pg-boss. A demo on PGlite can thus move to a
// server (and back) with its waiting jobs. A handler may therefore run late, long after its time: it checks the
// state it acts on (docs/jobs.md).

const UNFINISHED = `state IN ('created', 'retry', 'active')`;

async function hasPgBoss(db: Db): Promise<boolean> {
  const { rows } = await sql<{ present: boolean }>`SELECT to_regclass('pgboss.job') IS NOT NULL AS present`.execute(db);
  return rows[0]?.present === true;
}

/**
 * The backup's lines for the table `jobs`: unfinished jobs of both queues as row_to_json of `jobs` rows, in id
 * order. backup.ts uses this for the dump and the checksums alike, so a restored instance compares equal.
 */
export async function jobBackupLines(db: Db): Promise<string[]> {
  // pg-boss's columns mapped onto ours (same meaning, pg-boss's names); the city is in the job's data.
  const fromPgBoss = (await hasPgBoss(db))
    ? sql`UNION ALL
      SELECT id, (data->>'organizationId')::int, name, data, state::text, singleton_key, start_after, retry_limit, retry_delay,
             retry_backoff, retry_count, GREATEST(1, extract(epoch FROM expire_in)::int), started_on, completed_on, created_on, output->>'message'
      FROM pgboss.job WHERE state < 'completed' AND NOT starts_with(name, '__pgboss__')`
    : sql``;
  const { rows } = await sql<{ j: string }>`
    SELECT row_to_json(t)::text AS j FROM (
      SELECT * FROM jobs WHERE ${sql.raw(UNFINISHED)}
      ${fromPgBoss}
    ) t ORDER BY t.id`.execute(db);
  return rows.map((r) => r.j);
}

/**
 * On PostgreSQL, rows in `jobs` come only from a restored backup. Unfinished ones go to pg-boss (due ones at once,
 * ids kept so a second process doing the same inserts nothing), the table is emptied. Returns how many moved.
 */
export async function handOverRestoredJobs(db: Db, boss: PgBoss, ensureQueue: (name: string) => Promise<void>): Promise<number> {
  const { rows: names } = await sql<{ name: string }>`SELECT DISTINCT name FROM jobs WHERE ${sql.raw(UNFINISHED)}`.execute(db);
  if (names.length === 0) {
    await sql`DELETE FROM jobs`.execute(db);
    return 0;
  }
  for (const { name } of names) await ensureQueue(name);
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<JobRow>`SELECT * FROM jobs WHERE ${sql.raw(UNFINISHED)} ORDER BY created_at, id FOR UPDATE`.execute(trx);
    const now = Date.now();
    await boss.insert(
      rows.map((r) => ({
        id: r.id,
        name: r.name,
        data: r.data as object,
        startAfter: new Date(Math.max(new Date(r.start_after).getTime(), now)).toISOString(),
        singletonKey: r.singleton_key ?? undefined,
        retryLimit: r.retry_limit,
        retryDelay: r.retry_delay,
        retryBackoff: r.retry_backoff,
        expireInSeconds: r.expire_seconds,
      })),
      { db: pgBossTransaction(trx) },
    );
    await sql`DELETE FROM jobs`.execute(trx);
    return rows.length;
  });
}
