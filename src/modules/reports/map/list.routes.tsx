import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { RequestContext } from '../../../platform/http/context';
import { sharedPages } from '../../../platform/http/page-cache';
import { Page } from '../../../platform/http/schemas';
import * as rq from '../report.queries';
import { type FilterValues, PAGE_SIZE, parseFilters } from './map';
import * as mq from './map.queries';
import type { MapDeps } from './map.routes';
import { FilterFields } from './map.schemas';
import { type PublicCaches, translateFilterErrors } from './map-http';
import type { MapSettings } from './views/parts';
import { ReportsListPage } from './views/reports-list';

const ListQuery = Type.Object({ ...FilterFields, seite: Type.Optional(Page) });

/** /meldungen: the public list with filters and the map. */
export function listRoutes(app: FastifyInstance, { db, config }: MapDeps, settings: MapSettings, caches: PublicCaches): void {
  const shared = sharedPages(config.publicCacheSeconds);

  app
    .withTypeProvider<TypeBoxTypeProvider>()
    .get('/meldungen', { schema: { querystring: ListQuery } }, async (request, reply) =>
      shared.send(request, reply, (ctx) => listPage(ctx, request.query, request.query.seite ?? 1)),
    );

  async function listPage(ctx: RequestContext, values: Partial<FilterValues>, asked: number) {
    const parsed = parseFilters(values);
    const hasErrors = Object.keys(parsed.errors).length > 0;
    // A fixed number of queries whatever the page shows: filter lists, the count, one page of rows (with joins).
    const [categories, districts, total, rows] = await Promise.all([
      mq.categoriesForFilter(db, ctx.org.id),
      rq.districtsForFilter(db, ctx.org.id),
      hasErrors
        ? Promise.resolve(0)
        : caches.listCount.get(`${ctx.org.id}|${JSON.stringify(parsed.filter)}`, () => rq.countPublicReports(db, ctx.org.id, parsed.filter)),
      hasErrors ? Promise.resolve([]) : rq.listPublicReports(db, ctx.org.id, parsed.filter, { limit: PAGE_SIZE, offset: (asked - 1) * PAGE_SIZE }),
    ]);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const errors = { ...parsed.errors };
    if (!hasErrors && asked > pages) errors.seite = 'page';
    const page = (
      <ReportsListPage
        ctx={ctx}
        values={parsed.values}
        errors={translateFilterErrors(ctx, errors)}
        categories={categories.map((c) => ({ id: c.id, name: ctx.locale === 'de' ? c.name_de : c.name_en }))}
        districts={districts}
        rows={errors.seite ? [] : rows}
        total={total}
        page={asked}
        pages={pages}
        settings={settings}
      />
    );
    return { page, status: Object.keys(errors).length > 0 ? 400 : 200 };
  }
}
