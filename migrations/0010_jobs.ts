import { type Kysely, sql } from 'kysely';

// One-off delayed jobs for the embedded database (src/platform/jobs/pglite-queue.ts). On PostgreSQL pg-boss keeps
// its jobs in its own schema `pgboss`; this table stays empty there except right after a restore from a backup,
// and the pg-boss queue hands such rows over to pg-boss when it starts (src/platform/jobs/backup-rows.ts).
//
// The columns follow pg-boss's job table, so both queues behave alike and a backup carries waiting jobs from one
// to the other. Every job belongs to a city (organization_id, required): the one-off jobs we have are about a
// booking, a report or a city's digest; platform-wide periodic work runs in the scheduler and needs no row.
const statements = [
  `CREATE TABLE jobs (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     organization_id integer NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
     name text NOT NULL,
     data jsonb NOT NULL,
     state text NOT NULL DEFAULT 'created' CHECK (state IN ('created', 'retry', 'active', 'completed', 'cancelled', 'failed')),
     singleton_key text,
     start_after timestamptz NOT NULL DEFAULT now(),
     retry_limit integer NOT NULL CHECK (retry_limit >= 0),
     retry_delay integer NOT NULL CHECK (retry_delay >= 0),
     retry_backoff boolean NOT NULL,
     retry_count integer NOT NULL DEFAULT 0,
     expire_seconds integer NOT NULL CHECK (expire_seconds > 0),
     started_at timestamptz,
     completed_at timestamptz,
     created_at timestamptz NOT NULL DEFAULT now(),
     last_error text
   )`,
  // singletonKey: at most one waiting job per kind and key; a send that would make a second one inserts nothing.
  `CREATE UNIQUE INDEX jobs_waiting_singleton ON jobs (name, singleton_key) WHERE singleton_key IS NOT NULL AND state IN ('created', 'retry')`,
  // The poll: due jobs of one kind, oldest first.
  `CREATE INDEX jobs_due ON jobs (name, start_after) WHERE state IN ('created', 'retry')`,
  // Deleting a city cascades here.
  `CREATE INDEX jobs_organization ON jobs (organization_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
