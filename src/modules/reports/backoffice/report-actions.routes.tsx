import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { asForm, type FormBody, field } from '../../../platform/http/form';
import { currentUser } from '../../../platform/http/guards';
import { IdParams, knownNotice, NoticeQuery } from '../../../platform/http/schemas';
import { translator } from '../../../platform/i18n';
import { messages } from './backoffice.messages';
import { canWorkOnReport } from './backoffice.policy';
import * as bq from './backoffice.queries';
import type { BackOfficeRouteDeps } from './backoffice.routes';
import * as bo from './backoffice.service';
import { renderReport } from './report-view';
import { anyStaff, problemsToErrors } from './route-helpers';

const REPORT_NOTICES = [
  'status',
  'category',
  'department',
  'duplicate',
  'rejected',
  'not_responsible',
  'public_note',
  'internal_note',
  'photo_approved',
  'photo_hidden',
  'photo_redacted',
] as const;

const ReportPageQuery = Type.Object({
  ...NoticeQuery.properties,
  // The template choice is a select whose first option, "none", is empty.
  vorlage: Type.Optional(Type.String({ pattern: '^([1-9]\\d{0,8})?$', description: 'Response template id: its text goes into the message field' })),
});

/** One report in the back office and the form posts that work on it. */
export function reportActionRoutes(app: FastifyInstance, { db, config }: BackOfficeRouteDeps): void {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  routes.get('/verwaltung/meldungen/:id', { ...anyStaff, schema: { params: IdParams, querystring: ReportPageQuery } }, async (request, reply) => {
    const { ctx } = request;
    const { ok, vorlage } = request.query;
    const known = knownNotice(REPORT_NOTICES, ok);
    const notice = known ? translator(messages, ctx.locale)(`ok.${known}`) : undefined;
    // Without JavaScript, choosing a template reloads the page with its text in the message field.
    const template = vorlage ? await bq.findTemplate(db, ctx.org.id, Number(vorlage)) : undefined;
    return renderReport(db, request, reply, request.params.id, {
      notice,
      templateId: template ? String(template.id) : '',
      values: template ? { publicNote: template.body } : {},
    });
  });

  /** One form post on a report: run the use case, then show the report again or the form with its problems. */
  function reportAction(
    path: string,
    fields: string[],
    run: (request: FastifyRequest, id: number, body: FormBody) => Promise<bo.ActionResult>,
    notice: (typeof REPORT_NOTICES)[number],
  ) {
    // The body is read by the form code, which shows the report again with the problems and the input kept.
    routes.post(`/verwaltung/meldungen/:id/${path}`, { ...anyStaff, schema: { params: IdParams } }, async (request, reply) => {
      const { id } = request.params;
      const body = asForm(request.body);
      const result = await run(request, id, body);
      if (!result.ok) {
        const values = Object.fromEntries(fields.map((f) => [f, field(body, f)]));
        return renderReport(db, request, reply, id, { values, errors: problemsToErrors(request.ctx, result.errors), status: 400 });
      }
      // Passed on to a department the actor is not in: the report leaves their inbox.
      const after = await bq.reportForStaff(db, request.ctx.org.id, id);
      if (after && !canWorkOnReport(currentUser(request), after)) return reply.redirect(`/verwaltung/meldungen?ok=weitergegeben&nr=${id}`, 303);
      return reply.redirect(`/verwaltung/meldungen/${id}?ok=${notice}`, 303);
    });
  }

  const actor = (request: FastifyRequest) => currentUser(request);
  reportAction('annehmen', [], (r, id) => bo.changeStatus(db, r.ctx.org, actor(r), id, { status: 'confirmed' }), 'status');
  reportAction(
    'status',
    ['status', 'statusNote'],
    (r, id, b) => bo.changeStatus(db, r.ctx.org, actor(r), id, { status: field(b, 'status'), note: field(b, 'statusNote') }),
    'status',
  );
  reportAction('kategorie', ['categoryId'], (r, id, b) => bo.changeCategory(db, r.ctx.org, actor(r), id, field(b, 'categoryId')), 'category');
  reportAction(
    'abteilung',
    ['departmentId'],
    (r, id, b) => bo.reassignDepartment(db, r.ctx.org, actor(r), id, field(b, 'departmentId'), config.publicUrl),
    'department',
  );
  reportAction(
    'doppelt',
    ['duplicateOf', 'duplicateNote'],
    (r, id, b) => bo.markDuplicate(db, r.ctx.org, actor(r), id, { original: field(b, 'duplicateOf'), note: field(b, 'duplicateNote') }),
    'duplicate',
  );
  reportAction(
    'ablehnen',
    ['rejectReason'],
    (r, id, b) => bo.closeWithReason(db, r.ctx.org, actor(r), id, { reason: 'rejected', text: field(b, 'rejectReason') }),
    'rejected',
  );
  reportAction(
    'nicht-zustaendig',
    ['who', 'notResponsibleNote'],
    (r, id, b) => bo.closeWithReason(db, r.ctx.org, actor(r), id, { reason: 'not_responsible', who: field(b, 'who'), text: field(b, 'notResponsibleNote') }),
    'not_responsible',
  );
  reportAction(
    'nachricht',
    ['publicNote'],
    (r, id, b) => bo.addNote(db, r.ctx.org, actor(r), id, { public: true, body: field(b, 'publicNote') }),
    'public_note',
  );
  reportAction(
    'notiz',
    ['internalNote'],
    (r, id, b) => bo.addNote(db, r.ctx.org, actor(r), id, { public: false, body: field(b, 'internalNote') }),
    'internal_note',
  );
}
