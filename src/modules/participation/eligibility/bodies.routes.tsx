import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../../platform/db/connect';
import { AppError, type FieldErrors } from '../../../platform/http/errors';
import { asForm, field, normaliseEmail } from '../../../platform/http/form';
import { currentUser, staffOnly } from '../../../platform/http/guards';
import { Id, IdParams, NoticeQuery } from '../../../platform/http/schemas';
import { translator } from '../../../platform/i18n';
import { sendHtml } from '../../../platform/views/render';
import { insertAudit } from '../../organizations';
import * as q from './bodies.queries';
import { messages } from './messages';
import { accountByEmail } from './verification.queries';
import { BODIES_PATH, BODY_KINDS, BodiesPage, BodyPage, type BodyValues } from './views/bodies-pages';

// Bodies (Jugendparlament, Seniorenbeirat, Bezirksvertretung …) and their members, for admins; every change logged.

const MemberParams = Type.Object({ id: Id, userId: Id });
const NOTICES = { created: 'bo.bodies.created', saved: 'bo.body.saved', added: 'bo.body.added', removed: 'bo.body.removed' } as const;

export function bodyRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  const o = app.withTypeProvider<TypeBoxTypeProvider>();
  const admin = { preHandler: staffOnly('admin') };
  const audit = (request: FastifyRequest, action: string, subject: string, details?: unknown) =>
    insertAudit(db, { organizationId: request.ctx.org.id, actorUserId: currentUser(request).id, action, subject, details });
  const noticeOf = (request: FastifyRequest, ok: string | undefined) =>
    ok && ok in NOTICES ? translator(messages, request.ctx.locale)(NOTICES[ok as keyof typeof NOTICES]) : undefined;

  /** Name and kind from the form, checked; `id` is the body being renamed (its own name is no clash). */
  const readBody = async (request: FastifyRequest, id: number | null) => {
    const t = translator(messages, request.ctx.locale);
    const form = asForm(request.body);
    const values: BodyValues = { name: field(form, 'name'), kind: field(form, 'kind') };
    const errors: FieldErrors = {};
    if (!values.name || values.name.length > 200) errors.name = t('bo.err.name');
    else {
      const clash = await q.bodyByName(db, request.ctx.org.id, values.name);
      if (clash && clash.id !== id) errors.name = t('bo.err.nameTaken');
    }
    const kind = BODY_KINDS.find((k) => k === values.kind);
    if (!kind) errors.kind = t('bo.err.name');
    return { values, errors, kind };
  };

  const showBody = async (
    request: FastifyRequest,
    id: number,
    extra: { values?: BodyValues; email?: string; errors?: FieldErrors; notice?: string | undefined },
  ) => {
    const body = await q.findBody(db, request.ctx.org.id, id);
    if (!body) throw new AppError('not_found');
    const members = await q.bodyMembers(db, request.ctx.org.id, id);
    return <BodyPage ctx={request.ctx} body={body} members={members} values={extra.values ?? { name: body.name, kind: body.kind }} {...extra} />;
  };

  o.get(BODIES_PATH, { ...admin, schema: { querystring: NoticeQuery } }, async (request, reply) =>
    sendHtml(reply, <BodiesPage ctx={request.ctx} bodies={await q.listBodies(db, request.ctx.org.id)} notice={noticeOf(request, request.query.ok)} />),
  );

  o.post(BODIES_PATH, admin, async (request, reply) => {
    const { values, errors, kind } = await readBody(request, null);
    const id = kind && Object.keys(errors).length === 0 ? await q.insertBody(db, request.ctx.org.id, kind, values.name) : undefined;
    if (id === undefined) {
      if (Object.keys(errors).length === 0) errors.name = translator(messages, request.ctx.locale)('bo.err.nameTaken');
      return sendHtml(reply, <BodiesPage ctx={request.ctx} bodies={await q.listBodies(db, request.ctx.org.id)} values={values} errors={errors} />, 400);
    }
    await audit(request, 'participation.body_created', String(id), { name: values.name, kind });
    return reply.redirect(`${BODIES_PATH}/${id}?ok=created`, 303);
  });

  o.get(`${BODIES_PATH}/:id`, { ...admin, schema: { params: IdParams, querystring: NoticeQuery } }, async (request, reply) =>
    sendHtml(reply, await showBody(request, request.params.id, { notice: noticeOf(request, request.query.ok) })),
  );

  o.post(`${BODIES_PATH}/:id`, { ...admin, schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    if (!(await q.findBody(db, request.ctx.org.id, id))) throw new AppError('not_found');
    const { values, errors, kind } = await readBody(request, id);
    if (!kind || Object.keys(errors).length > 0) return sendHtml(reply, await showBody(request, id, { values, errors }), 400);
    await q.renameBody(db, request.ctx.org.id, id, kind, values.name);
    await audit(request, 'participation.body_renamed', String(id), { name: values.name, kind });
    return reply.redirect(`${BODIES_PATH}/${id}?ok=saved`, 303);
  });

  o.post(`${BODIES_PATH}/:id/mitglieder`, { ...admin, schema: { params: IdParams } }, async (request, reply) => {
    const { ctx } = request;
    const { id } = request.params;
    const t = translator(messages, ctx.locale);
    if (!(await q.findBody(db, ctx.org.id, id))) throw new AppError('not_found');
    const typed = field(asForm(request.body), 'email');
    const email = normaliseEmail(typed);
    const account = email ? await accountByEmail(db, ctx.org.id, email) : undefined;
    const added = account ? await q.addBodyMember(db, ctx.org.id, id, account.id, currentUser(request).id) : false;
    if (!account || !added)
      return sendHtml(reply, await showBody(request, id, { email: typed, errors: { email: t(account ? 'bo.err.already' : 'bo.err.email') } }), 400);
    await audit(request, 'participation.body_member_added', String(id), { userId: account.id });
    return reply.redirect(`${BODIES_PATH}/${id}?ok=added`, 303);
  });

  o.post(`${BODIES_PATH}/:id/mitglieder/:userId/entfernen`, { ...admin, schema: { params: MemberParams } }, async (request, reply) => {
    const { id, userId } = request.params;
    if (!(await q.removeBodyMember(db, request.ctx.org.id, id, userId))) throw new AppError('not_found');
    await audit(request, 'participation.body_member_removed', String(id), { userId });
    return reply.redirect(`${BODIES_PATH}/${id}?ok=removed`, 303);
  });
}
