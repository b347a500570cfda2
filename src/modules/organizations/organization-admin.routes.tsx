import { readFile } from 'node:fs/promises';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/connect';
import { GeoJsonError } from '../../platform/geo/geojson';
import { AppError, type FieldErrors } from '../../platform/http/errors';
import { asForm, field, normaliseEmail } from '../../platform/http/form';
import { currentUser, staffOnly } from '../../platform/http/guards';
import { megabytes, multipartForm, type UploadLimits } from '../../platform/http/multipart-form';
import { IdParams, NoticeQuery } from '../../platform/http/schemas';
import { translator } from '../../platform/i18n';
import { platformMessages } from '../../platform/i18n/platform-messages';
import { sendHtml } from '../../platform/views/render';
import { messages } from './messages';
import * as q from './organization.queries';
import { DISTRICT_KIND, importDistricts } from './organization.service';
import { DashboardPage, DepartmentFormPage, DepartmentsPage, DistrictsPage, FeedbackListPage } from './views/admin-pages';

/** One GeoJSON file, streamed to a temporary file and read only after the admin check (the form's token comes first). */
const DISTRICT_UPLOAD: UploadLimits = { field: 'file', maxFiles: 1, maxFileBytes: 20 * 1024 * 1024, maxTotalBytes: 20 * 1024 * 1024 };

/** The back office's start page and the city's set-up: districts, departments, accessibility feedback. */
export function organizationAdminRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  const o = app.withTypeProvider<TypeBoxTypeProvider>();
  const anyStaff = { preHandler: staffOnly() };
  const adminOnly = { preHandler: staffOnly('admin') };
  const moderators = { preHandler: staffOnly('admin', 'moderator') };

  o.get('/verwaltung', anyStaff, async (request, reply) => sendHtml(reply, <DashboardPage ctx={request.ctx} />));

  o.get('/verwaltung/bezirke', { ...adminOnly, schema: { querystring: NoticeQuery } }, async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const notice = request.query.ok === 'deleted' ? t('deleted') : undefined;
    return sendHtml(reply, <DistrictsPage ctx={ctx} districts={await q.listDistricts(db, ctx.org.id)} notice={notice} />);
  });

  o.post('/verwaltung/bezirke', { ...adminOnly, config: { uploads: DISTRICT_UPLOAD } }, async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const { fields, files, problem } = multipartForm(request);
    const kind = field(fields, 'kind');
    const nameProperty = field(fields, 'nameProperty');
    const file = files[0];
    const errors: FieldErrors = {};
    if (!DISTRICT_KIND.test(kind)) errors.kind = t('err.kind');
    let json: unknown = null;
    if (problem?.kind === 'count') errors.file = t('err.fileCount');
    else if (problem)
      errors.file = t('err.fileTooLarge', { file: problem.kind === 'fileSize' ? problem.filename.slice(0, 80) : 'GeoJSON', mb: megabytes(problem.max) });
    else if (!file) errors.file = t('err.fileRequired');
    else {
      try {
        json = JSON.parse(await readFile(file.path, 'utf8'));
      } catch {
        errors.file = t('err.fileJson');
      }
    }
    let notice: string | undefined;
    if (Object.keys(errors).length === 0) {
      try {
        const result = await importDistricts(db, ctx.org.id, json, {
          kind,
          ...(nameProperty ? { nameProperty } : {}),
          source: 'upload',
          actorUserId: currentUser(request).id,
        });
        notice = t('imported', { n: result.imported, names: result.names.join(', ') });
      } catch (err) {
        if (!(err instanceof GeoJsonError || err instanceof Error)) throw err;
        errors.file = t('err.geojson', { detail: err.message });
      }
    }
    const status = problem ? 413 : Object.keys(errors).length > 0 ? 400 : 200;
    return sendHtml(
      reply,
      <DistrictsPage ctx={ctx} districts={await q.listDistricts(db, ctx.org.id)} errors={errors} values={{ kind, nameProperty }} notice={notice} />,
      status,
    );
  });

  o.post('/verwaltung/bezirke/:id/loeschen', { ...adminOnly, schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    const result = await q.deleteDistrict(db, request.ctx.org.id, id);
    if (Number(result.numDeletedRows) === 0) throw new AppError('not_found');
    await q.insertAudit(db, { organizationId: request.ctx.org.id, actorUserId: currentUser(request).id, action: 'districts.delete', subject: String(id) });
    return reply.redirect('/verwaltung/bezirke?ok=deleted', 303);
  });

  o.get('/verwaltung/abteilungen', { ...adminOnly, schema: { querystring: NoticeQuery } }, async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const { ok } = request.query;
    const notice = ok === 'saved' ? t('saved') : ok === 'created' ? t('created') : ok === 'deleted' ? t('deleted') : undefined;
    return sendHtml(reply, <DepartmentsPage ctx={ctx} departments={await q.listDepartments(db, ctx.org.id)} notice={notice} />);
  });

  o.get('/verwaltung/abteilungen/neu', adminOnly, async (request, reply) =>
    sendHtml(reply, <DepartmentFormPage ctx={request.ctx} id={null} values={{ name: '', email: '' }} />),
  );

  o.get('/verwaltung/abteilungen/:id', { ...adminOnly, schema: { params: IdParams } }, async (request, reply) => {
    const dept = await q.findDepartment(db, request.ctx.org.id, request.params.id);
    if (!dept) throw new AppError('not_found');
    return sendHtml(reply, <DepartmentFormPage ctx={request.ctx} id={dept.id} values={{ name: dept.name, email: dept.email }} />);
  });

  const saveDepartment = async (request: FastifyRequest, id: number | null) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const tp = translator(platformMessages, ctx.locale);
    const body = asForm(request.body);
    const values = { name: field(body, 'name'), email: field(body, 'email') };
    const errors: FieldErrors = {};
    if (!values.name) errors.name = t('err.nameRequired');
    else if (values.name.length > 200) errors.name = tp('field.tooLong', { max: 200 });
    else {
      const clash = await q.findDepartmentByName(db, ctx.org.id, values.name);
      if (clash && clash.id !== id) errors.name = t('err.nameTaken');
    }
    const email = normaliseEmail(values.email);
    if (!email) errors.email = tp('field.email');
    return { values, errors, email };
  };

  o.post('/verwaltung/abteilungen', adminOnly, async (request, reply) => {
    const { values, errors, email } = await saveDepartment(request, null);
    if (Object.keys(errors).length > 0 || !email)
      return sendHtml(reply, <DepartmentFormPage ctx={request.ctx} id={null} values={values} errors={errors} />, 400);
    const { id } = await q.insertDepartment(db, request.ctx.org.id, { name: values.name, email });
    await q.insertAudit(db, { organizationId: request.ctx.org.id, actorUserId: currentUser(request).id, action: 'departments.create', subject: String(id) });
    return reply.redirect('/verwaltung/abteilungen?ok=created', 303);
  });

  o.post('/verwaltung/abteilungen/:id', { ...adminOnly, schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    if (!(await q.findDepartment(db, request.ctx.org.id, id))) throw new AppError('not_found');
    const { values, errors, email } = await saveDepartment(request, id);
    if (Object.keys(errors).length > 0 || !email) return sendHtml(reply, <DepartmentFormPage ctx={request.ctx} id={id} values={values} errors={errors} />, 400);
    await q.updateDepartment(db, request.ctx.org.id, id, { name: values.name, email });
    await q.insertAudit(db, { organizationId: request.ctx.org.id, actorUserId: currentUser(request).id, action: 'departments.update', subject: String(id) });
    return reply.redirect('/verwaltung/abteilungen?ok=saved', 303);
  });

  o.post('/verwaltung/abteilungen/:id/loeschen', { ...adminOnly, schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    const { ctx } = request;
    const result = await q.deleteDepartment(db, ctx.org.id, id).catch((err: unknown) => {
      // Other modules' records that must name a responsible department (a participation process) refuse the delete.
      if ((err as { code?: string }).code === '23503') return null;
      throw err;
    });
    if (result === null) {
      const notice = translator(messages, ctx.locale)('departmentInUse');
      return sendHtml(reply, <DepartmentsPage ctx={ctx} departments={await q.listDepartments(db, ctx.org.id)} notice={notice} />, 409);
    }
    if (Number(result.numDeletedRows) === 0) throw new AppError('not_found');
    await q.insertAudit(db, { organizationId: request.ctx.org.id, actorUserId: currentUser(request).id, action: 'departments.delete', subject: String(id) });
    return reply.redirect('/verwaltung/abteilungen?ok=deleted', 303);
  });

  o.get('/verwaltung/rueckmeldungen', moderators, async (request, reply) =>
    sendHtml(reply, <FeedbackListPage ctx={request.ctx} items={await q.listAccessibilityFeedback(db, request.ctx.org.id)} />),
  );
}
