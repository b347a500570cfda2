import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { RequestContext } from '../../../platform/http/context';
import { sharedPages } from '../../../platform/http/page-cache';
import { ID_MAX, PAGE_MAX } from '../../../platform/http/schemas';
import * as rq from '../report.queries';
import { countable, type FilterValues, filterQuery, PAGE_SIZE, parseFilters } from './map';
import * as mq from './map.queries';
import type { MapDeps } from './map.routes';
import { FilterFields } from './map.schemas';
import { type PublicCaches, translateFilterErrors } from './map-http';
import type { MapSettings } from './views/parts';
import { type ListPaging, type ListRow, ReportsListPage } from './views/reports-list';

const ListQuery = Type.Object({
  ...FilterFields,
  vor: Type.Optional(Type.Integer({ minimum: 1, maximum: ID_MAX, description: 'Reports older than this report (the link "ältere Meldungen")' })),
  nach: Type.Optional(Type.Integer({ minimum: 1, maximum: ID_MAX, description: 'Reports newer than this report (the link "neuere Meldungen")' })),
  // Page numbers of links from before keyset paging: answered with the first page of the same filters.
  seite: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_MAX, description: 'Page number of an old link' })),
});

/** Counting with a date filter reads the reports: up to this many, then "more than". */
export const COUNT_CAP = 1000;

/** /meldungen: the public list with filters and the map. */
export function listRoutes(app: FastifyInstance, { db, config }: MapDeps, settings: MapSettings, caches: PublicCaches): void {
  const shared = sharedPages(config.publicCacheSeconds);

  app.withTypeProvider<TypeBoxTypeProvider>().get('/meldungen', { schema: { querystring: ListQuery } }, async (request, reply) => {
    const { vor, nach, seite, ...values } = request.query;
    // The list pages by keyset now; an old ?seite=N link gets the newest reports of the same filters.
    if (seite !== undefined) return reply.redirect(`/meldungen${filterQuery(parseFilters(values).values)}`, 301);
    const cursor = vor ? { older: vor } : nach ? { newer: nach } : null;
    return shared.send(request, reply, (ctx) => listPage(ctx, values, cursor));
  });

  /** Exact counts from the maintained totals; with dates, counted from the reports up to COUNT_CAP. */
  async function countOf(organizationId: number, filter: rq.ListFilter): Promise<{ n: number; more: boolean }> {
    if (!countable(filter)) {
      const n = await mq.cappedCount(db, organizationId, filter, COUNT_CAP);
      return { n: Math.min(n, COUNT_CAP), more: n > COUNT_CAP };
    }
    const key = `${organizationId}|${JSON.stringify(filter)}`;
    return { n: await caches.listCount.get(key, () => mq.publicCount(db, organizationId, filter)), more: false };
  }

  async function rowsOf(organizationId: number, filter: rq.ListFilter, cursor: mq.ListCursor): Promise<ListPaging & { rows: ListRow[] }> {
    const rows = await mq.listPage(db, organizationId, filter, cursor, PAGE_SIZE + 1);
    const more = rows.length > PAGE_SIZE;
    const page = rows.slice(0, PAGE_SIZE);
    if (cursor === null) return { rows: page, older: more ? page.at(-1)!.id : null, newer: null, first: true };
    if ('older' in cursor) return { rows: page, older: more ? page.at(-1)!.id : null, newer: page[0]?.id ?? null, first: false };
    // Newer than the cursor, read upwards: without a full page beyond it, this is the newest page.
    if (!more) return rowsOf(organizationId, filter, null);
    page.reverse();
    return { rows: page, older: page.at(-1)!.id, newer: page[0]!.id, first: false };
  }

  async function listPage(ctx: RequestContext, values: Partial<FilterValues>, cursor: mq.ListCursor) {
    const parsed = parseFilters(values);
    const hasErrors = Object.keys(parsed.errors).length > 0;
    // A fixed number of queries whatever the page shows: filter lists, the count, one page of rows (with joins).
    const [categories, districts, count, page] = await Promise.all([
      mq.categoriesForFilter(db, ctx.org.id),
      rq.districtsForFilter(db, ctx.org.id),
      hasErrors ? Promise.resolve({ n: 0, more: false }) : countOf(ctx.org.id, parsed.filter),
      hasErrors ? Promise.resolve({ rows: [], older: null, newer: null, first: true }) : rowsOf(ctx.org.id, parsed.filter, cursor),
    ]);
    const view = (
      <ReportsListPage
        ctx={ctx}
        values={parsed.values}
        errors={translateFilterErrors(ctx, parsed.errors)}
        categories={categories.map((c) => ({ id: c.id, name: ctx.locale === 'de' ? c.name_de : c.name_en }))}
        districts={districts}
        rows={page.rows}
        count={count}
        paging={{ older: page.older, newer: page.newer, first: page.first }}
        settings={settings}
      />
    );
    return { page: view, status: hasErrors ? 400 : 200 };
  }
}
