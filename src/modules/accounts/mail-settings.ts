import type { Db } from '../../platform/db/connect';
import * as q from './mail-settings.queries';

// What mails a resident's account wants (the reports module draws the form and honours it when sending).

export const DIGESTS = ['immediately', 'daily', 'weekly'] as const;
export type Digest = (typeof DIGESTS)[number];

export interface MailSettings {
  /** Mails about changes to reports the resident made or follows. */
  statusMails: boolean;
  /** The question "has it been fixed?" some weeks after a report was marked fixed. */
  questionnaire: boolean;
  /** Each change after the usual 10 minutes, or all news once a day or week in one mail. */
  digest: Digest;
}

export const DEFAULT_MAIL_SETTINGS: MailSettings = { statusMails: true, questionnaire: true, digest: 'immediately' };

export function isDigest(value: string): value is Digest {
  return (DIGESTS as readonly string[]).includes(value);
}

export async function mailSettingsOf(db: Db, organizationId: number, userId: number): Promise<MailSettings> {
  const row = await q.mailSettingsRow(db, organizationId, userId);
  if (!row) return DEFAULT_MAIL_SETTINGS;
  return { statusMails: row.status_mails, questionnaire: row.questionnaire, digest: isDigest(row.digest) ? row.digest : 'immediately' };
}

export function saveMailSettings(db: Db, organizationId: number, userId: number, s: MailSettings): Promise<void> {
  return q.upsertMailSettings(db, organizationId, userId, { status_mails: s.statusMails, questionnaire: s.questionnaire, digest: s.digest });
}
