import { type Kysely, sql } from 'kysely';

// Angsträume (places that feel unsafe) and the Dreckpetze: the staff review gate on reports, per-city settings,
// residents' safety ratings (one per person, place and 30 days) and the "do you feel safer?" questionnaire.
const statements = [
  // An Angstraum is public only once staff reviewed it and its free text (publicFilter checks this).
  `ALTER TABLE reports ADD COLUMN reviewed_at timestamptz, ADD COLUMN reviewed_by integer REFERENCES users(id) ON DELETE SET NULL`,
  `CREATE INDEX reports_review_queue ON reports (organization_id, created_at) WHERE reviewed_at IS NULL`,
  `CREATE TABLE angstraum_settings (
     organization_id integer PRIMARY KEY REFERENCES organizations(id),
     update_interval_days integer NOT NULL DEFAULT 30 CHECK (update_interval_days BETWEEN 1 AND 365),
     questionnaire_weeks integer NOT NULL DEFAULT 8 CHECK (questionnaire_weeks BETWEEN 1 AND 52),
     updated_at timestamptz NOT NULL DEFAULT now(),
     updated_by integer REFERENCES users(id) ON DELETE SET NULL
   )`,
  `CREATE TABLE safety_ratings (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     organization_id integer NOT NULL REFERENCES organizations(id),
     report_id integer NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
     user_id integer REFERENCES users(id) ON DELETE SET NULL,
     day smallint NOT NULL CHECK (day BETWEEN 1 AND 5),
     night smallint NOT NULL CHECK (night BETWEEN 1 AND 5),
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX safety_ratings_report ON safety_ratings (report_id, created_at)`,
  // The "once per 30 days" gate: one row per person and place. A rating claims it with a conditional upsert in
  // the rating's transaction, so parallel submissions serialise on this row and only one of them wins.
  `CREATE TABLE safety_rating_slots (
     report_id integer NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
     user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     last_rated_at timestamptz NOT NULL,
     PRIMARY KEY (report_id, user_id)
   )`,
  `CREATE TABLE angstraum_questionnaires (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     organization_id integer NOT NULL REFERENCES organizations(id),
     report_id integer NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
     measure_event_id integer NOT NULL REFERENCES report_events(id) ON DELETE CASCADE,
     email text NOT NULL,
     token_hash text NOT NULL UNIQUE,
     due_at timestamptz NOT NULL,
     sent_at timestamptz,
     answered_at timestamptz,
     answer text CHECK (answer IN ('yes', 'no', 'unknown')),
     comment text NOT NULL DEFAULT '',
     UNIQUE (measure_event_id, email)
   )`,
  `CREATE INDEX angstraum_questionnaires_due ON angstraum_questionnaires (due_at) WHERE sent_at IS NULL`,
  `CREATE INDEX report_events_measures ON report_events (report_id, created_at) WHERE kind = 'measure'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
