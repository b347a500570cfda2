import type { Db } from '../../platform/db/connect';
import { publicFilter } from './report.queries';

/** The newest public reports for the sitemap. */
export function sitemapReports(db: Db, organizationId: number, limit: number) {
  return db
    .selectFrom('reports as r')
    .select(['r.id', 'r.updated_at'])
    .where(publicFilter(organizationId, {}))
    .orderBy('r.updated_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
}
