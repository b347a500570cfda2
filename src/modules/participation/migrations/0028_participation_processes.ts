import { type Kysely, sql } from 'kysely';

// Participation processes (Beteiligungsverfahren, issue 16): a process with its area, phases and PDF documents.
// Child rows reference their process by (id, organization_id), so no row can point into another city.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE participation_processes (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id integer NOT NULL REFERENCES organizations(id),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 600),
    body_html text NOT NULL DEFAULT '' CHECK (length(body_html) <= 100000),
    topic text NOT NULL CHECK (topic IN ('verkehr', 'umwelt', 'stadtplanung', 'soziales', 'jugend', 'senioren', 'bildung', 'kultur', 'sport', 'wirtschaft')),
    department_id integer,
    body_id integer,
    rules jsonb NOT NULL DEFAULT '{}',
    published boolean NOT NULL DEFAULT false,
    image_key text,
    image_alt text NOT NULL DEFAULT '' CHECK (length(image_alt) <= 300),
    created_by integer,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (id, organization_id),
    -- Responsible is a department or a body, never both, never none.
    CHECK ((department_id IS NULL) <> (body_id IS NULL)),
    FOREIGN KEY (department_id, organization_id) REFERENCES departments(id, organization_id),
    FOREIGN KEY (body_id, organization_id) REFERENCES participation_bodies(id, organization_id)
  )`.execute(db);
  await sql`CREATE INDEX participation_processes_list ON participation_processes (organization_id, published, updated_at DESC)`.execute(db);
  // No rows: the whole city.
  await sql`CREATE TABLE participation_process_districts (
    organization_id integer NOT NULL REFERENCES organizations(id),
    process_id integer NOT NULL,
    district_id integer NOT NULL REFERENCES districts(id) ON DELETE CASCADE,
    PRIMARY KEY (process_id, district_id),
    FOREIGN KEY (process_id, organization_id) REFERENCES participation_processes(id, organization_id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE TABLE participation_phases (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id integer NOT NULL REFERENCES organizations(id),
    process_id integer NOT NULL,
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    kinds text[] NOT NULL DEFAULT '{}',
    ended_early_at timestamptz,
    ended_early_by integer,
    ended_early_reason text CHECK (length(ended_early_reason) <= 1000),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (id, organization_id),
    CHECK (ends_on >= starts_on),
    CHECK (kinds <@ ARRAY['information', 'proposals', 'comments', 'supports', 'vote', 'survey', 'events']::text[]),
    FOREIGN KEY (process_id, organization_id) REFERENCES participation_processes(id, organization_id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE INDEX participation_phases_process ON participation_phases (organization_id, process_id, starts_on)`.execute(db);
  await sql`CREATE TABLE participation_process_documents (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id integer NOT NULL REFERENCES organizations(id),
    process_id integer NOT NULL,
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    storage_key text NOT NULL,
    size_bytes integer NOT NULL CHECK (size_bytes > 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (process_id, organization_id) REFERENCES participation_processes(id, organization_id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE INDEX participation_process_documents_process ON participation_process_documents (organization_id, process_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE participation_process_documents`.execute(db);
  await sql`DROP TABLE participation_phases`.execute(db);
  await sql`DROP TABLE participation_process_districts`.execute(db);
  await sql`DROP TABLE participation_processes`.execute(db);
}
