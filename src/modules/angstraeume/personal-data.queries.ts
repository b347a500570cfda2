import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/connect';

// What the Angsträume module keeps about one resident: safety ratings of places and the "do you feel safer?" answers.

export function ratingsOf(db: Db, organizationId: number, userId: number) {
  return db
    .selectFrom('safety_ratings')
    .select(['report_id', 'day', 'night', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

export function safetyQuestionnairesOf(db: Db, organizationId: number, email: string) {
  return db
    .selectFrom('angstraum_questionnaires')
    .select(['report_id', 'due_at', 'sent_at', 'answered_at', 'answer', 'comment'])
    .where('organization_id', '=', organizationId)
    .where('email', '=', email)
    .orderBy('id')
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

/** Unanswered questionnaires go; answered ones keep their answer under a placeholder (keep) or go too. */
export async function forgetSafetyQuestionnaires(trx: Trx, organizationId: number, email: string, keep: boolean): Promise<number> {
  const mine = trx.deleteFrom('angstraum_questionnaires').where('organization_id', '=', organizationId).where('email', '=', email);
  const deleted = await (keep ? mine.where('answered_at', 'is', null) : mine).executeTakeFirst();
  if (!keep) return Number(deleted.numDeletedRows);
  const r = await trx
    .updateTable('angstraum_questionnaires')
    .set({ email: sql<string>`'anonym:' || id::text` })
    .where('organization_id', '=', organizationId)
    .where('email', '=', email)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) + Number(r.numUpdatedRows);
}
