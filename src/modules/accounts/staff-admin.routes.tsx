import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StaffRole } from '../../db-schema';
import { AppError, type FieldErrors } from '../../platform/http/errors';
import { asForm, field, fieldList, normaliseEmail } from '../../platform/http/form';
import { currentUser, staffOnly } from '../../platform/http/guards';
import { IdParams, NoticeQuery } from '../../platform/http/schemas';
import { destroyUserSessions } from '../../platform/http/sessions';
import { translator } from '../../platform/i18n';
import { platformMessages } from '../../platform/i18n/platform-messages';
import { sendHtml } from '../../platform/views/render';
import { insertAudit, listDepartments } from '../organizations';
import type { AccountScope } from './account.http';
import * as q from './account.queries';
import * as accounts from './account.service';
import { messages } from './messages';
import { ROLES, StaffFormPage, type StaffFormValues, StaffListPage } from './views/staff-admin-pages';

/** Staff management (admins): list, create, edit roles and departments, lock and unlock, send a new set-up link. */
export function staffAdminRoutes(app: FastifyInstance, { db, deps }: AccountScope): void {
  const o = app.withTypeProvider<TypeBoxTypeProvider>();
  const adminOnly = { preHandler: staffOnly('admin') };

  o.get('/verwaltung/mitarbeitende', { ...adminOnly, schema: { querystring: NoticeQuery } }, async (request, reply) => {
    const t = translator(messages, request.ctx.locale);
    const { ok } = request.query;
    const notice = ok === 'created' ? t('created') : ok === 'saved' ? translator(messages, request.ctx.locale)('saved') : undefined;
    return sendHtml(reply, <StaffListPage ctx={request.ctx} staff={await q.listStaff(db, request.ctx.org.id)} notice={notice} />);
  });

  const emptyForm: StaffFormValues = { email: '', displayName: '', role: '', departmentIds: [] };

  o.get('/verwaltung/mitarbeitende/neu', adminOnly, async (request, reply) =>
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

  o.post('/verwaltung/mitarbeitende', adminOnly, async (request, reply) => {
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

  async function loadStaff(request: FastifyRequest, id: number) {
    const user = await q.findUser(db, request.ctx.org.id, id);
    if (!user?.role) throw new AppError('not_found');
    return user;
  }

  o.get('/verwaltung/mitarbeitende/:id', { ...adminOnly, schema: { params: IdParams, querystring: NoticeQuery } }, async (request, reply) => {
    const user = await loadStaff(request, request.params.id);
    const deptIds = (await q.staffDepartmentIds(db, request.ctx.org.id, user.id)).map((d) => String(d.department_id));
    const t = translator(messages, request.ctx.locale);
    const notice = request.query.ok === 'setup' ? t('setupSent') : undefined;
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

  o.post('/verwaltung/mitarbeitende/:id', { ...adminOnly, schema: { params: IdParams } }, async (request, reply) => {
    const user = await loadStaff(request, request.params.id);
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
    o.post(`/verwaltung/mitarbeitende/:id/${action}`, { ...adminOnly, schema: { params: IdParams } }, async (request, reply) => {
      const user = await loadStaff(request, request.params.id);
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

  o.post('/verwaltung/mitarbeitende/:id/einrichtungslink', { ...adminOnly, schema: { params: IdParams } }, async (request, reply) => {
    const user = await loadStaff(request, request.params.id);
    if (user.totp_enabled_at) throw new AppError('bad_request');
    await accounts.issueSetupLink(deps, request.ctx.org, user.id, user.email, { sendMail: true, locale: request.ctx.locale });
    return reply.redirect(`/verwaltung/mitarbeitende/${user.id}?ok=setup`, 303);
  });
}
