import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/connect';
import { AppError, type FieldErrors } from '../../platform/http/errors';
import { asForm, field } from '../../platform/http/form';
import { currentUser, staffOnly } from '../../platform/http/guards';
import { IdParams } from '../../platform/http/schemas';
import { translator } from '../../platform/i18n';
import { sendHtml } from '../../platform/views/render';
import { insertAudit } from '../organizations';
import { ApiKeyInputError, checkKeyInput, createApiKey, listApiKeys, revokeApiKey } from './api-key.service';
import { messages } from './messages';
import { ApiKeysPage } from './views/api-keys-page';

/** After a revocation: the revoked key's name, for the notice. */
const KeysQuery = Type.Object({ widerrufen: Type.Optional(Type.String({ maxLength: 500 })) });

/** Back office: admins create and revoke API keys. A new key is shown once, on the page that answers the form. */
export async function apiKeyRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  const o = app.withTypeProvider<TypeBoxTypeProvider>();
  const adminOnly = { preHandler: staffOnly('admin') };

  o.get('/verwaltung/api-schluessel', { ...adminOnly, schema: { querystring: KeysQuery } }, async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const revoked = request.query.widerrufen;
    const notice = revoked ? t('keyRevokedNotice', { name: revoked.slice(0, 100) }) : undefined;
    // Never cached: the page that shows a new key must not be kept anywhere.
    reply.header('Cache-Control', 'no-store');
    return sendHtml(reply, <ApiKeysPage ctx={ctx} keys={await listApiKeys(db, ctx.org.id)} notice={notice} />);
  });

  o.post('/verwaltung/api-schluessel', adminOnly, async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const body = asForm(request.body);
    const values = { name: field(body, 'name'), rate: field(body, 'rate') };
    reply.header('Cache-Control', 'no-store');
    try {
      const created = await createApiKey(db, ctx.org.id, { name: values.name, ratePerMinute: values.rate }, currentUser(request).id);
      await insertAudit(db, {
        organizationId: ctx.org.id,
        actorUserId: currentUser(request).id,
        action: 'api_keys.create',
        subject: String(created.id),
        details: { name: created.name, ratePerMinute: created.ratePerMinute },
      });
      return sendHtml(reply, <ApiKeysPage ctx={ctx} keys={await listApiKeys(db, ctx.org.id)} created={{ name: created.name, key: created.key }} />);
    } catch (err) {
      if (!(err instanceof ApiKeyInputError)) throw err;
      // Each field on its own, so the form names every problem at once.
      const errors: FieldErrors = {};
      for (const [fieldName, check] of [
        ['name', () => checkKeyInput(values.name, undefined)],
        ['rate', () => checkKeyInput('x', values.rate)],
      ] as const) {
        try {
          check();
        } catch {
          errors[fieldName] = fieldName === 'name' ? t('err.keyName') : t('err.keyRate');
        }
      }
      if (Object.keys(errors).length === 0) errors[err.field] = t(err.field === 'name' ? 'err.keyName' : 'err.keyRate');
      return sendHtml(reply, <ApiKeysPage ctx={ctx} keys={await listApiKeys(db, ctx.org.id)} values={values} errors={errors} />, 400);
    }
  });

  o.post('/verwaltung/api-schluessel/:id/widerrufen', { ...adminOnly, schema: { params: IdParams } }, async (request, reply) => {
    const revoked = await revokeApiKey(db, request.ctx.org.id, request.params.id);
    if (!revoked) throw new AppError('not_found');
    await insertAudit(db, {
      organizationId: request.ctx.org.id,
      actorUserId: currentUser(request).id,
      action: 'api_keys.revoke',
      subject: String(revoked.id),
    });
    return reply.redirect(`/verwaltung/api-schluessel?widerrufen=${encodeURIComponent(revoked.name)}`, 303);
  });
}
