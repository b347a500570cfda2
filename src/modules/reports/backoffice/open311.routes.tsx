import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../platform/http/errors';
import { asForm, field, fieldList } from '../../../platform/http/form';
import { currentUser } from '../../../platform/http/guards';
import { IdParams } from '../../../platform/http/schemas';
import { sendHtml } from '../../../platform/views/render';
import * as admin from './backoffice.admin';
import * as bq from './backoffice.queries';
import type { BackOfficeRouteDeps } from './backoffice.routes';
import { AdminNoticeQuery, adminNotice, adminOnly, problemsToErrors } from './route-helpers';
import { Open311FormPage, Open311ListPage } from './views/admin-pages';

/** Open311 forwarding per department: where a department's own system takes reports, and its key. */
export function open311Routes(app: FastifyInstance, { db, config }: BackOfficeRouteDeps): void {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  routes.get('/verwaltung/open311', { ...adminOnly, schema: { querystring: AdminNoticeQuery } }, async (request, reply) =>
    sendHtml(
      reply,
      <Open311ListPage ctx={request.ctx} departments={await bq.departments(db, request.ctx.org.id)} notice={adminNotice(request.ctx, request.query.ok)} />,
    ),
  );
  routes.get('/verwaltung/abteilungen/:id/open311', { ...adminOnly, schema: { params: IdParams } }, async (request, reply) => {
    const dep = await bq.findDepartment(db, request.ctx.org.id, request.params.id);
    if (!dep) throw new AppError('not_found');
    return sendHtml(
      reply,
      <Open311FormPage
        ctx={request.ctx}
        department={dep}
        hasKey={Boolean(dep.open311_api_key)}
        values={{ endpoint: dep.open311_endpoint ?? '', enabled: dep.open311_enabled }}
      />,
    );
  });
  // A form post: the body is checked by the form code, which shows the form again with its problems.
  routes.post('/verwaltung/abteilungen/:id/open311', { ...adminOnly, schema: { params: IdParams } }, async (request, reply) => {
    const dep = await bq.findDepartment(db, request.ctx.org.id, request.params.id);
    if (!dep) throw new AppError('not_found');
    const body = asForm(request.body);
    const form: admin.Open311Form = {
      endpoint: field(body, 'endpoint'),
      apiKey: field(body, 'apiKey'),
      removeKey: fieldList(body, 'removeKey').includes('1'),
      enabled: fieldList(body, 'enabled').includes('1'),
    };
    const checked = admin.validateOpen311(form, Boolean(dep.open311_api_key), config.outboundAllowedPrivateHosts);
    if (!checked.ok) {
      return sendHtml(
        reply,
        <Open311FormPage
          ctx={request.ctx}
          department={dep}
          hasKey={Boolean(dep.open311_api_key)}
          values={{ endpoint: form.endpoint, enabled: form.enabled }}
          errors={problemsToErrors(request.ctx, checked.errors)}
        />,
        400,
      );
    }
    await bq.updateOpen311(db, request.ctx.org.id, dep.id, checked.value);
    // The key itself never goes into the audit log.
    await bq.actorAudit(db, {
      organizationId: request.ctx.org.id,
      actorUserId: currentUser(request).id,
      action: 'departments.open311',
      subject: String(dep.id),
      details: { enabled: checked.value.enabled, endpoint: checked.value.endpoint, keyChanged: checked.value.apiKey !== undefined },
    });
    return reply.redirect('/verwaltung/open311?ok=saved', 303);
  });
}
