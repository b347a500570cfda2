import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect';

// The SQL of the Angsträume section on "Mein Konto": the resident's own safety ratings, in the page's city.

/** The person's ratings, newest first; the place's address only once staff reviewed it (the public may see it then). */
export function ratingsOfHolder(db: Db, organizationId: number, userId: number, page: { limit: number; offset: number }) {
  return db
    .selectFrom('safety_ratings as s')
    .innerJoin('reports as r', (j) => j.onRef('r.id', '=', 's.report_id').onRef('r.organization_id', '=', 's.organization_id'))
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .leftJoin('districts as d', 'd.id', 'r.district_id')
    .select([
      's.id',
      's.report_id',
      's.day',
      's.night',
      's.created_at',
      'c.name_de as category_de',
      'c.name_en as category_en',
      'd.name as district',
      sql<boolean>`(NOT r.hidden AND r.status <> 'unconfirmed' AND r.reviewed_at IS NOT NULL)`.as('is_public'),
      sql<string>`CASE WHEN r.reviewed_at IS NOT NULL THEN r.address ELSE '' END`.as('address'),
    ])
    .where('s.organization_id', '=', organizationId)
    .where('s.user_id', '=', userId)
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}
