import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/connect';

// A module's tables are not in src/db-schema.ts until it ships; the example uses plain SQL so it stays in its folder.
export interface Notice {
  id: number;
  title: string;
  expires_at: Date;
}

export const noticeQueries = {
  async current(db: Db, organizationId: number): Promise<Notice[]> {
    const { rows } = await sql<Notice>`SELECT id, title, expires_at FROM example_notices
      WHERE organization_id = ${organizationId} AND expires_at > now() ORDER BY expires_at`.execute(db);
    return rows;
  },
  async add(db: Db, organizationId: number, title: string, expiresAt: Date): Promise<void> {
    await sql`INSERT INTO example_notices (organization_id, title, expires_at) VALUES (${organizationId}, ${title}, ${expiresAt})`.execute(db);
  },
  /** Runs for every city at once: a job, listed as such. */
  async deleteExpired(db: Db): Promise<number> {
    const result = await sql`DELETE FROM example_notices WHERE expires_at < now() - interval '30 days'`.execute(db);
    return Number(result.numAffectedRows ?? 0);
  },
};
