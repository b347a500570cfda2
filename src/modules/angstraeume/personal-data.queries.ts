import type { Db, Trx } from '../../platform/db/connect';

// What the Angsträume module keeps about one resident besides the questionnaires (platform surveys): safety ratings.

export function ratingsOf(db: Db, organizationId: number, userId: number) {
  return db
    .selectFrom('safety_ratings')
    .select(['report_id', 'day', 'night', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

/** Ratings stay in the places' statistics without the account (keep), or are deleted; the 30-day gate goes either way. */
export async function forgetRatings(trx: Trx, organizationId: number, userId: number, keep: boolean): Promise<number> {
  await trx.deleteFrom('safety_rating_slots').where('organization_id', '=', organizationId).where('user_id', '=', userId).execute();
  if (keep) {
    const r = await trx
      .updateTable('safety_ratings')
      .set({ user_id: null })
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
  const r = await trx.deleteFrom('safety_ratings').where('organization_id', '=', organizationId).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}
