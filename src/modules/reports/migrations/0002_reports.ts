import { type Kysely, sql } from 'kysely';

const statements = [
  `CREATE TABLE report_categories (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     organization_id integer NOT NULL REFERENCES organizations(id),
     code text NOT NULL CHECK (code ~ '^[a-z0-9-]{2,60}$'),
     kind text NOT NULL DEFAULT 'defect' CHECK (kind IN ('defect', 'litter', 'angstraum')),
     name_de text NOT NULL,
     name_en text NOT NULL,
     description_de text NOT NULL DEFAULT '',
     description_en text NOT NULL DEFAULT '',
     department_id integer REFERENCES departments(id) ON DELETE SET NULL,
     questionnaire_weeks integer NOT NULL DEFAULT 4 CHECK (questionnaire_weeks BETWEEN 0 AND 52),
     active boolean NOT NULL DEFAULT true,
     sort integer NOT NULL DEFAULT 0,
     UNIQUE (organization_id, code)
   )`,
  `CREATE TABLE category_questions (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     category_id integer NOT NULL REFERENCES report_categories(id) ON DELETE CASCADE,
     code text NOT NULL CHECK (code ~ '^[a-z0-9_]{1,40}$'),
     datatype text NOT NULL CHECK (datatype IN ('text', 'number', 'singlevaluelist', 'multivaluelist', 'datetime')),
     label_de text NOT NULL,
     label_en text NOT NULL,
     required boolean NOT NULL DEFAULT false,
     sort integer NOT NULL DEFAULT 0,
     options jsonb NOT NULL DEFAULT '[]',
     UNIQUE (category_id, code)
   )`,
  `CREATE TABLE routing_rules (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     organization_id integer NOT NULL REFERENCES organizations(id),
     category_id integer NOT NULL REFERENCES report_categories(id) ON DELETE CASCADE,
     district_id integer NOT NULL REFERENCES districts(id) ON DELETE CASCADE,
     department_id integer NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
     UNIQUE (category_id, district_id)
   )`,
  `CREATE TABLE reports (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     organization_id integer NOT NULL REFERENCES organizations(id),
     category_id integer NOT NULL REFERENCES report_categories(id),
     department_id integer REFERENCES departments(id) ON DELETE SET NULL,
     district_id integer REFERENCES districts(id) ON DELETE SET NULL,
     status text NOT NULL CHECK (status IN ('unconfirmed', 'new', 'confirmed', 'in_progress', 'fixed', 'closed')),
     close_reason text CHECK (close_reason IN ('done', 'rejected', 'duplicate', 'not_responsible')),
     close_note text,
     duplicate_of integer REFERENCES reports(id),
     lat double precision NOT NULL,
     lon double precision NOT NULL,
     location point NOT NULL,
     address text NOT NULL DEFAULT '',
     location_precise boolean NOT NULL DEFAULT true,
     description text NOT NULL,
     answers jsonb NOT NULL DEFAULT '{}',
     user_id integer REFERENCES users(id) ON DELETE SET NULL,
     reporter_name text NOT NULL DEFAULT '',
     reporter_email text,
     reporter_phone text,
     show_name boolean NOT NULL DEFAULT false,
     hidden boolean NOT NULL DEFAULT false,
     supporters_count integer NOT NULL DEFAULT 0,
     idempotency_key text,
     created_at timestamptz NOT NULL DEFAULT now(),
     confirmed_at timestamptz,
     updated_at timestamptz NOT NULL DEFAULT now(),
     fixed_at timestamptz,
     UNIQUE (organization_id, idempotency_key)
   )`,
  `CREATE INDEX reports_location ON reports USING gist (location)`,
  `CREATE INDEX reports_org_status ON reports (organization_id, status, created_at DESC)`,
  `CREATE INDEX reports_department ON reports (department_id, status, created_at)`,
  `CREATE INDEX reports_category ON reports (organization_id, category_id, created_at DESC)`,
  `CREATE INDEX reports_district ON reports (organization_id, district_id, created_at DESC)`,
  `CREATE TABLE report_photos (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     report_id integer NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
     storage_key text NOT NULL UNIQUE,
     width integer NOT NULL,
     height integer NOT NULL,
     status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'hidden')),
     redacted_from integer REFERENCES report_photos(id),
     sort integer NOT NULL DEFAULT 0,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX report_photos_report ON report_photos (report_id)`,
  `CREATE TABLE report_events (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     organization_id integer NOT NULL REFERENCES organizations(id),
     report_id integer NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
     kind text NOT NULL,
     public boolean NOT NULL,
     actor_user_id integer REFERENCES users(id) ON DELETE SET NULL,
     from_status text,
     to_status text,
     body text NOT NULL DEFAULT '',
     data jsonb NOT NULL DEFAULT '{}',
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX report_events_report ON report_events (report_id, id)`,
  `CREATE INDEX report_events_org_time ON report_events (organization_id, created_at, id)`,
  `CREATE TABLE report_supporters (
     report_id integer NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
     supporter_key text NOT NULL,
     user_id integer REFERENCES users(id) ON DELETE SET NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (report_id, supporter_key)
   )`,
  `CREATE TABLE report_followers (
     report_id integer NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
     email text NOT NULL,
     unsubscribe_token_hash text NOT NULL UNIQUE,
     last_notified_event_id integer NOT NULL DEFAULT 0,
     notify_after timestamptz,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (report_id, email)
   )`,
  `CREATE INDEX report_followers_due ON report_followers (notify_after) WHERE notify_after IS NOT NULL`,
  `CREATE TABLE response_templates (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     organization_id integer NOT NULL REFERENCES organizations(id),
     title text NOT NULL,
     body text NOT NULL,
     UNIQUE (organization_id, title)
   )`,
  `CREATE TABLE report_questionnaires (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     report_id integer NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
     email text NOT NULL,
     token_hash text NOT NULL UNIQUE,
     due_at timestamptz NOT NULL,
     sent_at timestamptz,
     answered_at timestamptz,
     answer text CHECK (answer IN ('yes', 'no', 'unknown')),
     comment text NOT NULL DEFAULT '',
     UNIQUE (report_id, email)
   )`,
  `CREATE INDEX report_questionnaires_due ON report_questionnaires (due_at) WHERE sent_at IS NULL`,
  `ALTER TABLE departments ADD COLUMN open311_endpoint text, ADD COLUMN open311_api_key text,
     ADD COLUMN open311_enabled boolean NOT NULL DEFAULT false`,
  `CREATE TABLE report_forwards (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     report_id integer NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
     department_id integer NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
     attempts integer NOT NULL DEFAULT 0,
     next_attempt_at timestamptz NOT NULL DEFAULT now(),
     external_id text,
     last_error text,
     done_at timestamptz,
     UNIQUE (report_id, department_id)
   )`,
  `ALTER TABLE login_tokens DROP CONSTRAINT login_tokens_purpose_check`,
  `ALTER TABLE login_tokens ADD CONSTRAINT login_tokens_purpose_check
     CHECK (purpose IN ('magic_link', 'staff_setup', 'password_reset', 'second_factor', 'report_confirm'))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
