import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/connect';

// A module's tables are not in src/db-schema.ts until it ships; the example uses plain SQL so it stays in its folder.
// Every function takes the city and filters by it (src/platform/db/query-scoping.test.ts checks this folder too);
// the one that serves every city says so in its name and is listed in src/platform/db/cross-city-queries.ts.
export interface Notice {
  id: number;
  title: string;
  expires_at: Date;
}

export async function currentNotices(db: Db, organizationId: number): Promise<Notice[]> {
  const { rows } = await sql<Notice>`SELECT id, title, expires_at FROM example_notices
    WHERE organization_id = ${organizationId} AND expires_at > now() ORDER BY expires_at`.execute(db);
  return rows;
}

export async function addNotice(db: Db, organizationId: number, title: string, expiresAt: Date): Promise<void> {
  await sql`INSERT INTO example_notices (organization_id, title, expires_at) VALUES (${organizationId}, ${title}, ${expiresAt})`.execute(db);
}

/** The purge job: removes notices expired 30 days ago, of every city at once. */
export async function purgeExpiredNoticesOfAllCities(db: Db): Promise<number> {
  const result = await sql`DELETE FROM example_notices WHERE expires_at < now() - interval '30 days'`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
