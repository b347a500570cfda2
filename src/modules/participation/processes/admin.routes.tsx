import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../../platform/http/errors';
import { asForm } from '../../../platform/http/form';
import { currentUser, staffOnlyInOwnDepartments } from '../../../platform/http/guards';
import { IdParams, knownNotice, NoticeQuery, Page } from '../../../platform/http/schemas';
import type { SessionUser } from '../../../platform/http/sessions';
import { translator } from '../../../platform/i18n';
import type { ModuleServices } from '../../../platform/module';
import { sendHtml } from '../../../platform/views/render';
import { formChoices, processForStaff } from './admin.service';
import { sendEditPage } from './admin-edit';
import { processMessages } from './messages';
import { berlinDay, processState } from './process';
import * as q from './process.queries';
import { phaseDates } from './process.service';
import type { FormChoices } from './process-form';
import { areaOf, readProcessForm } from './process-form';
import { ProcessFormPage, StaffProcessListPage } from './views/admin-pages';

/**
 * Admins for every process; department staff for their own departments' (the guard's rule says so for the
 * permission matrix; the check itself is processForStaff in admin.service, where the process is loaded).
 */
export const processStaff = { preHandler: staffOnlyInOwnDepartments('admin', 'department_staff') };

const PAGE_SIZE = 25;
const ListQuery = Type.Object({ seite: Type.Optional(Page) });
export const EDIT_NOTICES = ['gespeichert', 'phase', 'phase-entfernt', 'beendet', 'dokument', 'dokument-entfernt', 'bild'] as const;
const EditQuery = Type.Object({ ok: NoticeQuery.properties.ok });

/** A choice the form did not offer (another department, a body for department staff) is a bypassed form: 403. */
function refuseForeignChoice(user: SessionUser, body: ReturnType<typeof asForm>, choices: FormChoices) {
  const m = /^([db]):([1-9][0-9]{0,8})$/.exec(typeof body.responsible === 'string' ? body.responsible : '');
  if (!m || user.role === 'admin') return;
  const id = Number(m[2]);
  if (m[1] === 'b' || !choices.departmentIds.has(id)) throw new AppError('forbidden', { reason: 'responsible department not the staff member’s own' });
}

/** The back office's process list, and creating and editing a process. */
export async function adminProcessRoutes(app: FastifyInstance, { db }: ModuleServices): Promise<void> {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  routes.get('/verwaltung/beteiligung', { ...processStaff, schema: { querystring: ListQuery } }, async (request, reply) => {
    const { ctx } = request;
    const user = currentUser(request);
    const page = request.query.seite ?? 1;
    const departmentIds = user.role === 'admin' ? null : user.departmentIds;
    const { rows, total } = await q.listStaffProcesses(db, ctx.org.id, { departmentIds, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const phases = await q.phasesOf(
      db,
      ctx.org.id,
      rows.map((r) => r.id),
    );
    const today = berlinDay(new Date());
    const withState = rows.map((r) => ({ ...r, state: processState(phases.filter((p) => p.process_id === r.id).map(phaseDates), today) }));
    return sendHtml(
      reply,
      <StaffProcessListPage
        ctx={ctx}
        rows={withState}
        paging={{ page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) }}
        url={{ path: '/verwaltung/beteiligung', query: { seite: page > 1 ? String(page) : undefined } }}
      />,
    );
  });

  routes.get('/verwaltung/beteiligung/neu', processStaff, async (request, reply) => {
    const { options } = await formChoices(db, request.ctx.org.id, currentUser(request));
    const values = Object.fromEntries(['propose', 'support', 'comment', 'vote'].map((a) => [`rule.${a}.who`, 'signed_in']));
    return sendHtml(reply, <ProcessFormPage ctx={request.ctx} id={null} values={values} options={options} />);
  });

  routes.post('/verwaltung/beteiligung/neu', processStaff, async (request, reply) => {
    const { ctx } = request;
    const user = currentUser(request);
    const body = asForm(request.body);
    const { options, choices } = await formChoices(db, ctx.org.id, user);
    refuseForeignChoice(user, body, choices);
    const { values, errors } = readProcessForm(body, choices, ctx.locale);
    if (Object.keys(errors).length > 0) {
      reply.header('Cache-Control', 'no-store');
      return sendHtml(reply, <ProcessFormPage ctx={ctx} id={null} values={body} errors={errors} options={options} />, 400);
    }
    const id = await db.transaction().execute(async (trx) => {
      const created = await q.insertProcess(trx, ctx.org.id, values, user.id);
      await q.setProcessDistricts(trx, ctx.org.id, created, areaOf(body));
      return created;
    });
    return reply.redirect(`/verwaltung/beteiligung/${id}?ok=gespeichert`, 303);
  });

  routes.get('/verwaltung/beteiligung/:id', { ...processStaff, schema: { params: IdParams, querystring: EditQuery } }, async (request, reply) => {
    const process = await processForStaff(db, request.ctx.org.id, currentUser(request), request.params.id);
    const t = translator(processMessages, request.ctx.locale);
    const notices = {
      gespeichert: 'bo.saved',
      phase: 'bo.phase.saved',
      'phase-entfernt': 'bo.phase.removed',
      beendet: 'bo.phase.ended',
      dokument: 'bo.doc.uploaded',
      'dokument-entfernt': 'bo.doc.removed',
      bild: 'bo.image.saved',
    } as const;
    const ok = knownNotice(EDIT_NOTICES, request.query.ok);
    return sendEditPage(db, request, reply, process, { notice: ok ? t(notices[ok]) : undefined });
  });

  routes.post('/verwaltung/beteiligung/:id', { ...processStaff, schema: { params: IdParams } }, async (request, reply) => {
    const { ctx } = request;
    const user = currentUser(request);
    const process = await processForStaff(db, ctx.org.id, user, request.params.id);
    const body = asForm(request.body);
    const { choices } = await formChoices(db, ctx.org.id, user);
    refuseForeignChoice(user, body, choices);
    const { values, errors } = readProcessForm(body, choices, ctx.locale);
    if (Object.keys(errors).length > 0) return sendEditPage(db, request, reply, process, { values: body, errors, status: 400 });
    await db.transaction().execute(async (trx) => {
      await q.updateProcess(trx, ctx.org.id, process.id, values);
      await q.setProcessDistricts(trx, ctx.org.id, process.id, areaOf(body));
    });
    return reply.redirect(`/verwaltung/beteiligung/${process.id}?ok=gespeichert`, 303);
  });
}
