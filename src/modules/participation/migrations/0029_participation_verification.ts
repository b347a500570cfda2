import { type Kysely, sql } from 'kysely';

// Verified residents without documents (issue 16). An account holds at most one current verification per city:
// the district (null: a resident of the city, district unknown), the range of birth dates its age band implies,
// how long it holds, and how it was made. Letter codes are kept only as SHA-256 hashes; the plain codes of a new
// batch are sealed for a 15-minute download window and then dropped (sealed_codes = NULL).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE participation_verifications (
    organization_id integer NOT NULL REFERENCES organizations(id),
    user_id integer NOT NULL,
    district_id integer REFERENCES districts(id) ON DELETE SET NULL,
    born_from date,
    born_to date,
    valid_until date NOT NULL,
    method text NOT NULL CHECK (method IN ('letter_code', 'counter')),
    verified_at timestamptz NOT NULL DEFAULT now(),
    verified_by integer,
    PRIMARY KEY (organization_id, user_id),
    CHECK (born_from IS NULL OR born_to IS NULL OR born_from <= born_to),
    CHECK ((method = 'counter') = (verified_by IS NOT NULL)),
    FOREIGN KEY (user_id, organization_id) REFERENCES users(id, organization_id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE TABLE participation_code_batches (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id integer NOT NULL REFERENCES organizations(id),
    district_id integer REFERENCES districts(id) ON DELETE SET NULL,
    age_min integer CHECK (age_min BETWEEN 0 AND 130),
    age_max integer CHECK (age_max BETWEEN 0 AND 130),
    born_from date,
    born_to date,
    valid_until date NOT NULL,
    code_count integer NOT NULL CHECK (code_count BETWEEN 1 AND 10000),
    sealed_codes text,
    created_by integer,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (id, organization_id),
    CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max)
  )`.execute(db);
  await sql`CREATE INDEX participation_code_batches_list ON participation_code_batches (organization_id, created_at DESC)`.execute(db);
  await sql`CREATE TABLE participation_codes (
    organization_id integer NOT NULL REFERENCES organizations(id),
    batch_id integer NOT NULL,
    code_hash text NOT NULL,
    used_at timestamptz,
    used_by integer,
    revoked_at timestamptz,
    PRIMARY KEY (organization_id, code_hash),
    FOREIGN KEY (batch_id, organization_id) REFERENCES participation_code_batches(id, organization_id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE INDEX participation_codes_batch ON participation_codes (organization_id, batch_id)`.execute(db);
  await sql`CREATE INDEX participation_codes_user ON participation_codes (organization_id, used_by) WHERE used_by IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE participation_codes`.execute(db);
  await sql`DROP TABLE participation_code_batches`.execute(db);
  await sql`DROP TABLE participation_verifications`.execute(db);
}
