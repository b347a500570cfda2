import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { clientKey } from '../../platform/http/client-ip';
import type { FieldErrors } from '../../platform/http/errors';
import { asForm, field, normaliseEmail, safeReturnPath } from '../../platform/http/form';
import { cookieOptions } from '../../platform/http/platform-plugin';
import { enforce } from '../../platform/http/rate-limit';
import { noteRefusal } from '../../platform/http/request-log';
import { TOKEN_PATTERN, TokenParams } from '../../platform/http/schemas';
import { type Locale, translator } from '../../platform/i18n';
import { platformMessages } from '../../platform/i18n/platform-messages';
import { hashToken } from '../../platform/security/tokens';
import { sendHtml } from '../../platform/views/render';
import { type AccountScope, SignInQuery } from './account.http';
import { clearStaffLoginLock, LIMITS, staffLoginWait } from './account.limits';
import * as accounts from './account.service';
import { messages } from './messages';
import type { PasswordProblem } from './password';
import { otpauthUri } from './totp';
import { LinkInvalidPage } from './views/resident-pages';
import { ResetPasswordPage, ResetRequestPage, ResetSentPage, SecondFactorPage, StaffLoginPage, StaffSetupPage } from './views/staff-auth-pages';

const PENDING_COOKIE = 'k_2fa';
const PENDING = new RegExp(TOKEN_PATTERN);

/** The new password and the first TOTP code, as the set-up and the reset form send them. */
function passwordForm(raw: unknown) {
  const body = asForm(raw);
  return { password: typeof body.password === 'string' ? body.password : '', code: field(body, 'code') };
}

/** What was wrong with a new password or its code, in the visitor's language. */
function passwordErrors(locale: Locale, result: { password?: PasswordProblem; code?: 'invalid' }, code: string): FieldErrors {
  const t = translator(messages, locale);
  const errors: FieldErrors = {};
  if (result.password) errors.password = t(`pw.${result.password}`);
  // An empty field is a missing code, not a wrong one.
  if (result.code) errors.code = code.trim() === '' ? translator(platformMessages, locale)('field.required') : t('wrongCode');
  return errors;
}

/** Staff: password, then TOTP; the set-up link of a new account; the password reset. */
export function staffAuthRoutes(app: FastifyInstance, { db, deps, secure, startSession }: AccountScope): void {
  const o = app.withTypeProvider<TypeBoxTypeProvider>();

  o.get('/verwaltung/anmelden', { schema: { querystring: SignInQuery } }, async (request, reply) => {
    const { query } = request;
    const notice = query.ok === 'reset' ? translator(messages, request.ctx.locale)('resetDone') : undefined;
    return sendHtml(reply, <StaffLoginPage ctx={request.ctx} returnPath={safeReturnPath(query.return ?? '', '')} notice={notice} />);
  });

  o.post('/verwaltung/anmelden', async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const tp = translator(platformMessages, ctx.locale);
    const body = asForm(request.body);
    const rawEmail = field(body, 'email');
    const password = (body.password && !Array.isArray(body.password) ? body.password : '') as string;
    const returnPath = safeReturnPath(field(body, 'return'), '/verwaltung');
    const email = normaliseEmail(rawEmail);
    const errors: FieldErrors = {};
    if (!email) errors.email = tp(rawEmail ? 'field.email' : 'field.required');
    if (!password) errors.password = tp('field.required');
    if (!email || !password) return sendHtml(reply, <StaffLoginPage ctx={ctx} email={rawEmail} returnPath={returnPath} errors={errors} />, 400);
    const wait = await staffLoginWait(db, email, request.ip);
    if (wait > 0) {
      // The form again, with the way out that needs no password: the reset link by mail.
      reply.header('Retry-After', String(wait));
      const locked = { email: t('loginLocked', { minutes: Math.ceil(wait / 60) }) };
      return sendHtml(reply, <StaffLoginPage ctx={ctx} email={rawEmail} returnPath={returnPath} errors={locked} />, 429);
    }
    const pending = await accounts.staffPasswordStep(deps, ctx.org, email, password);
    if (!pending) {
      noteRefusal(request, 'staff sign-in: unknown address, wrong password or disabled account');
      return sendHtml(reply, <StaffLoginPage ctx={ctx} email={rawEmail} returnPath={returnPath} errors={{ email: t('wrongCredentials') }} />, 401);
    }
    reply.setCookie(PENDING_COOKIE, pending, { ...cookieOptions(secure, accounts.SECOND_FACTOR_MINUTES * 60), path: '/verwaltung/anmelden' });
    return sendHtml(reply, <SecondFactorPage ctx={ctx} returnPath={returnPath} />);
  });

  o.post('/verwaltung/anmelden/code', async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const body = asForm(request.body);
    const returnPath = safeReturnPath(field(body, 'return'), '/verwaltung');
    const pending = request.cookies[PENDING_COOKIE] ?? '';
    if (!PENDING.test(pending)) {
      noteRefusal(request, 'staff second factor: no pending sign-in (cookie missing or malformed)');
      return sendHtml(reply, <StaffLoginPage ctx={ctx} returnPath={returnPath} errors={{ email: t('codeExpired') }} />, 401);
    }
    const code = field(body, 'code');
    // An empty submit is a missing code, said as such, and costs no attempt.
    if (code === '') {
      const required = translator(platformMessages, ctx.locale)('field.required');
      return sendHtml(reply, <SecondFactorPage ctx={ctx} returnPath={returnPath} errors={{ code: required }} />, 400);
    }
    await enforce(db, [
      [LIMITS.loginIp, clientKey(request.ip)],
      [LIMITS.codeAccount, hashToken(pending)],
    ]);
    const result = await accounts.staffSecondFactor(deps, ctx.org, pending, code);
    if (!result.ok && result.reason === 'invalid') {
      noteRefusal(request, 'staff second factor: wrong code');
      return sendHtml(reply, <SecondFactorPage ctx={ctx} returnPath={returnPath} errors={{ code: t('wrongCode') }} />, 401);
    }
    reply.clearCookie(PENDING_COOKIE, { path: '/verwaltung/anmelden' });
    if (!result.ok) {
      noteRefusal(request, `staff second factor: ${result.reason}`);
      return sendHtml(reply, <StaffLoginPage ctx={ctx} returnPath={returnPath} errors={{ email: t('codeExpired') }} />, 401);
    }
    await startSession(request, reply, result.userId, 'staff');
    return reply.redirect(returnPath.startsWith('/verwaltung') ? returnPath : '/verwaltung', 303);
  });

  async function setupPage(request: FastifyRequest, reply: FastifyReply, token: string, errors?: FieldErrors, status = 200) {
    const setup = await accounts.peekStaffSetup(deps, request.ctx.org, token);
    if (!setup) return sendHtml(reply, <LinkInvalidPage ctx={request.ctx} retry="/verwaltung/anmelden" />, 410);
    const qrSvg = await QRCode.toString(otpauthUri(setup.totpSecret, setup.email, request.ctx.org.name), { type: 'svg', margin: 1 });
    return sendHtml(
      reply,
      <StaffSetupPage ctx={request.ctx} token={token} email={setup.email} secret={setup.totpSecret} qrSvg={qrSvg} errors={errors} />,
      status,
    );
  }

  o.get('/verwaltung/einrichten/:token', { schema: { params: TokenParams } }, async (request, reply) => setupPage(request, reply, request.params.token));

  o.post('/verwaltung/einrichten/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params;
    await enforce(db, [[LIMITS.loginIp, clientKey(request.ip)]]);
    const { password, code } = passwordForm(request.body);
    const result = await accounts.completeStaffSetup(deps, request.ctx.org, token, password, code);
    if (result.ok) {
      await startSession(request, reply, result.userId, 'staff');
      return reply.redirect('/verwaltung', 303);
    }
    if ('expired' in result && result.expired) return sendHtml(reply, <LinkInvalidPage ctx={request.ctx} retry="/verwaltung/anmelden" />, 410);
    return setupPage(request, reply, token, passwordErrors(request.ctx.locale, result, code), 400);
  });

  o.get('/verwaltung/passwort-vergessen', async (request, reply) => sendHtml(reply, <ResetRequestPage ctx={request.ctx} />));

  o.post('/verwaltung/passwort-vergessen', async (request, reply) => {
    const tp = translator(platformMessages, request.ctx.locale);
    const raw = field(asForm(request.body), 'email');
    const email = normaliseEmail(raw);
    if (!email) return sendHtml(reply, <ResetRequestPage ctx={request.ctx} email={raw} errors={{ email: tp(raw ? 'field.email' : 'field.required') }} />, 400);
    await enforce(db, [
      [LIMITS.resetIp, clientKey(request.ip)],
      [LIMITS.resetEmail, hashToken(email)],
    ]);
    await accounts.requestPasswordReset(deps, request.ctx.org, email, request.ctx.locale);
    return sendHtml(reply, <ResetSentPage ctx={request.ctx} email={email} />);
  });

  o.get('/verwaltung/passwort/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params;
    const found = await accounts.peekPasswordReset(deps, request.ctx.org, token);
    if (!found) return sendHtml(reply, <LinkInvalidPage ctx={request.ctx} retry="/verwaltung/passwort-vergessen" />, 410);
    return sendHtml(reply, <ResetPasswordPage ctx={request.ctx} token={token} email={found.email} />);
  });

  o.post('/verwaltung/passwort/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params;
    await enforce(db, [[LIMITS.resetIp, clientKey(request.ip)]]);
    const { password, code } = passwordForm(request.body);
    const found = await accounts.peekPasswordReset(deps, request.ctx.org, token);
    const result = await accounts.resetPassword(deps, request.ctx.org, token, password, code);
    if (result.ok) {
      // The link came by mail and the code from the authenticator: the owner, who may sign in again from here.
      if (found) await clearStaffLoginLock(db, found.email, request.ip);
      return reply.redirect('/verwaltung/anmelden?ok=reset', 303);
    }
    if ('expired' in result && result.expired) return sendHtml(reply, <LinkInvalidPage ctx={request.ctx} retry="/verwaltung/passwort-vergessen" />, 410);
    const errors = passwordErrors(request.ctx.locale, result, code);
    return sendHtml(reply, <ResetPasswordPage ctx={request.ctx} token={token} email={found?.email ?? ''} errors={errors} />, 400);
  });
}
