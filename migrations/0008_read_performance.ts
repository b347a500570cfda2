import { type Kysely, sql } from 'kysely';

// Found with the city-scale load benchmark (npm run bench load, 1M reports):
const statements = [
  // The public list, Open311 GET requests and the feeds all ask for "the newest public reports": without this
  // index PostgreSQL read and sorted every public report for each page (a sequential scan over a million rows);
  // with it a page is read in index order and the scan stops after the page.
  `CREATE INDEX reports_public_recent ON reports (organization_id, created_at DESC, id DESC) WHERE NOT hidden AND status <> 'unconfirmed'`,
  // Every anonymous API request and form post counts a rate-limit hit. The counters are worth nothing after a
  // crash (a fresh window is the right answer then), so they skip the write-ahead log and its fsync per request.
  `ALTER TABLE rate_limits SET UNLOGGED`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
