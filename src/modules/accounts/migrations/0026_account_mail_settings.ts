import { type Kysely, sql } from 'kysely';

// Mail settings of a resident's account (issue 14, "Mein Konto"): whether status mails about followed reports
// come at all, whether the questionnaire after "fixed" is asked, and how often news is sent (each change after
// the usual 10 minutes, or once a day or week as one digest). One row per account, written when the resident first
// saves; no row means the defaults (everything on, immediately), so accounts from before need nothing.
//
// Followers and reporters are kept by address (report_followers.email, reports.reporter_email); the sending code
// reaches the setting through the account with that address in the same city. last_digest_at says when the last
// digest went out, so the next is due a day or a week later whatever the job's rhythm.
const statements = [
  `CREATE TABLE account_mail_settings (
     organization_id integer NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
     user_id integer NOT NULL,
     status_mails boolean NOT NULL DEFAULT true,
     questionnaire boolean NOT NULL DEFAULT true,
     digest text NOT NULL DEFAULT 'immediately' CHECK (digest IN ('immediately', 'daily', 'weekly')),
     last_digest_at timestamptz,
     updated_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (organization_id, user_id),
     FOREIGN KEY (user_id, organization_id) REFERENCES users(id, organization_id) ON DELETE CASCADE
   )`,
  // The digest job looks for accounts whose digest is due.
  `CREATE INDEX account_mail_settings_digest ON account_mail_settings (last_digest_at) WHERE digest <> 'immediately' AND status_mails`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
