import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect';
import { publicFilter } from './report.queries';

/** The newest public reports for the front door, each with its first published photo (if any). */
export function newestReports(db: Db, organizationId: number, districtId: number | null, limit: number) {
  return db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .leftJoin('districts as d', 'd.id', 'r.district_id')
    .select([
      'r.id',
      'r.status',
      'r.close_reason',
      'r.address',
      'r.description',
      'r.created_at',
      'r.supporters_count',
      'c.name_de as category_de',
      'c.name_en as category_en',
      'd.name as district',
      sql<number | null>`(SELECT p.id FROM report_photos p WHERE p.report_id = r.id AND p.organization_id = r.organization_id
        AND p.status = 'approved' ORDER BY p.id LIMIT 1)`.as('photo_id'),
    ])
    .where(publicFilter(organizationId, districtId ? { districtId } : {}))
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
}
