import { type Kysely, sql } from 'kysely';

// Open interfaces (Open311, open data): API keys for machine clients and the updates they pushed.
const statements = [
  `CREATE TABLE api_keys (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     organization_id integer NOT NULL REFERENCES organizations(id),
     name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
     key_hash text NOT NULL UNIQUE,
     key_prefix text NOT NULL,
     rate_per_minute integer NOT NULL DEFAULT 60 CHECK (rate_per_minute BETWEEN 1 AND 100000),
     user_id integer NOT NULL REFERENCES users(id),
     created_by integer REFERENCES users(id) ON DELETE SET NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     last_used_at timestamptz,
     revoked_at timestamptz
   )`,
  `CREATE INDEX api_keys_org ON api_keys (organization_id, created_at DESC)`,
  `CREATE TABLE open311_requests (
     report_id integer PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
     api_key_id integer NOT NULL REFERENCES api_keys(id),
     media_url text,
     device_id text,
     account_id text,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE open311_updates (
     api_key_id integer NOT NULL REFERENCES api_keys(id),
     external_id text NOT NULL,
     report_id integer NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
     event_id integer NOT NULL REFERENCES report_events(id) ON DELETE CASCADE,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (api_key_id, external_id)
   )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
