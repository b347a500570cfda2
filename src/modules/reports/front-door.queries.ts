import type { Db } from '../../platform/db/connect';
import { firstApprovedPhotoId, publicFilter } from './report.queries';

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
      firstApprovedPhotoId.as('photo_id'),
    ])
    .where(publicFilter(organizationId, districtId ? { districtId } : {}))
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
}
