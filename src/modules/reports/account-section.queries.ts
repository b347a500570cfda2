import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect';
import { publicFilter } from './report.queries';

// The SQL of the reports' sections on "Mein Konto". A person's reports are those of their account and those sent
// with their address before they had one; every query is bounded to the city of the page.

export interface Paged {
  limit: number;
  offset: number;
}

const own = (userId: number, email: string) => sql<boolean>`(r.user_id = ${userId} OR r.reporter_email = ${email})`;
/** publicFilter in SQL for one row: what anyone may see of it (a hidden, unconfirmed or unreviewed report is the reporter's only). */
const isPublic = sql<boolean>`(NOT r.hidden AND r.status <> 'unconfirmed' AND (r.reviewed_at IS NOT NULL OR c.kind <> 'angstraum'))`;

/** The person's reports, newest first, with what the list shows; `is_public` says whether the report's page is open to all. */
export function reportsOfHolder(db: Db, organizationId: number, userId: number, email: string, page: Paged) {
  return db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .select([
      'r.id',
      'r.status',
      'r.close_reason',
      'r.hidden',
      'r.address',
      'r.description',
      'r.created_at',
      'r.supporters_count',
      'c.kind',
      'c.name_de as category_de',
      'c.name_en as category_en',
      isPublic.as('is_public'),
    ])
    .where('r.organization_id', '=', organizationId)
    .where(own(userId, email))
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countReportsOfHolder(db: Db, organizationId: number, userId: number, email: string): Promise<number> {
  const row = await db
    .selectFrom('reports as r')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('r.organization_id', '=', organizationId)
    .where(own(userId, email))
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * Other people's public reports the person follows (by address) or supports (by account), the latest first. Their
 * own reports are left out (the reporter follows them anyway), and so is what the public may not see.
 */
export function followedOrSupported(db: Db, organizationId: number, userId: number, email: string, page: Paged) {
  return db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .leftJoin('report_followers as f', (j) =>
      j.onRef('f.organization_id', '=', 'r.organization_id').onRef('f.report_id', '=', 'r.id').on('f.email', '=', email),
    )
    .leftJoin('report_supporters as s', (j) =>
      j.onRef('s.organization_id', '=', 'r.organization_id').onRef('s.report_id', '=', 'r.id').on('s.user_id', '=', userId),
    )
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
      sql<boolean>`f.email IS NOT NULL`.as('followed'),
      sql<boolean>`s.report_id IS NOT NULL`.as('supported'),
    ])
    .where(publicFilter(organizationId, {}))
    .where(sql<boolean>`(f.email IS NOT NULL OR s.report_id IS NOT NULL)`)
    .where(sql<boolean>`NOT coalesce(${own(userId, email)}, false)`)
    .orderBy(sql`greatest(f.created_at, s.created_at)`, 'desc')
    .orderBy('r.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** The name the person gave on their latest report that still has one (the retention job removes it after a while). */
export async function latestReporterName(db: Db, organizationId: number, userId: number, email: string): Promise<string | null> {
  const row = await db
    .selectFrom('reports as r')
    .select('r.reporter_name')
    .where('r.organization_id', '=', organizationId)
    .where(own(userId, email))
    .where('r.reporter_name', '<>', '')
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.reporter_name ?? null;
}
