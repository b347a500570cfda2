import { type Kysely, sql } from 'kysely';

// Bodies that take part as such (the Jugendparlament, the Seniorenbeirat, a Bezirksvertretung): a process or a
// budget belongs to one, and an eligibility rule may admit only its members.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE participation_bodies (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id integer NOT NULL REFERENCES organizations(id),
    kind text NOT NULL CHECK (kind IN ('youth_parliament', 'seniors_council', 'district_council', 'other')),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    district_id integer REFERENCES districts(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (id, organization_id),
    UNIQUE (organization_id, name)
  )`.execute(db);
  await sql`CREATE TABLE participation_body_members (
    organization_id integer NOT NULL REFERENCES organizations(id),
    body_id integer NOT NULL,
    user_id integer NOT NULL,
    added_by integer,
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (body_id, user_id),
    FOREIGN KEY (body_id, organization_id) REFERENCES participation_bodies(id, organization_id) ON DELETE CASCADE,
    FOREIGN KEY (user_id, organization_id) REFERENCES users(id, organization_id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE INDEX participation_body_members_user ON participation_body_members (organization_id, user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE participation_body_members`.execute(db);
  await sql`DROP TABLE participation_bodies`.execute(db);
}
