import type { Db } from '../../platform/db/connect';

/** What a department's mail says about a report: hidden or not, the department works on it. */
export function reportForDepartment(db: Db, organizationId: number, reportId: number) {
  return db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .leftJoin('districts as d', 'd.id', 'r.district_id')
    .select(['r.id', 'r.status', 'r.description', 'r.address', 'r.lat', 'r.lon', 'c.name_de as category_de', 'd.name as district'])
    .where('r.organization_id', '=', organizationId)
    .where('r.id', '=', reportId)
    .executeTakeFirst();
}
