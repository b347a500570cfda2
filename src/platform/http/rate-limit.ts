import { sql } from 'kysely';
import type { Db } from '../db/connect';
import { AppError } from './errors';

export interface Limit {
  /** e.g. 'login:ip' — names the counter in the shared table. */
  name: string;
  max: number;
  windowSeconds: number;
}

/**
 * Fixed-window counter in the database, so every app process sees the same count. One round trip:
 * the upsert resets an expired window and counts this hit in the same statement. `amount` lets one request
 * count for several units (five photos in one form are five photos).
 */
export async function hit(db: Db, limit: Limit, subject: string, amount = 1): Promise<{ allowed: boolean; retryAfter: number }> {
  const key = `${limit.name}:${subject}`;
  const window = `${limit.windowSeconds} seconds`;
  const row = await sql<{ count: number; window_start: Date; now: Date }>`
    INSERT INTO rate_limits AS r (key, window_start, count) VALUES (${key}, now(), ${amount}::int)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN r.window_start + ${window}::interval <= now() THEN ${amount}::int ELSE r.count + ${amount}::int END,
      window_start = CASE WHEN r.window_start + ${window}::interval <= now() THEN now() ELSE r.window_start END
    RETURNING count, window_start, now() AS now`.execute(db);
  const { count, window_start, now } = row.rows[0]!;
  if (count <= limit.max) return { allowed: true, retryAfter: 0 };
  const ends = new Date(window_start).getTime() + limit.windowSeconds * 1000;
  return { allowed: false, retryAfter: Math.max(1, Math.ceil((ends - new Date(now).getTime()) / 1000)) };
}

/** Counts `amount` hits against each (limit, subject) pair and throws 429 when any is exhausted. */
export async function enforce(db: Db, checks: Array<[Limit, string]>, amount = 1): Promise<void> {
  let retryAfter = 0;
  for (const [limit, subject] of checks) {
    const result = await hit(db, limit, subject, amount);
    if (!result.allowed) retryAfter = Math.max(retryAfter, result.retryAfter);
  }
  if (retryAfter > 0) throw new AppError('rate_limited', { retryAfterSeconds: retryAfter });
}

/** Forgets a counter, e.g. a sign-in lock once the account's owner has proven who they are another way. */
export async function clearLimit(db: Db, limit: Limit, subject: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', `${limit.name}:${subject}`).execute();
}

/** Counters whose window began more than `hours` ago (RETENTION_RATE_LIMIT_HOURS, at least a day: longer than any window). */
export async function purgeExpiredRateLimits(db: Db, hours = 24): Promise<number> {
  const r = await db.deleteFrom('rate_limits').where('window_start', '<', sql<Date>`now() - make_interval(hours => ${hours})`).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * Forgets the counters of the given subjects in every limit (keys end in `:<subject>`), e.g. the hash of a deleted
 * account's address. Compared by suffix, not LIKE: base64url hashes contain "_", which LIKE reads as a wildcard.
 */
export async function forgetRateLimitSubjects(db: Db, subjects: string[]): Promise<number> {
  let removed = 0;
  for (const subject of subjects) {
    const suffix = `:${subject}`;
    const r = await db.deleteFrom('rate_limits').where(sql<boolean>`right(key, ${suffix.length}::int) = ${suffix}`).executeTakeFirst();
    removed += Number(r.numDeletedRows);
  }
  return removed;
}
