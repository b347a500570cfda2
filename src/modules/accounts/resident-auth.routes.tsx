import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { clientKey } from '../../platform/http/client-ip';
import { asForm, field, normaliseEmail, safeReturnPath } from '../../platform/http/form';
import { enforce } from '../../platform/http/rate-limit';
import { TokenParams } from '../../platform/http/schemas';
import { destroySession, destroyUserSessions } from '../../platform/http/sessions';
import { translator } from '../../platform/i18n';
import { platformMessages } from '../../platform/i18n/platform-messages';
import { hashToken } from '../../platform/security/tokens';
import { sendHtml } from '../../platform/views/render';
import { type AccountScope, SignInQuery } from './account.http';
import { LIMITS } from './account.limits';
import * as accounts from './account.service';
import { messages } from './messages';
import { CheckMailPage, ConfirmSignInPage, LinkInvalidPage, SignInPage } from './views/resident-pages';

/** Residents: sign-in by magic link and sign-out (the account page: account-page.routes.tsx). */
export function residentAuthRoutes(app: FastifyInstance, { db, deps, cookieName, startSession }: AccountScope): void {
  const o = app.withTypeProvider<TypeBoxTypeProvider>();

  o.get('/anmelden', { schema: { querystring: SignInQuery } }, async (request, reply) => {
    const { query } = request;
    const notice = query.ok === 'abgemeldet' ? translator(messages, request.ctx.locale)('signedOut') : undefined;
    return sendHtml(reply, <SignInPage ctx={request.ctx} returnPath={safeReturnPath(query.return ?? '', '')} notice={notice} />);
  });

  o.post('/anmelden', async (request, reply) => {
    const { ctx } = request;
    const body = asForm(request.body);
    const raw = field(body, 'email');
    const returnPath = safeReturnPath(field(body, 'return'), '/konto');
    const email = normaliseEmail(raw);
    if (!email) {
      const errors = { email: translator(platformMessages, ctx.locale)(raw ? 'field.email' : 'field.required') };
      return sendHtml(reply, <SignInPage ctx={ctx} email={raw} returnPath={returnPath} errors={errors} />, 400);
    }
    await enforce(db, [
      [LIMITS.magicLinkIp, clientKey(request.ip)],
      [LIMITS.magicLinkEmail, hashToken(email)],
    ]);
    await accounts.requestMagicLink(deps, ctx.org, email, ctx.locale, returnPath);
    return sendHtml(reply, <CheckMailPage ctx={ctx} email={email} />);
  });

  // GET only shows a button: mail scanners open links, and GET must never sign anyone in.
  o.get('/anmelden/link/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params;
    const found = await accounts.peekMagicLink(deps, request.ctx.org, token);
    if (!found) return sendHtml(reply, <LinkInvalidPage ctx={request.ctx} />, 410);
    return sendHtml(reply, <ConfirmSignInPage ctx={request.ctx} email={found.email} token={token} />);
  });

  o.post('/anmelden/link/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    const result = await accounts.signInWithMagicLink(deps, request.ctx.org, request.params.token);
    if (!result) return sendHtml(reply, <LinkInvalidPage ctx={request.ctx} />, 410);
    await startSession(request, reply, result.userId, 'resident');
    return reply.redirect(safeReturnPath(result.returnPath, '/konto'), 303);
  });

  o.post('/abmelden', async (request, reply) => {
    const body = asForm(request.body);
    if (request.ctx.user && field(body, 'everywhere') === '1') await destroyUserSessions(db, request.ctx.user.id);
    else if (request.sessionToken) await destroySession(db, request.sessionToken);
    reply.clearCookie(cookieName, { path: '/' });
    // Redirect after the post, so a reload does not send the form again.
    return reply.redirect('/anmelden?ok=abgemeldet', 303);
  });
}
