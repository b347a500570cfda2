import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { Config } from '../../config';
import type { StaffRole } from '../../db-schema';
import type { Db } from '../../platform/db/connect';
import { clientKey } from '../../platform/http/client-ip';
import { AppError, type FieldErrors } from '../../platform/http/errors';
import { asForm, field, fieldList, normaliseEmail, safeReturnPath } from '../../platform/http/form';
import { currentUser, signedInOnly, staffOnly } from '../../platform/http/guards';
import { cookieOptions, sessionCookieName } from '../../platform/http/platform-plugin';
import { enforce } from '../../platform/http/rate-limit';
import { startSession as startSessionFor } from '../../platform/http/session-cookie';
import { destroySession, destroyUserSessions } from '../../platform/http/sessions';
import { translator } from '../../platform/i18n';
import { platformMessages } from '../../platform/i18n/platform-messages';
import { hashToken } from '../../platform/security/tokens';
import { sendHtml } from '../../platform/views/render';
import { insertAudit, listDepartments } from '../organizations/organization.queries';
import { LIMITS } from './account.limits';
import * as q from './account.queries';
import * as accounts from './account.service';
import { messages } from './messages';
import { otpauthUri } from './totp';
import { AccountPage, CheckMailPage, ConfirmSignInPage, LinkInvalidPage, SignInPage } from './views/resident-pages';
import { ROLES, StaffFormPage, type StaffFormValues, StaffListPage } from './views/staff-admin-pages';
import { ResetPasswordPage, ResetRequestPage, ResetSentPage, SecondFactorPage, StaffLoginPage, StaffSetupPage } from './views/staff-auth-pages';

const PENDING_COOKIE = 'k_2fa';
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

function tokenParam(request: FastifyRequest): string {
  const token = (request.params as { token?: string }).token ?? '';
  return TOKEN.test(token) ? token : '';
}

function idParam(request: FastifyRequest): number {
  const raw = (request.params as { id?: string }).id ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new AppError('not_found');
  return Number(raw);
}

export async function accountRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }): Promise<void> {
  const deps: accounts.AccountDeps = { db, secret: config.secret, publicUrl: config.publicUrl };
  const secure = config.publicUrl.protocol === 'https:';
  const cookieName = sessionCookieName(secure);

  const startSession = (request: FastifyRequest, reply: FastifyReply, userId: number, level: 'resident' | 'staff') =>
    startSessionFor(db, config, request, reply, userId, level);

  // Residents: magic link.
  app.get('/anmelden', async (request, reply) => {
    const query = request.query as { return?: string; ok?: string };
    const ret = safeReturnPath(String(query.return ?? ''), '');
    const notice = query.ok === 'abgemeldet' ? translator(messages, request.ctx.locale)('signedOut') : undefined;
    return sendHtml(reply, <SignInPage ctx={request.ctx} returnPath={ret} notice={notice} />);
  });

  app.post('/anmelden', async (request, reply) => {
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
  app.get('/anmelden/link/:token', async (request, reply) => {
    const token = tokenParam(request);
    const found = token ? await accounts.peekMagicLink(deps, request.ctx.org, token) : null;
    if (!found) return sendHtml(reply, <LinkInvalidPage ctx={request.ctx} />, 410);
    return sendHtml(reply, <ConfirmSignInPage ctx={request.ctx} email={found.email} token={token} />);
  });

  app.post('/anmelden/link/:token', async (request, reply) => {
    const token = tokenParam(request);
    const result = token ? await accounts.signInWithMagicLink(deps, request.ctx.org, token) : null;
    if (!result) return sendHtml(reply, <LinkInvalidPage ctx={request.ctx} />, 410);
    await startSession(request, reply, result.userId, 'resident');
    return reply.redirect(safeReturnPath(result.returnPath, '/konto'), 303);
  });

  app.post('/abmelden', async (request, reply) => {
    const body = asForm(request.body);
    if (request.ctx.user && field(body, 'everywhere') === '1') await destroyUserSessions(db, request.ctx.user.id);
    else if (request.sessionToken) await destroySession(db, request.sessionToken);
    reply.clearCookie(cookieName, { path: '/' });
    // Redirect after the post, so a reload does not send the form again.
    return reply.redirect('/anmelden?ok=abgemeldet', 303);
  });

  app.get('/konto', { preHandler: signedInOnly() }, async (request, reply) => {
    const user = currentUser(request);
    const ok = (request.query as { ok?: string }).ok === 'saved';
    return sendHtml(
      reply,
      <AccountPage ctx={request.ctx} displayName={user.displayName} notice={ok ? translator(messages, request.ctx.locale)('saved') : undefined} />,
    );
  });

  app.post('/konto', { preHandler: signedInOnly() }, async (request, reply) => {
    const user = currentUser(request);
    const displayName = field(asForm(request.body), 'displayName');
    if ([...displayName].length > 100) {
      const errors = { displayName: translator(platformMessages, request.ctx.locale)('field.tooLong', { max: 100 }) };
      return sendHtml(reply, <AccountPage ctx={request.ctx} displayName={displayName} errors={errors} />, 400);
    }
    await q.setDisplayName(db, request.ctx.org.id, user.id, displayName);
    return reply.redirect('/konto?ok=saved', 303);
  });

  // Staff: password, then TOTP.
  app.get('/verwaltung/anmelden', async (request, reply) => {
    const query = request.query as { return?: string; ok?: string };
    const notice = query.ok === 'reset' ? translator(messages, request.ctx.locale)('resetDone') : undefined;
    return sendHtml(reply, <StaffLoginPage ctx={request.ctx} returnPath={safeReturnPath(String(query.return ?? ''), '')} notice={notice} />);
  });

  app.post('/verwaltung/anmelden', async (request, reply) => {
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
    await enforce(db, [
      [LIMITS.loginIp, clientKey(request.ip)],
      [LIMITS.loginAccount, hashToken(email)],
    ]);
    const pending = await accounts.staffPasswordStep(deps, ctx.org, email, password);
    if (!pending) {
      return sendHtml(reply, <StaffLoginPage ctx={ctx} email={rawEmail} returnPath={returnPath} errors={{ email: t('wrongCredentials') }} />, 401);
    }
    reply.setCookie(PENDING_COOKIE, pending, { ...cookieOptions(secure, accounts.SECOND_FACTOR_MINUTES * 60), path: '/verwaltung/anmelden' });
    return sendHtml(reply, <SecondFactorPage ctx={ctx} returnPath={returnPath} />);
  });

  app.post('/verwaltung/anmelden/code', async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const body = asForm(request.body);
    const returnPath = safeReturnPath(field(body, 'return'), '/verwaltung');
    const pending = request.cookies[PENDING_COOKIE] ?? '';
    if (!TOKEN.test(pending)) {
      return sendHtml(reply, <StaffLoginPage ctx={ctx} returnPath={returnPath} errors={{ email: t('codeExpired') }} />, 401);
    }
    await enforce(db, [
      [LIMITS.loginIp, clientKey(request.ip)],
      [LIMITS.codeAccount, hashToken(pending)],
    ]);
    const result = await accounts.staffSecondFactor(deps, ctx.org, pending, field(body, 'code'));
    if (!result.ok && result.reason === 'invalid') {
      return sendHtml(reply, <SecondFactorPage ctx={ctx} returnPath={returnPath} errors={{ code: t('wrongCode') }} />, 401);
    }
    reply.clearCookie(PENDING_COOKIE, { path: '/verwaltung/anmelden' });
    if (!result.ok) return sendHtml(reply, <StaffLoginPage ctx={ctx} returnPath={returnPath} errors={{ email: t('codeExpired') }} />, 401);
    await startSession(request, reply, result.userId, 'staff');
    return reply.redirect(returnPath.startsWith('/verwaltung') ? returnPath : '/verwaltung', 303);
  });

  async function setupPage(request: FastifyRequest, reply: FastifyReply, token: string, errors?: FieldErrors, status = 200) {
    const setup = token ? await accounts.peekStaffSetup(deps, request.ctx.org, token) : null;
    if (!setup) return sendHtml(reply, <LinkInvalidPage ctx={request.ctx} retry="/verwaltung/anmelden" />, 410);
    const qrSvg = await QRCode.toString(otpauthUri(setup.totpSecret, setup.email, request.ctx.org.name), { type: 'svg', margin: 1 });
    return sendHtml(
      reply,
      <StaffSetupPage ctx={request.ctx} token={token} email={setup.email} secret={setup.totpSecret} qrSvg={qrSvg} errors={errors} />,
      status,
    );
  }

  app.get('/verwaltung/einrichten/:token', async (request, reply) => setupPage(request, reply, tokenParam(request)));

  app.post('/verwaltung/einrichten/:token', async (request, reply) => {
    const t = translator(messages, request.ctx.locale);
    const token = tokenParam(request);
    const body = asForm(request.body);
    const password = typeof body.password === 'string' ? body.password : '';
    await enforce(db, [[LIMITS.loginIp, clientKey(request.ip)]]);
    const result = token
      ? await accounts.completeStaffSetup(deps, request.ctx.org, token, password, field(body, 'code'))
      : { ok: false as const, expired: true as const };
    if (result.ok) {
      await startSession(request, reply, result.userId, 'staff');
      return reply.redirect('/verwaltung', 303);
    }
    if ('expired' in result && result.expired) return sendHtml(reply, <LinkInvalidPage ctx={request.ctx} retry="/verwaltung/anmelden" />, 410);
    const errors: FieldErrors = {};
    if (result.password) errors.password = t(`pw.${result.password}`);
    if (result.code) errors.code = t('wrongCode');
    return setupPage(request, reply, token, errors, 400);
  });

  app.get('/verwaltung/passwort-vergessen', async (request, reply) => sendHtml(reply, <ResetRequestPage ctx={request.ctx} />));

  app.post('/verwaltung/passwort-vergessen', async (request, reply) => {
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

  app.get('/verwaltung/passwort/:token', async (request, reply) => {
    const token = tokenParam(request);
    const found = token ? await accounts.peekPasswordReset(deps, request.ctx.org, token) : null;
    if (!found) return sendHtml(reply, <LinkInvalidPage ctx={request.ctx} retry="/verwaltung/passwort-vergessen" />, 410);
    return sendHtml(reply, <ResetPasswordPage ctx={request.ctx} token={token} email={found.email} />);
  });

  app.post('/verwaltung/passwort/:token', async (request, reply) => {
    const t = translator(messages, request.ctx.locale);
    const token = tokenParam(request);
    const body = asForm(request.body);
    const password = typeof body.password === 'string' ? body.password : '';
    await enforce(db, [[LIMITS.resetIp, clientKey(request.ip)]]);
    const result = token
      ? await accounts.resetPassword(deps, request.ctx.org, token, password, field(body, 'code'))
      : { ok: false as const, expired: true as const };
    if (result.ok) return reply.redirect('/verwaltung/anmelden?ok=reset', 303);
    if ('expired' in result && result.expired) return sendHtml(reply, <LinkInvalidPage ctx={request.ctx} retry="/verwaltung/passwort-vergessen" />, 410);
    const found = await accounts.peekPasswordReset(deps, request.ctx.org, token);
    const errors: FieldErrors = {};
    if (result.password) errors.password = t(`pw.${result.password}`);
    if (result.code) errors.code = t('wrongCode');
    return sendHtml(reply, <ResetPasswordPage ctx={request.ctx} token={token} email={found?.email ?? ''} errors={errors} />, 400);
  });

  // Staff management (admins).
  const adminOnly = { preHandler: staffOnly('admin') };

  app.get('/verwaltung/mitarbeitende', adminOnly, async (request, reply) => {
    const t = translator(messages, request.ctx.locale);
    const ok = (request.query as { ok?: string }).ok;
    const notice = ok === 'created' ? t('created') : ok === 'saved' ? translator(messages, request.ctx.locale)('saved') : undefined;
    return sendHtml(reply, <StaffListPage ctx={request.ctx} staff={await q.listStaff(db, request.ctx.org.id)} notice={notice} />);
  });

  const emptyForm: StaffFormValues = { email: '', displayName: '', role: '', departmentIds: [] };

  app.get('/verwaltung/mitarbeitende/neu', adminOnly, async (request, reply) =>
    sendHtml(reply, <StaffFormPage ctx={request.ctx} id={null} values={emptyForm} departments={await listDepartments(db, request.ctx.org.id)} />),
  );

  async function readStaffForm(request: FastifyRequest, id: number | null) {
    const t = translator(messages, request.ctx.locale);
    const tp = translator(platformMessages, request.ctx.locale);
    const body = asForm(request.body);
    const departments = await listDepartments(db, request.ctx.org.id);
    const values: StaffFormValues = {
      email: field(body, 'email'),
      displayName: field(body, 'displayName'),
      role: field(body, 'role'),
      departmentIds: fieldList(body, 'departmentIds'),
    };
    const errors: FieldErrors = {};
    const email = id === null ? normaliseEmail(values.email) : null;
    if (id === null && !email) errors.email = tp(values.email ? 'field.email' : 'field.required');
    if (email) {
      const existing = await q.findUserByEmail(db, request.ctx.org.id, email);
      if (existing?.role) errors.email = t('err.emailTaken');
    }
    if ([...values.displayName].length > 100) errors.displayName = tp('field.tooLong', { max: 100 });
    const role = (ROLES as string[]).includes(values.role) ? (values.role as StaffRole) : null;
    if (!role) errors.role = t('err.roleRequired');
    const known = new Set(departments.map((d) => String(d.id)));
    const departmentIds = values.departmentIds.filter((d) => known.has(d)).map(Number);
    if (role === 'department_staff' && departmentIds.length === 0) errors.departmentIds = t('err.departmentRequired');
    return { values, errors, email, role, departmentIds, departments };
  }

  app.post('/verwaltung/mitarbeitende', adminOnly, async (request, reply) => {
    const form = await readStaffForm(request, null);
    if (Object.keys(form.errors).length > 0 || !form.email || !form.role) {
      return sendHtml(reply, <StaffFormPage ctx={request.ctx} id={null} values={form.values} departments={form.departments} errors={form.errors} />, 400);
    }
    const { userId } = await accounts.createStaffAccount(
      deps,
      request.ctx.org,
      { email: form.email, displayName: form.values.displayName, role: form.role, departmentIds: form.departmentIds },
      { sendMail: true, locale: request.ctx.locale },
    );
    await insertAudit(db, {
      organizationId: request.ctx.org.id,
      actorUserId: currentUser(request).id,
      action: 'staff.create',
      subject: String(userId),
      details: { role: form.role },
    });
    return reply.redirect('/verwaltung/mitarbeitende?ok=created', 303);
  });

  async function loadStaff(request: FastifyRequest) {
    const user = await q.findUser(db, request.ctx.org.id, idParam(request));
    if (!user?.role) throw new AppError('not_found');
    return user;
  }

  app.get('/verwaltung/mitarbeitende/:id', adminOnly, async (request, reply) => {
    const user = await loadStaff(request);
    const deptIds = (await q.staffDepartmentIds(db, request.ctx.org.id, user.id)).map((d) => String(d.department_id));
    const ok = (request.query as { ok?: string }).ok;
    const t = translator(messages, request.ctx.locale);
    const notice = ok === 'setup' ? t('setupSent') : undefined;
    return sendHtml(
      reply,
      <StaffFormPage
        ctx={request.ctx}
        id={user.id}
        values={{ email: user.email, displayName: user.display_name, role: user.role ?? '', departmentIds: deptIds }}
        departments={await listDepartments(db, request.ctx.org.id)}
        disabled={user.disabled_at !== null}
        setupPending={user.totp_enabled_at === null}
        notice={notice}
      />,
    );
  });

  app.post('/verwaltung/mitarbeitende/:id', adminOnly, async (request, reply) => {
    const user = await loadStaff(request);
    const me = currentUser(request);
    const form = await readStaffForm(request, user.id);
    form.values.email = user.email;
    if (user.id === me.id && form.role !== 'admin') form.errors.role = translator(messages, request.ctx.locale)('err.selfDisable');
    if (Object.keys(form.errors).length > 0 || !form.role) {
      return sendHtml(
        reply,
        <StaffFormPage
          ctx={request.ctx}
          id={user.id}
          values={form.values}
          departments={form.departments}
          errors={form.errors}
          disabled={user.disabled_at !== null}
          setupPending={user.totp_enabled_at === null}
        />,
        400,
      );
    }
    const role = form.role;
    await db.transaction().execute(async (trx) => {
      await q.updateStaff(trx, request.ctx.org.id, user.id, { role, displayName: form.values.displayName });
      await q.setStaffDepartments(trx, request.ctx.org.id, user.id, role === 'department_staff' ? form.departmentIds : []);
      await insertAudit(trx, { organizationId: request.ctx.org.id, actorUserId: me.id, action: 'staff.update', subject: String(user.id), details: { role } });
    });
    return reply.redirect('/verwaltung/mitarbeitende?ok=saved', 303);
  });

  for (const [action, disabled] of [
    ['sperren', true],
    ['entsperren', false],
  ] as const) {
    app.post(`/verwaltung/mitarbeitende/:id/${action}`, adminOnly, async (request, reply) => {
      const user = await loadStaff(request);
      const me = currentUser(request);
      if (user.id === me.id) throw new AppError('forbidden');
      await db.transaction().execute(async (trx) => {
        await q.setDisabled(trx, request.ctx.org.id, user.id, disabled);
        if (disabled) await destroyUserSessions(trx, user.id);
        await insertAudit(trx, {
          organizationId: request.ctx.org.id,
          actorUserId: me.id,
          action: disabled ? 'staff.disable' : 'staff.enable',
          subject: String(user.id),
        });
      });
      return reply.redirect(`/verwaltung/mitarbeitende/${user.id}`, 303);
    });
  }

  app.post('/verwaltung/mitarbeitende/:id/einrichtungslink', adminOnly, async (request, reply) => {
    const user = await loadStaff(request);
    if (user.totp_enabled_at) throw new AppError('bad_request');
    await accounts.issueSetupLink(deps, request.ctx.org, user.id, user.email, { sendMail: true, locale: request.ctx.locale });
    return reply.redirect(`/verwaltung/mitarbeitende/${user.id}?ok=setup`, 303);
  });
}
