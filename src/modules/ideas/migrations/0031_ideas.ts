import { type Kysely, sql } from 'kysely';

// KümmertEuch ideas (issue 16): ideas with photos, supporters, public history and the city's settings.
// Children reference their idea by (id, organization_id), so no row can point at another city's idea.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE ideas (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id integer NOT NULL REFERENCES organizations(id),
    title text NOT NULL,
    description text NOT NULL,
    topic text NOT NULL,
    district_id integer NULL,
    lat double precision NULL,
    lon double precision NULL,
    status text NOT NULL DEFAULT 'submitted'
      CHECK (status IN ('submitted', 'reviewing', 'accepted', 'implemented', 'rejected', 'merged')),
    author_user_id integer NULL,
    supporters_count integer NOT NULL DEFAULT 0,
    department_id integer NULL,
    process_id integer NULL,
    report_id integer NULL,
    merged_into_id integer NULL,
    reason text NULL,
    answer text NULL,
    answered_at timestamptz NULL,
    reached_at timestamptz NULL,
    answer_due_at timestamptz NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    search tsvector GENERATED ALWAYS AS (setweight(to_tsvector('german', title), 'A') || to_tsvector('german', description)) STORED,
    UNIQUE (id, organization_id),
    FOREIGN KEY (district_id) REFERENCES districts(id) ON DELETE SET NULL,
    FOREIGN KEY (author_user_id, organization_id) REFERENCES users(id, organization_id) ON DELETE SET NULL (author_user_id),
    -- A department or district that goes away leaves the idea without one (not a failed deletion).
    FOREIGN KEY (department_id, organization_id) REFERENCES departments(id, organization_id) ON DELETE SET NULL (department_id),
    FOREIGN KEY (merged_into_id, organization_id) REFERENCES ideas(id, organization_id),
    CHECK ((lat IS NULL) = (lon IS NULL))
  )`.execute(db);
  // The list's orders, each led by the city: newest (by id, which grows with time), most supported, due. Merged
  // ideas are never listed, so the indexes leave them out.
  await sql`CREATE INDEX ideas_newest ON ideas (organization_id, id DESC) WHERE status <> 'merged'`.execute(db);
  await sql`CREATE INDEX ideas_supported ON ideas (organization_id, supporters_count DESC, id DESC) WHERE status <> 'merged'`.execute(db);
  await sql`CREATE INDEX ideas_due ON ideas (organization_id, answer_due_at, id) WHERE answer_due_at IS NOT NULL AND answered_at IS NULL`.execute(db);
  await sql`CREATE INDEX ideas_topic ON ideas (organization_id, topic, id DESC) WHERE status <> 'merged'`.execute(db);
  await sql`CREATE INDEX ideas_district ON ideas (organization_id, district_id, id DESC) WHERE status <> 'merged'`.execute(db);
  await sql`CREATE INDEX ideas_status ON ideas (organization_id, status, id DESC)`.execute(db);
  await sql`CREATE INDEX ideas_search ON ideas USING gin (search)`.execute(db);
  await sql`CREATE INDEX ideas_author ON ideas (organization_id, author_user_id)`.execute(db);

  await sql`CREATE TABLE idea_supporters (
    organization_id integer NOT NULL REFERENCES organizations(id),
    idea_id integer NOT NULL,
    supporter_key text NOT NULL,
    user_id integer NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (idea_id, supporter_key),
    FOREIGN KEY (idea_id, organization_id) REFERENCES ideas(id, organization_id) ON DELETE CASCADE,
    FOREIGN KEY (user_id, organization_id) REFERENCES users(id, organization_id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE INDEX idea_supporters_user ON idea_supporters (organization_id, user_id)`.execute(db);

  await sql`CREATE TABLE idea_photos (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id integer NOT NULL REFERENCES organizations(id),
    idea_id integer NOT NULL,
    storage_key text NOT NULL,
    width integer NOT NULL,
    height integer NOT NULL,
    sort integer NOT NULL DEFAULT 0,
    FOREIGN KEY (idea_id, organization_id) REFERENCES ideas(id, organization_id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE INDEX idea_photos_idea ON idea_photos (idea_id, sort)`.execute(db);

  // The public history: every status change, answer, merge and conversion; staff names are never shown.
  await sql`CREATE TABLE idea_events (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id integer NOT NULL REFERENCES organizations(id),
    idea_id integer NOT NULL,
    kind text NOT NULL,
    to_status text NULL,
    text text NULL,
    actor_user_id integer NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (idea_id, organization_id) REFERENCES ideas(id, organization_id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE INDEX idea_events_idea ON idea_events (idea_id, created_at, id)`.execute(db);

  // One row per city; the threshold is recomputed from the active accounts at most daily (computed_at).
  await sql`CREATE TABLE idea_settings (
    organization_id integer PRIMARY KEY REFERENCES organizations(id),
    rules jsonb NOT NULL DEFAULT '{}',
    threshold_permille integer NOT NULL DEFAULT 5 CHECK (threshold_permille BETWEEN 0 AND 1000),
    threshold_floor integer NOT NULL DEFAULT 50 CHECK (threshold_floor BETWEEN 1 AND 1000000),
    answer_weeks integer NOT NULL DEFAULT 6 CHECK (answer_weeks BETWEEN 1 AND 52),
    threshold integer NULL,
    computed_at timestamptz NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE idea_settings, idea_events, idea_photos, idea_supporters, ideas`.execute(db);
}
