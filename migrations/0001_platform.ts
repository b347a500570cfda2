import { type Kysely, sql } from 'kysely';

// Plain SQL: one dialect (PostgreSQL) on both PGlite and a server, and the schema reads like the docs.
const statements = [
  `CREATE TABLE organizations (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,40}$'),
     name text NOT NULL,
     hosts text[] NOT NULL DEFAULT '{}',
     contact_email text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE districts (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     organization_id integer NOT NULL REFERENCES organizations(id),
     kind text NOT NULL,
     name text NOT NULL,
     code text,
     geometry jsonb NOT NULL,
     min_lon double precision NOT NULL, min_lat double precision NOT NULL,
     max_lon double precision NOT NULL, max_lat double precision NOT NULL,
     source text NOT NULL DEFAULT '',
     created_at timestamptz NOT NULL DEFAULT now(),
     UNIQUE (organization_id, kind, name)
   )`,
  `CREATE TABLE departments (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     organization_id integer NOT NULL REFERENCES organizations(id),
     name text NOT NULL,
     email text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     UNIQUE (organization_id, name)
   )`,
  `CREATE TABLE users (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     organization_id integer NOT NULL REFERENCES organizations(id),
     email text NOT NULL CHECK (email = lower(email)),
     display_name text NOT NULL DEFAULT '',
     role text CHECK (role IN ('admin', 'moderator', 'department_staff')),
     password_hash text,
     totp_secret text,
     totp_enabled_at timestamptz,
     totp_last_step bigint,
     disabled_at timestamptz,
     last_login_at timestamptz,
     created_at timestamptz NOT NULL DEFAULT now(),
     UNIQUE (organization_id, email)
   )`,
  `CREATE TABLE staff_departments (
     user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     department_id integer NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
     PRIMARY KEY (user_id, department_id)
   )`,
  `CREATE TABLE sessions (
     id_hash text PRIMARY KEY,
     organization_id integer NOT NULL REFERENCES organizations(id),
     user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     level text NOT NULL CHECK (level IN ('resident', 'staff')),
     created_at timestamptz NOT NULL DEFAULT now(),
     last_seen_at timestamptz NOT NULL DEFAULT now(),
     idle_minutes integer NOT NULL,
     expires_at timestamptz NOT NULL
   )`,
  `CREATE INDEX sessions_user ON sessions (user_id)`,
  `CREATE TABLE login_tokens (
     token_hash text PRIMARY KEY,
     organization_id integer NOT NULL REFERENCES organizations(id),
     purpose text NOT NULL CHECK (purpose IN ('magic_link', 'staff_setup', 'password_reset', 'second_factor')),
     user_id integer REFERENCES users(id) ON DELETE CASCADE,
     email text NOT NULL,
     data jsonb NOT NULL DEFAULT '{}',
     expires_at timestamptz NOT NULL,
     used_at timestamptz,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE rate_limits (
     key text PRIMARY KEY,
     window_start timestamptz NOT NULL,
     count integer NOT NULL
   )`,
  `CREATE TABLE outbox (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     organization_id integer REFERENCES organizations(id),
     to_address text NOT NULL,
     subject text NOT NULL,
     text_body text NOT NULL,
     html_body text,
     attempts integer NOT NULL DEFAULT 0,
     next_attempt_at timestamptz NOT NULL DEFAULT now(),
     last_error text,
     sent_at timestamptz,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL`,
  `CREATE TABLE legal_pages (
     organization_id integer NOT NULL REFERENCES organizations(id),
     slug text NOT NULL CHECK (slug IN ('impressum', 'datenschutz', 'barrierefreiheit')),
     locale text NOT NULL,
     title text NOT NULL,
     body text NOT NULL,
     updated_at timestamptz NOT NULL DEFAULT now(),
     updated_by integer REFERENCES users(id),
     PRIMARY KEY (organization_id, slug, locale)
   )`,
  `CREATE TABLE accessibility_feedback (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     organization_id integer NOT NULL REFERENCES organizations(id),
     page_url text NOT NULL DEFAULT '',
     message text NOT NULL,
     email text,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE audit_log (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     organization_id integer NOT NULL REFERENCES organizations(id),
     actor_user_id integer REFERENCES users(id),
     action text NOT NULL,
     subject text NOT NULL DEFAULT '',
     details jsonb NOT NULL DEFAULT '{}',
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
