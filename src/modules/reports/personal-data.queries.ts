import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/connect';

// What the reports module keeps about one resident, for the data export and the account's deletion. A person's
// reports are those of their account and those sent with their address before they had one (same city).

export function reportsOfPerson(db: Db, organizationId: number, userId: number, email: string) {
  return db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .select([
      'r.id',
      'r.status',
      'r.close_reason',
      'c.kind',
      'c.name_de as category_de',
      'c.name_en as category_en',
      'r.description',
      'r.answers',
      'r.address',
      'r.lat',
      'r.lon',
      'r.location_precise',
      'r.reporter_name',
      'r.reporter_email',
      'r.reporter_phone',
      'r.show_name',
      'r.hidden',
      'r.supporters_count',
      'r.created_at',
      'r.confirmed_at',
      'r.updated_at',
      'r.fixed_at',
    ])
    .where('r.organization_id', '=', organizationId)
    .where((eb) => eb.or([eb('r.user_id', '=', userId), eb('r.reporter_email', '=', email)]))
    .orderBy('r.id')
    .execute();
}

/** The timeline entries a resident sees on the report pages: the public ones. */
export function publicEventsOf(db: Db, organizationId: number, reportIds: number[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('report_events')
    .select(['report_id', 'kind', 'from_status', 'to_status', 'body', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('report_id', 'in', reportIds)
    .where('public', '=', true)
    .orderBy('report_id')
    .orderBy('id')
    .execute();
}

export function photosOf(db: Db, organizationId: number, reportIds: number[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('report_photos')
    .select(['id', 'report_id', 'storage_key', 'status', 'width', 'height', 'redacted_from', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('report_id', 'in', reportIds)
    .orderBy('report_id')
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

export function supportsOf(db: Db, organizationId: number, userId: number) {
  return db
    .selectFrom('report_supporters')
    .select(['report_id', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

export function followsOf(db: Db, organizationId: number, email: string) {
  return db
    .selectFrom('report_followers')
    .select(['report_id', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('email', '=', email)
    .orderBy('created_at')
    .execute();
}

// ---------------------------------------------------------------------------------------------------------
// Erasure, in the deletion's transaction.

/** Deletes whole reports (with their photos, events, supporters, followers by cascade); returns their photos' keys. */
export async function deleteReports(trx: Trx, organizationId: number, reportIds: number[]): Promise<string[]> {
  if (reportIds.length === 0) return [];
  const photos = await trx
    .selectFrom('report_photos')
    .select('storage_key')
    .where('organization_id', '=', organizationId)
    .where('report_id', 'in', reportIds)
    .execute();
  // Other reports marked as duplicates of these lose the pointer, not their own content.
  await trx
    .updateTable('reports')
    .set({ duplicate_of: null })
    .where('organization_id', '=', organizationId)
    .where('duplicate_of', 'in', reportIds)
    .where('id', 'not in', reportIds)
    .execute();
  await trx.deleteFrom('reports').where('organization_id', '=', organizationId).where('id', 'in', reportIds).execute();
  return photos.map((p) => p.storage_key);
}

/** Keeps the reports as public contributions without anything that points to the person. */
export async function anonymiseReports(trx: Trx, organizationId: number, reportIds: number[]): Promise<void> {
  if (reportIds.length === 0) return;
  await trx
    .updateTable('reports')
    .set({
      user_id: null,
      reporter_name: '',
      reporter_email: null,
      reporter_phone: null,
      show_name: false,
      idempotency_key: null,
      // a hash over the submission that includes the address
      idempotency_fingerprint: null,
    })
    .where('organization_id', '=', organizationId)
    .where('id', 'in', reportIds)
    .execute();
}

/** Photos of the reports that were never approved for the public (waiting or hidden): rows deleted, keys returned. */
export async function deletePrivatePhotos(trx: Trx, organizationId: number, reportIds: number[]): Promise<string[]> {
  if (reportIds.length === 0) return [];
  const privatePhotos = trx
    .selectFrom('report_photos')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('report_id', 'in', reportIds)
    .where('status', '<>', 'approved');
  // A blurred copy of a hidden original stays; it only forgets where it came from.
  await trx
    .updateTable('report_photos')
    .set({ redacted_from: null })
    .where('organization_id', '=', organizationId)
    .where('redacted_from', 'in', privatePhotos)
    .execute();
  const deleted = await trx
    .deleteFrom('report_photos')
    .where('organization_id', '=', organizationId)
    .where('report_id', 'in', reportIds)
    .where('status', '<>', 'approved')
    .returning('storage_key')
    .execute();
  return deleted.map((p) => p.storage_key);
}

/** "Me too" stays counted, but no longer as this person's: a random key, no account. */
export async function anonymiseSupports(trx: Trx, organizationId: number, userId: number): Promise<number> {
  const r = await trx
    .updateTable('report_supporters')
    .set({ user_id: null, supporter_key: sql<string>`'anonym:' || gen_random_uuid()::text` })
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Removes the person's supports and takes them off each report's count. */
export async function removeSupports(trx: Trx, organizationId: number, userId: number): Promise<number> {
  const removed = await trx
    .deleteFrom('report_supporters')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .returning('report_id')
    .execute();
  for (const { report_id } of removed) {
    await trx
      .updateTable('reports')
      .set((eb) => ({ supporters_count: sql<number>`greatest(${eb.ref('supporters_count')} - 1, 0)` }))
      .where('organization_id', '=', organizationId)
      .where('id', '=', report_id)
      .execute();
  }
  return removed.length;
}

export async function forgetFollows(trx: Trx, organizationId: number, email: string): Promise<number> {
  const r = await trx.deleteFrom('report_followers').where('organization_id', '=', organizationId).where('email', '=', email).executeTakeFirst();
  return Number(r.numDeletedRows);
}
