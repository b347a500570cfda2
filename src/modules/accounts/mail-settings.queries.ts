import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect';

// The SQL of an account's mail settings (migration 0026). Plain sql: the table stays in this module's folder.

export interface MailSettingsRow {
  status_mails: boolean;
  questionnaire: boolean;
  digest: string;
}

export async function mailSettingsRow(db: Db, organizationId: number, userId: number): Promise<MailSettingsRow | undefined> {
  const result = await sql<MailSettingsRow>`
    SELECT status_mails, questionnaire, digest FROM account_mail_settings
    WHERE organization_id = ${organizationId} AND user_id = ${userId}`.execute(db);
  return result.rows[0];
}

/** One row per account; the digest clock keeps running when only the switches change. */
export async function upsertMailSettings(db: Db, organizationId: number, userId: number, s: MailSettingsRow): Promise<void> {
  await sql`
    INSERT INTO account_mail_settings (organization_id, user_id, status_mails, questionnaire, digest)
    VALUES (${organizationId}, ${userId}, ${s.status_mails}, ${s.questionnaire}, ${s.digest})
    ON CONFLICT (organization_id, user_id) DO UPDATE
      SET status_mails = EXCLUDED.status_mails, questionnaire = EXCLUDED.questionnaire, digest = EXCLUDED.digest, updated_at = now()`.execute(db);
}
