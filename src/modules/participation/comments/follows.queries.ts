import { sql } from 'kysely';
import type { Db } from '../../../platform/db/connect';

// The SQL of follows and of the items' public news (migration 0030). The digest job's own SQL is in
// digest.queries.ts.

export interface ItemRef {
  organizationId: number;
  kind: string;
  itemId: number;
}

/**
 * Follows once (a second call changes nothing). News from before the follow is not told: the pointer starts at
 * the item's newest event. The follower's digest row is made here too, so the digest job has a row to lock.
 */
export async function addFollow(db: Db, ref: ItemRef, userId: number, tokenHash: string): Promise<void> {
  await db
    .insertInto('participation_follows')
    .values({
      organization_id: ref.organizationId,
      item_kind: ref.kind,
      item_id: ref.itemId,
      user_id: userId,
      unsubscribe_token_hash: tokenHash,
      last_event_id: sql<number>`(SELECT coalesce(max(id), 0) FROM participation_item_events
        WHERE organization_id = ${ref.organizationId} AND item_kind = ${ref.kind} AND item_id = ${ref.itemId})`,
    })
    .onConflict((oc) => oc.columns(['organization_id', 'item_kind', 'item_id', 'user_id']).doNothing())
    .execute();
  await db
    .insertInto('participation_digests')
    .values({ organization_id: ref.organizationId, user_id: userId, last_sent_at: null })
    .onConflict((oc) => oc.columns(['organization_id', 'user_id']).doNothing())
    .execute();
}

export async function removeFollow(db: Db, ref: ItemRef, userId: number): Promise<void> {
  await db
    .deleteFrom('participation_follows')
    .where('organization_id', '=', ref.organizationId)
    .where('item_kind', '=', ref.kind)
    .where('item_id', '=', ref.itemId)
    .where('user_id', '=', userId)
    .execute();
}

export async function isFollowing(db: Db, ref: ItemRef, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('participation_follows')
    .select('user_id')
    .where('organization_id', '=', ref.organizationId)
    .where('item_kind', '=', ref.kind)
    .where('item_id', '=', ref.itemId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The follow a verified unsubscribe link stands for. */
export function followByTokenHash(db: Db, organizationId: number, tokenHash: string) {
  return db
    .selectFrom('participation_follows')
    .select(['item_kind', 'item_id', 'user_id'])
    .where('organization_id', '=', organizationId)
    .where('unsubscribe_token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function removeFollowByTokenHash(db: Db, organizationId: number, tokenHash: string): Promise<boolean> {
  const r = await db
    .deleteFrom('participation_follows')
    .where('organization_id', '=', organizationId)
    .where('unsubscribe_token_hash', '=', tokenHash)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Public news about an item, in the caller's transaction (with the change it reports). */
export async function insertItemEvent(db: Db, ref: ItemRef, type: string, data: unknown, actorUserId: number | null): Promise<void> {
  await db
    .insertInto('participation_item_events')
    .values({
      organization_id: ref.organizationId,
      item_kind: ref.kind,
      item_id: ref.itemId,
      event_type: type,
      data: JSON.stringify(data ?? {}),
      actor_user_id: actorUserId,
    })
    .execute();
}

/** One page of what a person follows, newest follow first, and how many there are. */
export async function followsPage(db: Db, organizationId: number, userId: number, page: number, perPage: number) {
  const base = db.selectFrom('participation_follows').where('organization_id', '=', organizationId).where('user_id', '=', userId);
  const total = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['item_kind', 'item_id', 'created_at'])
    .orderBy('created_at', 'desc')
    .orderBy('item_id', 'desc')
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
  return { rows, total: total.n };
}
