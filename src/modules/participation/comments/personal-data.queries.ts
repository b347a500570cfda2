import { sql } from 'kysely';
import type { Db, Trx } from '../../../platform/db/connect';

// What the comments feature keeps about a resident, for their data export and their account's deletion.

export function commentsOf(db: Db, organizationId: number, userId: number) {
  return db
    .selectFrom('participation_comments')
    .select(['id', 'item_kind', 'item_id', 'parent_id', 'show_name', 'body', 'official', 'created_at', 'edited_at', 'hidden_at', 'hidden_reason'])
    .where('organization_id', '=', organizationId)
    .where('author_id', '=', userId)
    .orderBy('id')
    .execute();
}

export function flagsOf(db: Db, organizationId: number, userId: number) {
  return db
    .selectFrom('participation_comment_flags')
    .select(['comment_id', 'reason', 'created_at', 'resolved_at', 'resolution'])
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

export function followsOf(db: Db, organizationId: number, userId: number) {
  return db
    .selectFrom('participation_follows')
    .select(['item_kind', 'item_id', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

/** The comments stay as "Anwohner*in": no account, no name. */
export async function anonymiseComments(trx: Trx, organizationId: number, userId: number): Promise<number> {
  const r = await trx
    .updateTable('participation_comments')
    .set({ author_id: null, show_name: false })
    .where('organization_id', '=', organizationId)
    .where('author_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The text goes; the place in the thread stays ("Dieser Kommentar wurde gelöscht."), so replies keep their context. */
export async function removeComments(trx: Trx, organizationId: number, userId: number): Promise<number> {
  const r = await trx
    .updateTable('participation_comments')
    .set({ author_id: null, show_name: false, body: '', removed_at: sql<Date>`now()` })
    .where('organization_id', '=', organizationId)
    .where('author_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Flags, follows and the digest clock end with the account; the person's part in events is forgotten. */
export async function forgetParticipant(trx: Trx, organizationId: number, userId: number) {
  const flags = await trx
    .deleteFrom('participation_comment_flags')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const follows = await trx.deleteFrom('participation_follows').where('organization_id', '=', organizationId).where('user_id', '=', userId).executeTakeFirst();
  await trx.deleteFrom('participation_digests').where('organization_id', '=', organizationId).where('user_id', '=', userId).execute();
  await trx
    .updateTable('participation_item_events')
    .set({ actor_user_id: null })
    .where('organization_id', '=', organizationId)
    .where('actor_user_id', '=', userId)
    .execute();
  return { flags: Number(flags.numDeletedRows), follows: Number(follows.numDeletedRows) };
}
