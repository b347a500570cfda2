import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FileStorage } from '../../platform/files/storage';
import { clientKey } from '../../platform/http/client-ip';
import { asForm, field, normaliseEmail } from '../../platform/http/form';
import { currentUser, signedInOnly } from '../../platform/http/guards';
import { enforce, type Limit } from '../../platform/http/rate-limit';
import { TokenParams } from '../../platform/http/schemas';
import { translator } from '../../platform/i18n';
import type { PersonalDataSource } from '../../platform/personal-data';
import { sendHtml } from '../../platform/views/render';
import type { AccountScope } from './account.http';
import { deleteResidentAccount } from './account-deletion';
import { exportArchive } from './data-export';
import { checkExportLinkToken, exportLinkToken } from './export-link';
import { messages } from './messages';
import { accountForExport } from './personal-data.queries';
import { AccountDeletedPage, DataExportPage, DeleteAccountPage, ExportLinkInvalidPage } from './views/data-rights-pages';

/** Building an archive reads every row and photo of the person: a few a day are plenty, a loop is not. */
export const EXPORT_LIMIT: Limit = { name: 'data-export:user', max: 10, windowSeconds: 60 * 60 };

/** Personal pages and the archive must not be kept by the browser or any cache on the way. */
function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store');
}

/** The residents' data rights: "Meine Daten herunterladen" (/konto/daten) and "Konto löschen" (/konto/loeschen). */
export function dataRightsRoutes(
  app: FastifyInstance,
  { db, config, cookieName }: AccountScope,
  { storage, sources }: { storage: FileStorage; sources: readonly PersonalDataSource[] },
): void {
  const o = app.withTypeProvider<TypeBoxTypeProvider>();
  const signedIn = { preHandler: signedInOnly() };
  const mode = config.deletedAccountContributions;

  o.get('/konto/daten', signedIn, async (request, reply) => sendHtml(noStore(reply), <DataExportPage ctx={request.ctx} />));

  // A POST makes the link, so no page, prefetch or mail scanner starts an export; the link is bound to this session.
  o.post('/konto/daten', signedIn, async (request, reply) => {
    const user = currentUser(request);
    const token = exportLinkToken(config.secret, request.ctx.org.id, user.id, request.sessionToken ?? '');
    return noStore(reply).redirect(`/konto/daten/datei/${token}`, 303);
  });

  o.get('/konto/daten/datei/:token', { ...signedIn, schema: { params: TokenParams } }, async (request, reply) => {
    const { ctx } = request;
    const user = currentUser(request);
    if (!checkExportLinkToken(config.secret, request.params.token, ctx.org.id, user.id, request.sessionToken ?? '')) {
      return sendHtml(noStore(reply), <ExportLinkInvalidPage ctx={ctx} />, 410);
    }
    await enforce(db, [[EXPORT_LIMIT, `user:${user.id}`]]);
    const made = new Date();
    const archive = await exportArchive(
      { db, storage, sources, mailDays: config.retention.mailDays },
      ctx.org,
      { organizationId: ctx.org.id, userId: user.id, email: user.email },
      ctx.locale,
      made,
    );
    const name = `meine-daten-${ctx.org.slug}-${made.toISOString().slice(0, 10)}.zip`;
    return noStore(reply)
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
      .send(archive);
  });

  o.get('/konto/loeschen', signedIn, async (request, reply) => {
    const account = await accountForExport(db, request.ctx.org.id, currentUser(request).id);
    return sendHtml(noStore(reply), <DeleteAccountPage ctx={request.ctx} mode={mode} staff={account?.role != null} />);
  });

  o.post('/konto/loeschen', signedIn, async (request, reply) => {
    const { ctx } = request;
    const user = currentUser(request);
    const confirm = field(asForm(request.body), 'confirm');
    if (normaliseEmail(confirm) !== user.email) {
      const errors = { confirm: translator(messages, ctx.locale)('delete.mismatch', { email: user.email }) };
      return sendHtml(noStore(reply), <DeleteAccountPage ctx={ctx} mode={mode} confirm={confirm} errors={errors} />, 400);
    }
    const result = await deleteResidentAccount({ db, storage, sources, mode }, ctx.org.id, user.id, [clientKey(request.ip)]);
    if (result === 'staff') return sendHtml(noStore(reply), <DeleteAccountPage ctx={ctx} mode={mode} staff />, 403);
    reply.clearCookie(cookieName, { path: '/' });
    return noStore(reply).redirect('/konto/geloescht', 303);
  });

  // Open to everyone: after the deletion there is no session; a signed-in visitor has an account and goes to it.
  o.get('/konto/geloescht', async (request, reply) => {
    if (request.ctx.user) return reply.redirect('/konto', 303);
    return sendHtml(noStore(reply), <AccountDeletedPage ctx={request.ctx} />);
  });
}
