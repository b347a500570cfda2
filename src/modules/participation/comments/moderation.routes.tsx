import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../../platform/http/errors';
import { asForm, field, safeReturnPath } from '../../../platform/http/form';
import { currentUser, staffOnly } from '../../../platform/http/guards';
import { Id, knownNotice, Page } from '../../../platform/http/schemas';
import { staffLocale, translator } from '../../../platform/i18n';
import type { ModuleServices } from '../../../platform/module';
import { sendHtml } from '../../../platform/views/render';
import { insertAudit } from '../../organizations';
import { commentById } from './comments.queries';
import { findItem, HIDE_REASON_MAX } from './comments.service';
import { commentMessages } from './messages';
import * as mq from './moderation.queries';
import { MODERATION_PATH, ModerationPage, type QueueEntry } from './views/moderation-page';

// The moderation queue (admins and moderators): decide on reported comments across every kind of item. Every
// decision is one transaction with its audit_log entry.

const PER_PAGE = 25;
const QueueQuery = Type.Object({
  ansicht: Type.Optional(Type.Union([Type.Literal('gemeldet'), Type.Literal('ausgeblendet')])),
  seite: Type.Optional(Page),
  ok: Type.Optional(Type.String({ maxLength: 40 })),
});
const Params = Type.Object({ id: Id });
const NOTICES = ['hidden', 'shown', 'dismissed'] as const;
const guard = staffOnly('admin', 'moderator');

export async function moderationRoutes(app: FastifyInstance, { db, modules }: ModuleServices): Promise<void> {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  async function page(request: FastifyRequest, view: mq.QueueView, pageNo: number, extra: { failed?: { id: number; reason: string }; notice?: string } = {}) {
    const { failed } = extra;
    const { ctx } = request;
    const queue = await mq.moderationQueue(db, ctx.org.id, view, pageNo, PER_PAGE);
    const flaggedTotal = view === 'flagged' ? queue.total : (await mq.moderationQueue(db, ctx.org.id, 'flagged', 1, 1)).total;
    // Each item once per page, however many of its comments are in the queue.
    const items = new Map<string, Promise<QueueEntry['item']>>();
    const itemOf = (kind: string, id: number) => {
      const key = `${kind}:${id}`;
      if (!items.has(key))
        items.set(
          key,
          findItem(modules, db, ctx.org.id, kind, id, staffLocale(ctx.locale)).then((found) =>
            found ? { title: found.item.title, path: found.item.path } : null,
          ),
        );
      return items.get(key)!;
    };
    const rows: QueueEntry[] = await Promise.all(queue.rows.map(async (r) => ({ ...r, item: await itemOf(r.item_kind, r.item_id) })));
    const t = translator(commentMessages, staffLocale(ctx.locale));
    return (
      <ModerationPage
        ctx={ctx}
        view={view}
        rows={rows}
        flaggedTotal={flaggedTotal}
        paging={{ page: pageNo, pages: Math.max(1, Math.ceil(queue.total / PER_PAGE)) }}
        failed={failed}
        notice={extra.notice}
        errors={failed ? { hide: t('bo.err.reason') } : undefined}
      />
    );
  }

  routes.get(MODERATION_PATH, { schema: { querystring: QueueQuery }, preHandler: guard }, async (request, reply) => {
    const view = request.query.ansicht === 'ausgeblendet' ? 'hidden' : 'flagged';
    const ok = knownNotice(NOTICES, request.query.ok);
    const notice = ok ? translator(commentMessages, staffLocale(request.ctx.locale))(`bo.ok.${ok}`) : undefined;
    return sendHtml(reply, await page(request, view, request.query.seite ?? 1, notice ? { notice } : {}));
  });

  routes.post(`${MODERATION_PATH}/:id/ausblenden`, { schema: { params: Params }, preHandler: guard }, async (request, reply) => {
    const { ctx } = request;
    const comment = await commentById(db, ctx.org.id, request.params.id);
    if (!comment) throw new AppError('not_found');
    const form = asForm(request.body);
    const reason = field(form, 'reason');
    if (reason === '' || reason.length > HIDE_REASON_MAX)
      return sendHtml(reply, await page(request, 'flagged', 1, { failed: { id: comment.id, reason } }), 422);
    const actor = currentUser(request).id;
    await db.transaction().execute(async (trx) => {
      if (!(await mq.hideComment(trx, ctx.org.id, comment.id, reason, actor))) return;
      await insertAudit(trx, {
        organizationId: ctx.org.id,
        actorUserId: actor,
        action: 'participation.comment.hide',
        subject: String(comment.id),
        details: { reason },
      });
    });
    const back = field(form, 'return');
    return reply.redirect(back ? safeReturnPath(back, MODERATION_PATH) : `${MODERATION_PATH}?ok=hidden`, 303);
  });

  routes.post(`${MODERATION_PATH}/:id/einblenden`, { schema: { params: Params }, preHandler: guard }, async (request, reply) => {
    const { ctx } = request;
    const actor = currentUser(request).id;
    const shown = await db.transaction().execute(async (trx) => {
      if (!(await mq.showComment(trx, ctx.org.id, request.params.id))) return false;
      await insertAudit(trx, { organizationId: ctx.org.id, actorUserId: actor, action: 'participation.comment.show', subject: String(request.params.id) });
      return true;
    });
    if (!shown && !(await commentById(db, ctx.org.id, request.params.id))) throw new AppError('not_found');
    return reply.redirect(`${MODERATION_PATH}?ansicht=ausgeblendet&ok=shown`, 303);
  });

  routes.post(`${MODERATION_PATH}/:id/verwerfen`, { schema: { params: Params }, preHandler: guard }, async (request, reply) => {
    const { ctx } = request;
    if (!(await commentById(db, ctx.org.id, request.params.id))) throw new AppError('not_found');
    const actor = currentUser(request).id;
    await db.transaction().execute(async (trx) => {
      const n = await mq.resolveFlags(trx, ctx.org.id, request.params.id, 'dismissed');
      if (n > 0) {
        await insertAudit(trx, {
          organizationId: ctx.org.id,
          actorUserId: actor,
          action: 'participation.comment.dismiss_flags',
          subject: String(request.params.id),
          details: { flags: n },
        });
      }
    });
    return reply.redirect(`${MODERATION_PATH}?ok=dismissed`, 303);
  });
}
