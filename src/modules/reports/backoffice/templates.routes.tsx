import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/http/errors';
import { asForm, field } from '../../../platform/http/form';
import { IdParams } from '../../../platform/http/schemas';
import { sendHtml } from '../../../platform/views/render';
import * as admin from './backoffice.admin';
import * as bq from './backoffice.queries';
import type { BackOfficeRouteDeps } from './backoffice.routes';
import { AdminNoticeQuery, adminNotice, adminOnly, audit, problemsToErrors } from './route-helpers';
import { TemplateFormPage, TemplatesPage } from './views/admin-pages';

/** Response templates: texts staff can start a public message from. */
export function templateRoutes(app: FastifyInstance, { db }: BackOfficeRouteDeps): void {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  routes.get('/verwaltung/antwortvorlagen', { ...adminOnly, schema: { querystring: AdminNoticeQuery } }, async (request, reply) =>
    sendHtml(
      reply,
      <TemplatesPage ctx={request.ctx} templates={await bq.listTemplates(db, request.ctx.org.id)} notice={adminNotice(request.ctx, request.query.ok)} />,
    ),
  );
  app.get('/verwaltung/antwortvorlagen/neu', adminOnly, async (request, reply) =>
    sendHtml(reply, <TemplateFormPage ctx={request.ctx} id={null} values={{ title: '', body: '' }} />),
  );
  routes.get('/verwaltung/antwortvorlagen/:id', { ...adminOnly, schema: { params: IdParams } }, async (request, reply) => {
    const tpl = await bq.findTemplate(db, request.ctx.org.id, request.params.id);
    if (!tpl) throw new AppError('not_found');
    return sendHtml(reply, <TemplateFormPage ctx={request.ctx} id={tpl.id} values={tpl} />);
  });

  // Form posts: the body is checked by the form code, which shows the form again with its problems.
  const saveTemplate = async (request: FastifyRequest, reply: FastifyReply, id: number | null) => {
    const body = asForm(request.body);
    const values = { title: field(body, 'title'), body: field(body, 'body') };
    const checked = await admin.validateTemplate(db, request.ctx.org.id, id, values);
    if (!checked.ok)
      return sendHtml(reply, <TemplateFormPage ctx={request.ctx} id={id} values={values} errors={problemsToErrors(request.ctx, checked.errors)} />, 400);
    if (id) await bq.updateTemplate(db, request.ctx.org.id, id, checked.value);
    const saved = id ?? (await bq.insertTemplate(db, request.ctx.org.id, checked.value)).id;
    await audit(db, request, id ? 'response_templates.update' : 'response_templates.create', saved);
    return reply.redirect(`/verwaltung/antwortvorlagen?ok=${id ? 'saved' : 'created'}`, 303);
  };
  app.post('/verwaltung/antwortvorlagen', adminOnly, (request, reply) => saveTemplate(request, reply, null));
  routes.post('/verwaltung/antwortvorlagen/:id', { ...adminOnly, schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    if (!(await bq.findTemplate(db, request.ctx.org.id, id))) throw new AppError('not_found');
    return saveTemplate(request, reply, id);
  });
  routes.post('/verwaltung/antwortvorlagen/:id/loeschen', { ...adminOnly, schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    const result = await bq.deleteTemplate(db, request.ctx.org.id, id);
    if (Number(result.numDeletedRows) === 0) throw new AppError('not_found');
    await audit(db, request, 'response_templates.delete', id);
    return reply.redirect('/verwaltung/antwortvorlagen?ok=deleted', 303);
  });
}
