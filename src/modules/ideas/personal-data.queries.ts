import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/connect';

// What the ideas module keeps about one resident, for the data export and the account's deletion: the ideas they
// submitted (with the public history and photos) and the ideas they support.

export function ideasOf(db: Db, organizationId: number, userId: number) {
  return db
    .selectFrom('ideas as i')
    .leftJoin('districts as d', 'd.id', 'i.district_id')
    .select([
      'i.id',
      'i.title',
      'i.description',
      'i.topic',
      'd.name as district',
      'i.lat',
      'i.lon',
      'i.status',
      'i.reason',
      'i.answer',
      'i.supporters_count',
      'i.merged_into_id',
      'i.created_at',
      'i.updated_at',
      'i.answered_at',
    ])
    .where('i.organization_id', '=', organizationId)
    .where('i.author_user_id', '=', userId)
    .orderBy('i.id')
    .execute();
}

/** The history as the idea page shows it: without who on the staff acted. */
export function eventsOf(db: Db, organizationId: number, ideaIds: number[]) {
  if (ideaIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('idea_events')
    .select(['idea_id', 'kind', 'to_status', 'text', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('idea_id', 'in', ideaIds)
    .orderBy('idea_id')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function photosOf(db: Db, organizationId: number, ideaIds: number[]) {
  if (ideaIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('idea_photos')
    .select(['idea_id', 'storage_key', 'width', 'height'])
    .where('organization_id', '=', organizationId)
    .where('idea_id', 'in', ideaIds)
    .orderBy('idea_id')
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

export function supportsOf(db: Db, organizationId: number, userId: number) {
  return db
    .selectFrom('idea_supporters as s')
    .innerJoin('ideas as i', (j) => j.onRef('i.id', '=', 's.idea_id').onRef('i.organization_id', '=', 's.organization_id'))
    .select(['s.idea_id', 'i.title', 's.created_at'])
    .where('s.organization_id', '=', organizationId)
    .where('s.user_id', '=', userId)
    .orderBy('s.created_at')
    .execute();
}

// ---------------------------------------------------------------------------------------------------------
// Erasure, in the deletion's transaction.

/** Deletes whole ideas (photos, events and supporters go by cascade); returns their photos' keys. */
export async function deleteIdeas(trx: Trx, organizationId: number, ideaIds: number[]): Promise<string[]> {
  if (ideaIds.length === 0) return [];
  const photos = await trx
    .selectFrom('idea_photos')
    .select('storage_key')
    .where('organization_id', '=', organizationId)
    .where('idea_id', 'in', ideaIds)
    .execute();
  // Other people's ideas merged into these lose the pointer (the foreign key has no action), not their content.
  await trx
    .updateTable('ideas')
    .set({ merged_into_id: null })
    .where('organization_id', '=', organizationId)
    .where('merged_into_id', 'in', ideaIds)
    .where('id', 'not in', ideaIds)
    .execute();
  await trx.deleteFrom('ideas').where('organization_id', '=', organizationId).where('id', 'in', ideaIds).execute();
  return photos.map((p) => p.storage_key);
}

/** The ideas stay as public contributions without their author. */
export async function anonymiseIdeas(trx: Trx, organizationId: number, userId: number): Promise<number> {
  const r = await trx
    .updateTable('ideas')
    .set({ author_user_id: null })
    .where('organization_id', '=', organizationId)
    .where('author_user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** History entries the person caused (e.g. "submitted") stay, without the account. */
export async function forgetActor(trx: Trx, organizationId: number, userId: number): Promise<void> {
  await trx.updateTable('idea_events').set({ actor_user_id: null }).where('organization_id', '=', organizationId).where('actor_user_id', '=', userId).execute();
}

/**
 * A support stays counted, but no longer as this person's: a random key, no account. (Left with the account, the
 * row would go by the foreign key's cascade when the account is deleted, and the counter would be one too high.)
 */
export async function anonymiseSupports(trx: Trx, organizationId: number, userId: number): Promise<number> {
  const r = await trx
    .updateTable('idea_supporters')
    .set({ user_id: null, supporter_key: sql<string>`'anonym:' || gen_random_uuid()::text` })
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Removes the person's supports and takes each off its idea's counter. */
export async function removeSupports(trx: Trx, organizationId: number, userId: number): Promise<number> {
  const removed = await trx
    .deleteFrom('idea_supporters')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .returning('idea_id')
    .execute();
  // One row per idea and account (the key is the account's), so each counter moves by exactly one.
  if (removed.length > 0)
    await trx
      .updateTable('ideas')
      .set((eb) => ({ supporters_count: sql<number>`greatest(${eb.ref('supporters_count')} - 1, 0)` }))
      .where('organization_id', '=', organizationId)
      .where(
        'id',
        'in',
        removed.map((r) => r.idea_id),
      )
      .execute();
  return removed.length;
}
