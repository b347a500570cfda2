import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { verifyUnsubscribeToken } from '../../../platform/engagement/unsubscribe';
import { AppError } from '../../../platform/http/errors';
import { asForm, field } from '../../../platform/http/form';
import { currentUser, signedInOnly } from '../../../platform/http/guards';
import type { ModuleServices } from '../../../platform/module';
import { hashToken, randomToken } from '../../../platform/security/tokens';
import { sendHtml } from '../../../platform/views/render';
import { ItemParams } from './comments.routes';
import { findItem } from './comments.service';
import * as fq from './follows.queries';
import { ACCOUNT_RETURN } from './views/account-section';
import { UnsubscribePage } from './views/pages';

// Following an item (signed-in residents; a form button) and leaving it by the digest's one-click link.

/** Any text: a link a mail program mangled gets the page saying it no longer works, not a 404. */
const UnsubscribeParams = Type.Object({ token: Type.String({ maxLength: 200 }) });

export async function followRoutes(app: FastifyInstance, { db, config, modules }: ModuleServices): Promise<void> {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  routes.post('/beteiligung/verfolgen/:kind/:id', { schema: { params: ItemParams }, preHandler: signedInOnly() }, async (request, reply) => {
    const { ctx } = request;
    const { kind, id } = request.params;
    const found = await findItem(modules, db, ctx.org.id, kind, id, ctx.locale);
    if (!found) throw new AppError('not_found');
    const ref = { organizationId: ctx.org.id, kind, itemId: id };
    const user = currentUser(request);
    const form = asForm(request.body);
    if (field(form, 'follow') === '0') await fq.removeFollow(db, ref, user.id);
    else await db.transaction().execute((trx) => fq.addFollow(trx, ref, user.id, hashToken(randomToken())));
    // "Mein Konto" sends its own page as the way back; anything else returns to the item.
    const back = field(form, 'return');
    return reply.redirect(back === ACCOUNT_RETURN ? back : `${found.item.path}#verfolgen`, 303);
  });

  async function followOf(organizationId: number, token: string) {
    const stored = verifyUnsubscribeToken(config.secret, token);
    return stored ? { stored, follow: await fq.followByTokenHash(db, organizationId, stored) } : null;
  }

  routes.get('/beteiligung/abbestellen/:token', { schema: { params: UnsubscribeParams } }, async (request, reply) => {
    const { ctx } = request;
    const found = await followOf(ctx.org.id, request.params.token);
    const item = found?.follow ? await findItem(modules, db, ctx.org.id, found.follow.item_kind, found.follow.item_id, ctx.locale) : null;
    if (!found?.follow) return sendHtml(reply, <UnsubscribePage ctx={ctx} token="" title={null} done={false} />, 410);
    return sendHtml(reply, <UnsubscribePage ctx={ctx} token={request.params.token} title={item?.item.title ?? `#${found.follow.item_id}`} done={false} />);
  });

  routes.post('/beteiligung/abbestellen/:token', { schema: { params: UnsubscribeParams } }, async (request, reply) => {
    const { ctx } = request;
    const found = await followOf(ctx.org.id, request.params.token);
    if (!found?.follow) return sendHtml(reply, <UnsubscribePage ctx={ctx} token="" title={null} done={false} />, 410);
    const item = await findItem(modules, db, ctx.org.id, found.follow.item_kind, found.follow.item_id, ctx.locale);
    await fq.removeFollowByTokenHash(db, ctx.org.id, found.stored);
    return sendHtml(reply, <UnsubscribePage ctx={ctx} token="" title={item?.item.title ?? `#${found.follow.item_id}`} done={true} />);
  });
}
