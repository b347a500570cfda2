import { sql } from 'kysely';
import type { Transporter } from 'nodemailer';
import type { NewOutboxMail } from '../../db-schema';
import type { Db, Trx } from '../db/connect';

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
 * How long a mail being sent is left alone by other senders. Longer than a send can take with the transport's
 * timeouts (see platformJobs); if a process dies mid-send, the mail is tried again after this.
 */
export const CLAIM_SECONDS = 15 * 60;

/**
 * Claims the oldest due mail: one statement, SKIP LOCKED, so several app processes never pick the same row,
 * and the claim is committed before SMTP is contacted.
 */
async function claimDueMail(trx: Trx) {
  return trx
    .updateTable('outbox')
    .set({ next_attempt_at: sql`now() + make_interval(secs => ${CLAIM_SECONDS})` })
    .where('id', '=', (eb) =>
      eb
        .selectFrom('outbox')
        .select('id')
        .where('sent_at', 'is', null)
        .where('next_attempt_at', '<=', sql<Date>`now()`)
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .executeTakeFirst();
}

/**
 * Sends due mail, each row on its own so one bad address does not hold back the rest. No transaction is open
 * while SMTP is talked to: the embedded database has a single connection, and a server that hangs must not
 * stall every page and form with it.
 */
export async function sendDueMail(db: Db, transport: Transporter, from: string, batch = 20): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < batch; i++) {
    const mail = await db.transaction().execute((trx) => claimDueMail(trx));
    if (!mail) break;
    const attempts = mail.attempts + 1;
    try {
      await transport.sendMail({
        from,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        ...(mail.html_body ? { html: mail.html_body } : {}),
      });
    } catch (err) {
      await db
        .updateTable('outbox')
        .set({
          attempts,
          last_error: String(err instanceof Error ? err.message : err).slice(0, 500),
          next_attempt_at: sql`now() + make_interval(secs => ${retryDelaySeconds(attempts)})`,
        })
        .where('id', '=', mail.id)
        .execute();
      failed++;
      continue;
    }
    await db.updateTable('outbox').set({ sent_at: sql`now()`, attempts, last_error: null }).where('id', '=', mail.id).execute();
    sent++;
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
