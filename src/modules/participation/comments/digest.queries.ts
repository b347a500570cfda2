import { sql } from 'kysely';
import type { Db, Trx } from '../../../platform/db/connect';

// The SQL of the participation digest (digest.ts): one mail per follower with the news of every item they follow,
// at most once a day (or a week, as their account's mail setting says; 'immediately' counts as daily here).

/** Over the digest row `d` and the account's settings `s`: the follower's period has passed (ten minutes early is close enough). */
const periodOver = sql<boolean>`(d.last_sent_at IS NULL OR d.last_sent_at <= now() - (CASE WHEN s.digest = 'weekly' THEN interval '7 days' ELSE interval '1 day' END - interval '10 minutes'))`;

/** News someone else made on a followed item (`f`), not told yet. */
const hasNews = sql<boolean>`EXISTS (SELECT 1 FROM participation_follows f
  JOIN participation_item_events e ON e.organization_id = f.organization_id AND e.item_kind = f.item_kind AND e.item_id = f.item_id
    AND e.id > f.last_event_id
  WHERE f.organization_id = d.organization_id AND f.user_id = d.user_id AND e.actor_user_id IS DISTINCT FROM f.user_id)`;

/** Followers of every city whose digest is due and who have news (checked again under the lock). */
export async function dueParticipationDigests(db: Db, limit: number) {
  const result = await sql<{ organization_id: number; user_id: number }>`
    SELECT d.organization_id, d.user_id
    FROM participation_digests d
    LEFT JOIN account_mail_settings s ON s.organization_id = d.organization_id AND s.user_id = d.user_id
    WHERE ${periodOver} AND ${hasNews}
    ORDER BY d.last_sent_at NULLS FIRST, d.user_id
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** The follower's digest row, locked for this transaction; undefined when another process has it or it is not due. */
export async function lockDueParticipationDigest(trx: Trx, organizationId: number, userId: number) {
  const result = await sql<{ email: string; locale: string | null; digest: 'daily' | 'weekly' }>`
    SELECT u.email, u.locale, CASE WHEN s.digest = 'weekly' THEN 'weekly' ELSE 'daily' END AS digest
    FROM participation_digests d
    JOIN users u ON u.id = d.user_id AND u.organization_id = d.organization_id
    LEFT JOIN account_mail_settings s ON s.organization_id = d.organization_id AND s.user_id = d.user_id
    WHERE d.organization_id = ${organizationId} AND d.user_id = ${userId} AND u.disabled_at IS NULL AND ${periodOver}
    FOR UPDATE OF d SKIP LOCKED`.execute(trx);
  return result.rows[0];
}

/** The follower's follows, with the news after each pointer (oldest first); `gone`: its comment is hidden or deleted. */
export async function followsWithNews(trx: Trx, organizationId: number, userId: number) {
  const follows = await trx
    .selectFrom('participation_follows')
    .select(['item_kind', 'item_id', 'last_event_id', 'unsubscribe_token_hash'])
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .orderBy('item_kind')
    .orderBy('item_id')
    .execute();
  const events =
    follows.length === 0
      ? []
      : await trx
          .selectFrom('participation_item_events as e')
          .innerJoin('participation_follows as f', (j) =>
            j
              .onRef('f.organization_id', '=', 'e.organization_id')
              .onRef('f.item_kind', '=', 'e.item_kind')
              .onRef('f.item_id', '=', 'e.item_id')
              .onRef('e.id', '>', 'f.last_event_id'),
          )
          .select([
            'e.id',
            'e.item_kind',
            'e.item_id',
            'e.event_type',
            'e.data',
            'e.actor_user_id',
            // A comment hidden or deleted since is not announced (its news would lead to a comment nobody can read).
            sql<boolean>`EXISTS (SELECT 1 FROM participation_comments c
              WHERE c.organization_id = e.organization_id AND c.id::text = e.data->>'commentId'
                AND (c.hidden_at IS NOT NULL OR c.removed_at IS NOT NULL))`.as('gone'),
          ])
          .where('e.organization_id', '=', organizationId)
          .where('f.user_id', '=', userId)
          .orderBy('e.id')
          .execute();
  return { follows, events };
}

export async function moveFollowPointer(trx: Trx, organizationId: number, userId: number, kind: string, itemId: number, to: number): Promise<void> {
  await trx
    .updateTable('participation_follows')
    .set({ last_event_id: to })
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('item_kind', '=', kind)
    .where('item_id', '=', itemId)
    .where('last_event_id', '<', to)
    .execute();
}

export async function markParticipationDigestSent(trx: Trx, organizationId: number, userId: number): Promise<void> {
  await trx
    .updateTable('participation_digests')
    .set({ last_sent_at: sql<Date>`now()` })
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .execute();
}

export async function cityName(db: Db, organizationId: number): Promise<string> {
  const row = await db.selectFrom('organizations').select('name').where('id', '=', organizationId).executeTakeFirstOrThrow();
  return row.name;
}
