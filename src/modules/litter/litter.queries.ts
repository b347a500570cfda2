import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect';
import { publicFilter } from '../reports';

// SQL of the litter reporter. Counts go through the reports module's publicFilter: public reports only.

export function litterCategory(db: Db, organizationId: number) {
  return db
    .selectFrom('report_categories')
    .select(['id', 'name_de', 'name_en'])
    .where('organization_id', '=', organizationId)
    .where('kind', '=', 'litter')
    .where('active', '=', true)
    .orderBy('sort')
    .orderBy('id')
    .executeTakeFirst();
}

/** Public litter reports per district and Berlin month in [from, to), without duplicates and rejected ones. */
export async function monthlyLitterCounts(
  db: Db,
  organizationId: number,
  from: Date,
  to: Date,
): Promise<Array<{ district_id: number | null; month: string; n: number }>> {
  const month = sql<string>`to_char(r.created_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM')`;
  const rows = await db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .select(['r.district_id', month.as('month'), sql<number>`count(*)::int`.as('n')])
    .where(publicFilter(organizationId, { from, to }))
    .where('c.kind', '=', 'litter')
    .where((eb) => eb.or([eb('r.close_reason', 'is', null), eb('r.close_reason', 'not in', ['duplicate', 'rejected'])]))
    .groupBy(['r.district_id', month])
    .execute();
  return rows.map((r) => ({ district_id: r.district_id, month: r.month, n: Number(r.n) }));
}

export function districtNames(db: Db, organizationId: number) {
  return db
    .selectFrom('districts')
    .select(['id', 'name'])
    .where('organization_id', '=', organizationId)
    .where('kind', '!=', 'stadtgrenze')
    .orderBy('name')
    .execute();
}
