import { type Kysely, sql } from 'kysely';

// The residents' data rights and the retention jobs look rows up by person (account or address) and by age, across
// the tables of several modules. Without these indexes each export, deletion or hourly purge reads whole tables.
const statements = [
  // a person's reports: by account, or by the address they were sent with
  `CREATE INDEX reports_user ON reports (organization_id, user_id) WHERE user_id IS NOT NULL`,
  `CREATE INDEX reports_reporter_email ON reports (organization_id, reporter_email) WHERE reporter_email IS NOT NULL`,
  // reports still holding reporter contact, for the hourly purge after closing
  `CREATE INDEX reports_contact_kept ON reports (status) WHERE reporter_email IS NOT NULL OR reporter_phone IS NOT NULL OR reporter_name <> ''`,
  `CREATE INDEX report_supporters_user ON report_supporters (organization_id, user_id) WHERE user_id IS NOT NULL`,
  `CREATE INDEX report_followers_email ON report_followers (organization_id, email)`,
  `CREATE INDEX report_questionnaires_email ON report_questionnaires (organization_id, email)`,
  `CREATE INDEX angstraum_questionnaires_email ON angstraum_questionnaires (organization_id, email)`,
  `CREATE INDEX safety_ratings_user ON safety_ratings (organization_id, user_id) WHERE user_id IS NOT NULL`,
  `CREATE INDEX accessibility_feedback_email ON accessibility_feedback (organization_id, email) WHERE email IS NOT NULL`,
  `CREATE INDEX outbox_to_address ON outbox (organization_id, to_address)`,
  `CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL`,
  `CREATE INDEX login_tokens_user ON login_tokens (user_id) WHERE user_id IS NOT NULL`,
  `CREATE INDEX login_tokens_email ON login_tokens (organization_id, email)`,
  `CREATE INDEX login_tokens_expires ON login_tokens (expires_at)`,
  `CREATE INDEX login_tokens_used ON login_tokens (used_at) WHERE used_at IS NOT NULL`,
  `CREATE INDEX rate_limits_window ON rate_limits (window_start)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
