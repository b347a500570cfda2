import type { Db } from '../../platform/db/connect';
import { type ListFilter, publicFilter } from '../reports';

// SQL of the open-data module. Every report read goes through the reports module's publicFilter.

export interface ExportFilter extends ListFilter {
  categoryCode?: string | undefined;
}

/** Public fields only: no reporter data of any kind, no internal notes, no photos that wait for moderation. */
export function exportReports(
  db: Db,
  organizationId: number,
  f: ExportFilter,
  page: { limit: number; offset: number },
  order: 'created' | 'updated' = 'created',
) {
  let query = db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .leftJoin('districts as d', 'd.id', 'r.district_id')
    .leftJoin('departments as dep', 'dep.id', 'r.department_id')
    .select([
      'r.id',
      'r.status',
      'r.close_reason',
      'r.lat',
      'r.lon',
      'r.location_precise',
      'r.address',
      'r.description',
      'r.supporters_count',
      'r.created_at',
      'r.updated_at',
      'c.code as category_code',
      'c.name_de as category_de',
      'c.name_en as category_en',
      'c.kind as category_kind',
      'd.name as district',
      'dep.name as department',
    ])
    .where(publicFilter(organizationId, f));
  if (f.categoryCode) query = query.where('c.code', '=', f.categoryCode);
  const column = order === 'created' ? 'r.created_at' : 'r.updated_at';
  return query.orderBy(column, 'desc').orderBy('r.id', 'desc').limit(page.limit).offset(page.offset).execute();
}

export type ExportRow = Awaited<ReturnType<typeof exportReports>>[number];

export function categoriesForFeeds(db: Db, organizationId: number) {
  return db
    .selectFrom('report_categories')
    .select(['id', 'code', 'name_de', 'name_en'])
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .orderBy('sort')
    .orderBy('name_de')
    .execute();
}

export function categoryByCode(db: Db, organizationId: number, code: string) {
  return db
    .selectFrom('report_categories')
    .select(['id', 'code', 'name_de', 'name_en'])
    .where('organization_id', '=', organizationId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function districtsForFeeds(db: Db, organizationId: number) {
  return db
    .selectFrom('districts')
    .select(['id', 'name', 'kind'])
    .where('organization_id', '=', organizationId)
    .where('kind', '!=', 'stadtgrenze')
    .orderBy('kind')
    .orderBy('name')
    .execute();
}

export function districtById(db: Db, organizationId: number, id: number) {
  return db
    .selectFrom('districts')
    .select(['id', 'name', 'kind'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('kind', '!=', 'stadtgrenze')
    .executeTakeFirst();
}
