import type { Db, Trx } from '../../platform/db/connect';

// Accessibility feedback may carry the sender's address (for an answer): the one personal trace this module keeps.

export function feedbackFrom(db: Db, organizationId: number, email: string) {
  return db
    .selectFrom('accessibility_feedback')
    .select(['page_url', 'message', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('email', '=', email)
    .orderBy('id')
    .execute();
}

/** The message stays for the accessibility work without the address (keep), or goes. */
export async function forgetFeedbackAddress(trx: Trx, organizationId: number, email: string, keep: boolean): Promise<number> {
  if (keep) {
    const r = await trx
      .updateTable('accessibility_feedback')
      .set({ email: null })
      .where('organization_id', '=', organizationId)
      .where('email', '=', email)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
  const r = await trx.deleteFrom('accessibility_feedback').where('organization_id', '=', organizationId).where('email', '=', email).executeTakeFirst();
  return Number(r.numDeletedRows);
}
