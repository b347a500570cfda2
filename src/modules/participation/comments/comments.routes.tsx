import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../../platform/http/errors';
import { asForm, field } from '../../../platform/http/form';
import { currentUser, signedInOnly } from '../../../platform/http/guards';
import { enforce } from '../../../platform/http/rate-limit';
import { Id, Page } from '../../../platform/http/schemas';
import { translator } from '../../../platform/i18n';
import type { ModuleServices } from '../../../platform/module';
import { sendHtml } from '../../../platform/views/render';
import * as q from './comments.queries';
import {
  bodyProblem,
  checkMayEdit,
  checkMayPost,
  commentLocation,
  FLAG_LIMIT,
  FLAG_REASON_MAX,
  findItem,
  mayAnswerOfficially,
  postComment,
  threadPath,
} from './comments.service';
import { commentMessages } from './messages';
import { CommentForm, EditForm, FlagForm } from './views/comment-forms';
import { commentsSection } from './views/comments-section';
import { CommentFormPage, ThreadPage } from './views/pages';

// Posting, replying, editing and flagging: plain form posts (no script needed) that redirect to the comment on
// the item's page, or show a small page with the form again when something is missing.

export const ItemKindName = Type.String({ pattern: '^[a-z][a-z0-9_-]{0,39}$' });
/** An item named by kind and id (comments and follows alike). */
export const ItemParams = Type.Object({ kind: ItemKindName, id: Id });
const CommentParams = Type.Object({ id: Id });
const ThreadQuery = Type.Object({ seite: Type.Optional(Page) });

const NUMBER = /^[1-9][0-9]{0,9}$/;

export async function commentRoutes(app: FastifyInstance, { db, modules }: ModuleServices): Promise<void> {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  async function itemOf(request: FastifyRequest, kind: string, id: number) {
    const found = await findItem(modules, db, request.ctx.org.id, kind, id, request.ctx.locale);
    if (!found) throw new AppError('not_found');
    return found;
  }

  async function ownComment(request: FastifyRequest, id: number) {
    const comment = await q.commentById(db, request.ctx.org.id, id);
    if (!comment) throw new AppError('not_found');
    return { comment, ...(await itemOf(request, comment.item_kind, comment.item_id)) };
  }

  routes.get('/beteiligung/kommentare/:kind/:id', { schema: { params: ItemParams, querystring: ThreadQuery } }, async (request, reply) => {
    const { kind, id } = request.params;
    const { item } = await itemOf(request, kind, id);
    const section = await commentsSection(db, request.ctx, { kind, id, item, page: request.query.seite ?? 1 });
    return sendHtml(reply, <ThreadPage ctx={request.ctx} item={item} section={section} />);
  });

  routes.post('/beteiligung/kommentare/:kind/:id', { schema: { params: ItemParams }, preHandler: signedInOnly() }, async (request, reply) => {
    const { ctx } = request;
    const { kind, id } = request.params;
    const user = currentUser(request);
    const { item } = await itemOf(request, kind, id);
    const form = asForm(request.body);
    const parentText = field(form, 'parent');
    if (parentText !== '' && !NUMBER.test(parentText)) throw new AppError('bad_request');
    const parentId = parentText === '' ? null : Number(parentText);
    const official = field(form, 'official') === '1';
    const input = { organizationId: ctx.org.id, user, kind, itemId: id, item, parentId, official };
    await checkMayPost(db, input, new Date());
    const text = field(form, 'text');
    const showName = field(form, 'show_name') === '1';
    const problem = bodyProblem(text);
    if (problem) {
      const t = translator(commentMessages, ctx.locale);
      const title = parentId === null ? t('form.title') : t('reply.open');
      return sendHtml(
        reply,
        <CommentFormPage ctx={ctx} title={title} item={item} errors={{ text: t(problem) }}>
          <CommentForm
            locale={ctx.locale}
            csrfToken={ctx.csrfToken}
            action={threadPath(kind, id)}
            prefix="f"
            parentId={parentId ?? undefined}
            accountName={user.displayName}
            mayOfficial={mayAnswerOfficially(user, item)}
            values={{ text, showName, official }}
            errors={{ text: t(problem) }}
          />
        </CommentFormPage>,
        422,
      );
    }
    const commentId = await postComment(db, { ...input, body: text, showName });
    const saved = await q.commentById(db, ctx.org.id, commentId);
    return reply.redirect(await commentLocation(db, ctx.org.id, kind, id, item, saved!), 303);
  });

  routes.post('/beteiligung/kommentar/:id/bearbeiten', { schema: { params: CommentParams }, preHandler: signedInOnly() }, async (request, reply) => {
    const { ctx } = request;
    const user = currentUser(request);
    const { comment, item } = await ownComment(request, request.params.id);
    // Only one's own comments can be edited: another person's is answered like one that does not exist (404), so the
    // edit address tells nobody which comments are whose.
    if (comment.author_id !== user.id) throw new AppError('not_found');
    await checkMayEdit(db, { organizationId: ctx.org.id, user, item, official: comment.official }, new Date());
    const text = field(asForm(request.body), 'text');
    const t = translator(commentMessages, ctx.locale);
    const problem = bodyProblem(text);
    const saved = problem === null && (await q.updateOwnComment(db, ctx.org.id, comment.id, user.id, text));
    if (saved) return reply.redirect(await commentLocation(db, ctx.org.id, comment.item_kind, comment.item_id, item, comment), 303);
    // The update itself decides (database clock, hidden/deleted, open flag); the message only tells which it was.
    const windowOpen = Date.now() - comment.created_at.getTime() < q.EDIT_MINUTES * 60_000;
    const error = t(problem ?? (windowOpen ? 'err.editLocked' : 'err.editClosed'));
    return sendHtml(
      reply,
      <CommentFormPage ctx={ctx} title={t('page.editTitle')} item={item} errors={{ text: error }}>
        <EditForm locale={ctx.locale} csrfToken={ctx.csrfToken} commentId={comment.id} prefix="f" text={text} error={error} />
      </CommentFormPage>,
      problem ? 422 : 403,
    );
  });

  routes.post('/beteiligung/kommentar/:id/melden', { schema: { params: CommentParams }, preHandler: signedInOnly() }, async (request, reply) => {
    const { ctx } = request;
    const user = currentUser(request);
    const { comment, item } = await ownComment(request, request.params.id);
    if (comment.hidden_at || comment.removed_at) throw new AppError('not_found');
    if (comment.author_id === user.id) throw new AppError('bad_request');
    const reason = field(asForm(request.body), 'reason');
    const t = translator(commentMessages, ctx.locale);
    const problem = reason === '' ? 'err.reason' : reason.length > FLAG_REASON_MAX ? 'err.reasonLong' : null;
    if (problem) {
      return sendHtml(
        reply,
        <CommentFormPage ctx={ctx} title={t('page.flagTitle')} item={item} errors={{ reason: t(problem) }}>
          <FlagForm locale={ctx.locale} csrfToken={ctx.csrfToken} commentId={comment.id} prefix="f" reason={reason} error={t(problem)} />
        </CommentFormPage>,
        422,
      );
    }
    await enforce(db, [[FLAG_LIMIT, `u:${user.id}`]]);
    await q.addFlag(db, ctx.org.id, comment.id, user.id, reason);
    return reply.redirect(await commentLocation(db, ctx.org.id, comment.item_kind, comment.item_id, item, comment), 303);
  });
}
