import { sql } from 'kysely';
import type { Db } from '../db/connect';

// What the outbox keeps about a person, and how long: the data export lists the mails to an address, an account's
// deletion removes them, and the retention job deletes sent mail after the configured days.

export function mailsTo(db: Db, organizationId: number, address: string) {
  return db
    .selectFrom('outbox')
    .select(['subject', 'text_body', 'created_at', 'sent_at'])
    .where('organization_id', '=', organizationId)
    .where('to_address', '=', address)
    .orderBy('id')
    .execute();
}

/** Every mail to the address, sent or still waiting: a deleted account gets no more mail and leaves none behind. */
export async function forgetMailTo(db: Db, organizationId: number, address: string): Promise<number> {
  const r = await db.deleteFrom('outbox').where('organization_id', '=', organizationId).where('to_address', '=', address).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Mail sent longer ago than `days` (address and text); mail not yet sent is kept until it is. */
export async function purgeSentMail(db: Db, days: number): Promise<number> {
  const r = await db
    .deleteFrom('outbox')
    .where('sent_at', 'is not', null)
    .where('sent_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
