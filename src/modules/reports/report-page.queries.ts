import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../platform/db/connect';
import { reusableQuery } from '../../platform/db/reusable-query';
import { PUBLIC_REPORT_COLUMNS } from './report.queries';

// The public report page in one statement: the report with its names, its approved photos, its public timeline,
// its category's questions and, for a signed-in visitor, whether they support and follow it. Photos, timeline and
// questions come as JSON arrays built by PostgreSQL (PGlite too), so the page costs one round trip instead of six.

interface PageValues extends Record<string, unknown> {
  organizationId: number;
  id: number;
  /** `u:<user id>` of a signed-in visitor; null for anonymous ones (then supporting is false). */
  supporterKey: string | null;
  email: string | null;
}

const PAGE = reusableQuery('report_page', (db, $: PageValues) =>
  db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .leftJoin('districts as d', 'd.id', 'r.district_id')
    .leftJoin('departments as dep', 'dep.id', 'r.department_id')
    .select(PUBLIC_REPORT_COLUMNS)
    .select('r.reviewed_at')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('report_photos as p')
          .select(['p.id', 'p.width', 'p.height'])
          .where('p.organization_id', '=', $.organizationId)
          .whereRef('p.report_id', '=', 'r.id')
          .where('p.status', '=', 'approved')
          .orderBy('p.sort')
          .orderBy('p.id'),
      ).as('photos'),
      jsonArrayFrom(
        eb
          .selectFrom('report_events as e')
          .select(['e.id', 'e.kind', 'e.from_status', 'e.to_status', 'e.body', 'e.data', 'e.created_at'])
          .where('e.organization_id', '=', $.organizationId)
          .whereRef('e.report_id', '=', 'r.id')
          .where('e.public', '=', true)
          .orderBy('e.created_at')
          .orderBy('e.id'),
      ).as('events'),
      jsonArrayFrom(
        eb
          .selectFrom('category_questions as cq')
          .select(['cq.code', 'cq.datatype', 'cq.label_de', 'cq.label_en', 'cq.options'])
          .where('cq.organization_id', '=', $.organizationId)
          .whereRef('cq.category_id', '=', 'r.category_id')
          .orderBy('cq.sort')
          .orderBy('cq.id'),
      ).as('questions'),
      eb
        .exists(
          eb
            .selectFrom('report_supporters as s')
            .select('s.report_id')
            .where('s.organization_id', '=', $.organizationId)
            .whereRef('s.report_id', '=', 'r.id')
            .where('s.supporter_key', '=', $.supporterKey),
        )
        .as('supporting'),
      eb
        .exists(
          eb
            .selectFrom('report_followers as f')
            .select('f.report_id')
            .where('f.organization_id', '=', $.organizationId)
            .whereRef('f.report_id', '=', 'r.id')
            .where('f.email', '=', $.email),
        )
        .as('following'),
    ])
    .where('r.organization_id', '=', $.organizationId)
    .where('r.id', '=', $.id),
);

/** Everything the report page shows, for a visitor (null: anonymous); undefined when the city has no such report. */
export async function reportPageRow(db: Db, organizationId: number, id: number, visitor: { id: number; email: string } | null) {
  const [row] = await PAGE.run(db, { organizationId, id, supporterKey: visitor ? `u:${visitor.id}` : null, email: visitor?.email ?? null });
  if (!row) return undefined;
  return {
    ...row,
    // JSON has no dates: the timeline's times come back as text.
    events: row.events.map((e) => ({ ...e, created_at: new Date(e.created_at) })),
  };
}

export type ReportPageRow = NonNullable<Awaited<ReturnType<typeof reportPageRow>>>;
