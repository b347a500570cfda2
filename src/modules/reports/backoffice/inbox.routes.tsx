import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { FieldErrors } from '../../../platform/http/errors';
import { asForm, field, fieldList, safeReturnPath } from '../../../platform/http/form';
import { currentUser } from '../../../platform/http/guards';
import { ID_MAX, Id, NoticeQuery } from '../../../platform/http/schemas';
import { translator } from '../../../platform/i18n';
import { sendHtml } from '../../../platform/views/render';
import { messages } from './backoffice.messages';
import { departmentScope } from './backoffice.policy';
import * as bq from './backoffice.queries';
import type { BackOfficeRouteDeps } from './backoffice.routes';
import * as bo from './backoffice.service';
import { anyStaff, problemsToErrors } from './route-helpers';
import { InboxPage, type InboxQuery } from './views/inbox-page';

const PAGE_SIZE = 25;

/**
 * The inbox URL. Its filter fields come from the filter form and links built from it; they are taken as text
 * and read by parseInboxQuery, which drops unknown or malformed values (an old bookmark still opens the inbox).
 * The rest is written by our own redirects after an action.
 */
const InboxUrlQuery = Type.Object({
  status: Type.Optional(Type.String()),
  kategorie: Type.Optional(Type.String()),
  bezirk: Type.Optional(Type.String()),
  abteilung: Type.Optional(Type.String()),
  q: Type.Optional(Type.String()),
  alter: Type.Optional(Type.String()),
  sortierung: Type.Optional(Type.String()),
  seite: Type.Optional(Type.String()),
  ...NoticeQuery.properties,
  geaendert: Type.Optional(Type.Integer({ minimum: 0, maximum: ID_MAX, description: 'Reports a bulk action changed' })),
  unveraendert: Type.Optional(Type.Integer({ minimum: 0, maximum: ID_MAX, description: 'Reports a bulk action left as they were' })),
  nr: Type.Optional(Id),
});

const one = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');

/** The inbox query from the URL: unknown or malformed values are dropped, never trusted. */
export function parseInboxQuery(raw: Record<string, unknown>): { query: InboxQuery; filter: bq.InboxFilter; page: number; newestFirst: boolean } {
  const s = (k: string) => one(raw[k]).trim();
  const id = (k: string) => (/^\d{1,9}$/.test(s(k)) ? s(k) : '');
  const status = ['all', ...bo.REPORT_STATUSES].includes(s('status')) ? s('status') : '';
  const abteilung = s('abteilung') === 'none' ? 'none' : id('abteilung');
  const alter = ['lt1', 'lt7', 'gt7', 'gt30'].includes(s('alter')) ? s('alter') : '';
  const q = s('q').slice(0, 200);
  const seite = /^\d{1,6}$/.test(s('seite')) && Number(s('seite')) >= 1 ? s('seite') : '1';
  const query: InboxQuery = {
    status,
    kategorie: id('kategorie'),
    bezirk: id('bezirk'),
    abteilung,
    q,
    alter,
    // Newest first is the default; "neueste" is what older bookmarks say for it.
    sortierung: s('sortierung') === 'aelteste' ? 'aelteste' : '',
    seite,
  };
  const filter: bq.InboxFilter = {
    status: (status || 'open') as bq.StatusFilter,
    categoryId: query.kategorie ? Number(query.kategorie) : undefined,
    districtId: query.bezirk ? Number(query.bezirk) : undefined,
    departmentId: abteilung === 'none' ? 'none' : abteilung ? Number(abteilung) : undefined,
    text: q || undefined,
    age: (alter || undefined) as bq.AgeFilter | undefined,
  };
  return { query, filter, page: Number(seite), newestFirst: query.sortierung !== 'aelteste' };
}

/** The inbox: reports to work on, filtered, one page at a time, and the bulk status change. */
export function inboxRoutes(app: FastifyInstance, { db }: BackOfficeRouteDeps): void {
  async function renderInbox(
    request: FastifyRequest,
    reply: FastifyReply,
    rawQuery: Record<string, unknown>,
    extra: { notice?: string; errors?: FieldErrors; bulkStatus?: string; status?: number } = {},
  ) {
    const { ctx } = request;
    const user = currentUser(request);
    const scope = departmentScope(user);
    const { query, filter, page: asked, newestFirst } = parseInboxQuery(rawQuery);
    const [total, counts, categories, districts, departments] = await Promise.all([
      bq.countInbox(db, ctx.org.id, scope, filter),
      bq.statusCounts(db, ctx.org.id, scope, filter),
      bq.allCategories(db, ctx.org.id),
      bq.districts(db, ctx.org.id),
      bq.departments(db, ctx.org.id),
    ]);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const page = Math.min(asked, pages);
    const rows = await bq.listInbox(db, ctx.org.id, scope, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, newestFirst });
    const visibleDepartments = scope ? departments.filter((d) => scope.includes(d.id)) : departments;
    return sendHtml(
      reply,
      <InboxPage
        ctx={ctx}
        query={{ ...query, seite: String(page) }}
        rows={rows}
        total={total}
        counts={counts}
        page={page}
        pages={pages}
        categories={categories.map((c) => ({ id: c.id, name: ctx.locale === 'de' ? c.name_de : c.name_en }))}
        districts={districts}
        departments={visibleDepartments}
        scopeNames={scope ? visibleDepartments.map((d) => d.name) : null}
        notice={extra.notice}
        errors={extra.errors}
        bulkStatus={extra.bulkStatus}
      />,
      extra.status ?? 200,
    );
  }

  app.withTypeProvider<TypeBoxTypeProvider>().get('/verwaltung/meldungen', { ...anyStaff, schema: { querystring: InboxUrlQuery } }, async (request, reply) => {
    const t = translator(messages, request.ctx.locale);
    const { ok, geaendert = 0, unveraendert = 0, nr = 0 } = request.query;
    const notice =
      ok === 'bulk' ? t('ok.bulk', { done: geaendert, skipped: unveraendert }) : ok === 'weitergegeben' ? t('ok.departmentAway', { id: nr }) : undefined;
    return renderInbox(request, reply, request.query, { notice });
  });

  // A form post: the body is read by the form code; the inbox it came from is shown again with the problem.
  app.post('/verwaltung/meldungen/sammelaktion', anyStaff, async (request, reply) => {
    const body = asForm(request.body);
    const back = safeReturnPath(field(body, 'return'), '/verwaltung/meldungen');
    const returnPath = back.startsWith('/verwaltung/meldungen') ? back : '/verwaltung/meldungen';
    const returnQuery = Object.fromEntries(new URL(returnPath, 'http://x').searchParams);
    const status = field(body, 'bulkStatus');
    const result = await bo.bulkChangeStatus(db, request.ctx.org, currentUser(request), fieldList(body, 'ids'), status);
    if ('error' in result) {
      return renderInbox(request, reply, returnQuery, { errors: problemsToErrors(request.ctx, { bulkStatus: result.error }), bulkStatus: status, status: 400 });
    }
    const target = new URL(returnPath, 'http://x');
    target.searchParams.set('ok', 'bulk');
    target.searchParams.set('geaendert', String(result.done.length));
    target.searchParams.set('unveraendert', String(result.skipped.length));
    return reply.redirect(`${target.pathname}${target.search}`, 303);
  });
}
