import { sql } from 'kysely';
import type { Transporter } from 'nodemailer';
import type { NewOutboxMail } from '../../db-schema';
import type { Db } from '../db/connect';

export type Mail = Pick<NewOutboxMail, 'organization_id' | 'to_address' | 'subject' | 'text_body' | 'html_body'>;

/** Mail is written in the caller's transaction; the sender picks it up later, so nothing is lost when SMTP is down. */
export async function enqueueMail(db: Db, mail: Mail): Promise<void> {
  await db.insertInto('outbox').values(mail).execute();
}

/** Retry delays grow from one minute to six hours; a message is never dropped. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(60 * 2 ** Math.max(0, attempts - 1), 6 * 3600);
}

/**
 * Sends due mail. Rows are claimed with SKIP LOCKED so several app processes never send the same mail,
 * and each row is committed on its own so one bad address does not hold back the rest.
 */
export async function sendDueMail(db: Db, transport: Transporter, from: string, batch = 20): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < batch; i++) {
    const done = await db.transaction().execute(async (trx) => {
      const mail = await trx
        .selectFrom('outbox')
        .selectAll()
        .where('sent_at', 'is', null)
        .where('next_attempt_at', '<=', sql<Date>`now()`)
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!mail) return 'empty';
      try {
        await transport.sendMail({
          from,
          to: mail.to_address,
          subject: mail.subject,
          text: mail.text_body,
          ...(mail.html_body ? { html: mail.html_body } : {}),
        });
        await trx.updateTable('outbox').set({ sent_at: sql`now()`, attempts: mail.attempts + 1, last_error: null }).where('id', '=', mail.id).execute();
        return 'sent';
      } catch (err) {
        const attempts = mail.attempts + 1;
        await trx
          .updateTable('outbox')
          .set({
            attempts,
            last_error: String(err instanceof Error ? err.message : err).slice(0, 500),
            next_attempt_at: sql`now() + make_interval(secs => ${retryDelaySeconds(attempts)})`,
          })
          .where('id', '=', mail.id)
          .execute();
        return 'failed';
      }
    });
    if (done === 'empty') break;
    if (done === 'sent') sent++;
    else failed++;
  }
  return { sent, failed };
}

export async function recentMail(db: Db, organizationId: number, limit = 50) {
  return db
    .selectFrom('outbox')
    .select(['id', 'to_address', 'subject', 'text_body', 'created_at', 'sent_at'])
    .where('organization_id', '=', organizationId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
