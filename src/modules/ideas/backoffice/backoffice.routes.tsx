import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, type FieldErrors } from '../../../platform/http/errors';
import { asForm, field } from '../../../platform/http/form';
import { currentUser, staffOnlyInOwnDepartments } from '../../../platform/http/guards';
import { IdParams, knownNotice, NoticeQuery } from '../../../platform/http/schemas';
import { translator } from '../../../platform/i18n';
import type { ModuleServices } from '../../../platform/module';
import { sendHtml } from '../../../platform/views/render';
import { listReportCategories } from '../../reports';
import { PUBLIC_STATUSES } from '../idea';
import * as q from '../ideas.queries';
import { OptionalId } from '../list-query';
import type { IdeaStatus } from '../tables';
import { staffMessages } from './backoffice.messages';
import * as bq from './backoffice.queries';
import * as bo from './backoffice.service';
import { convertToReport } from './convert';
import { canWorkOnIdea, ideaScope } from './policy';
import { settingsRoutes } from './settings.routes';
import { DetailPage, QueuePage } from './views';

// Any staff role; department staff only on their departments' ideas (policy.ts; 403 for another department's).
const anyStaff = { preHandler: staffOnlyInOwnDepartments() };
const QueueQuery = Type.Object({
  auswahl: Type.Optional(Type.Union([Type.Literal('due'), Type.Literal('all')])),
  status: Type.Optional(Type.Union([Type.Literal(''), ...PUBLIC_STATUSES.map((s) => Type.Literal(s))])),
  abteilung: Type.Optional(OptionalId),
});
const NOTICES = ['status', 'answer', 'department', 'merge', 'report'] as const;
const FIELD: Record<bo.StaffProblem | 'category' | 'report', string> = {
  transition: 'to',
  reason: 'reason',
  answer: 'answer',
  department: 'departmentId',
  merge: 'into',
  category: 'categoryId',
  report: 'categoryId',
};

/** /verwaltung/ideen: the queue, an idea's page and the staff actions on it. */
export async function backOfficeIdeaRoutes(app: FastifyInstance, services: ModuleServices): Promise<void> {
  const { db } = services;
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  routes.get('/verwaltung/ideen', { ...anyStaff, schema: { querystring: QueueQuery } }, async (request, reply) => {
    const { ctx } = request;
    const view = request.query.auswahl ?? 'due';
    const status = request.query.status || undefined;
    const departmentId = request.query.abteilung ? Number(request.query.abteilung) : undefined;
    const [rows, departments] = await Promise.all([
      bq.queue(db, ctx.org.id, { view, status, departmentId, departmentIds: ideaScope(currentUser(request)) }, 200, 0),
      bq.departments(db, ctx.org.id),
    ]);
    const filter = { view, status: status ?? '', department: departmentId ? String(departmentId) : '' };
    return sendHtml(reply, <QueuePage ctx={ctx} rows={rows} filter={filter} departments={departments} now={new Date()} />);
  });

  /** The idea if this staff member may work on it: 404 for none (or another city's), 403 for another department's. */
  async function ideaForStaff(request: FastifyRequest, id: number) {
    const idea = await q.findIdea(db, request.ctx.org.id, id);
    if (!idea) throw new AppError('not_found');
    if (!canWorkOnIdea(currentUser(request), idea)) throw new AppError('forbidden', { reason: `idea ${id} belongs to another department` });
    return idea;
  }

  async function detail(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra: { notice?: string; errors?: FieldErrors; values?: Record<string, string> } = {},
    status = 200,
  ) {
    const { ctx } = request;
    const idea = await ideaForStaff(request, id);
    const [events, departments, categories] = await Promise.all([
      q.ideaEvents(db, ctx.org.id, id),
      bq.departments(db, ctx.org.id),
      listReportCategories(db, ctx.org.id),
    ]);
    const reportCategories = categories.map((c) => ({ id: c.id, name: ctx.locale === 'de' ? c.name_de : c.name_en }));
    return sendHtml(reply, <DetailPage ctx={ctx} idea={idea} events={events} departments={departments} categories={reportCategories} {...extra} />, status);
  }

  routes.get('/verwaltung/ideen/:id', { ...anyStaff, schema: { params: IdParams, querystring: NoticeQuery } }, async (request, reply) => {
    const ok = knownNotice(NOTICES, request.query.ok);
    return detail(request, reply, request.params.id, { notice: ok ? translator(staffMessages, request.ctx.locale)(`ok.${ok}`) : undefined });
  });

  /** Runs a staff action: on a problem the page again with the field marked and the input kept (422). */
  function action(
    path: string,
    notice: (typeof NOTICES)[number],
    run: (request: FastifyRequest, id: number, body: Record<string, string>) => Promise<keyof typeof FIELD | null>,
  ) {
    routes.post(`/verwaltung/ideen/:id/${path}`, { ...anyStaff, schema: { params: IdParams } }, async (request, reply) => {
      await ideaForStaff(request, request.params.id);
      const form = asForm(request.body);
      const values = Object.fromEntries(['to', 'reason', 'answer', 'departmentId', 'into', 'categoryId'].map((k) => [k, field(form, k)]));
      const problem = await run(request, request.params.id, values);
      if (!problem) {
        // Handed on to another department: the idea is no longer this staff member's to see.
        const after = await q.findIdea(db, request.ctx.org.id, request.params.id);
        if (after && !canWorkOnIdea(currentUser(request), after)) return reply.redirect('/verwaltung/ideen', 303);
        return reply.redirect(`/verwaltung/ideen/${request.params.id}?ok=${notice}`, 303);
      }
      const t = translator(staffMessages, request.ctx.locale);
      return detail(request, reply, request.params.id, { errors: { [FIELD[problem]]: t(`err.${problem}`) }, values }, 422);
    });
  }

  action('status', 'status', (request, id, v) => {
    const to = v.to as IdeaStatus;
    if (!(PUBLIC_STATUSES as readonly string[]).includes(to)) return Promise.resolve('transition');
    return bo.changeStatus(db, request.ctx.org, id, to, v.reason ?? '', currentUser(request).id);
  });
  action('antwort', 'answer', (request, id, v) => bo.answerIdea(db, request.ctx.org, id, v.answer ?? '', currentUser(request).id));
  action('abteilung', 'department', (request, id, v) => {
    const raw = v.departmentId ?? '';
    if (raw !== '' && !/^\d{1,9}$/.test(raw)) return Promise.resolve('department');
    return bo.assignDepartment(db, request.ctx.org, id, raw === '' ? null : Number(raw), currentUser(request).id);
  });
  action('zusammenfuehren', 'merge', async (request, id, v) => {
    const raw = (v.into ?? '').replace(/^#/, '').trim();
    if (!/^\d{1,9}$/.test(raw)) return 'merge';
    // The kept idea gains the supporters: it must be one this staff member may work on too.
    const into = await q.findIdea(db, request.ctx.org.id, Number(raw));
    if (into && !canWorkOnIdea(currentUser(request), into)) throw new AppError('forbidden', { reason: `idea ${raw} belongs to another department` });
    return bo.mergeIdea(db, request.ctx.org, id, Number(raw), currentUser(request).id);
  });

  action('meldung', 'report', (request, id, v) => {
    const raw = v.categoryId ?? '';
    if (!/^\d{1,9}$/.test(raw)) return Promise.resolve('category');
    const { config, storage } = services;
    return convertToReport({ db, storage, secret: config.secret, publicUrl: config.publicUrl }, request.ctx.org, id, Number(raw), currentUser(request));
  });

  await settingsRoutes(app, services);
}
