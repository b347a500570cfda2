import { type Kysely, sql } from 'kysely';

// Every domain table carries organization_id (src/platform/db/city-scoping.test.ts checks the catalogue).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE example_notices (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id integer NOT NULL REFERENCES organizations(id),
    title text NOT NULL,
    expires_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX example_notices_org ON example_notices (organization_id, expires_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE example_notices`.execute(db);
}
