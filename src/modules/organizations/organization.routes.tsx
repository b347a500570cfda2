import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/connect';
import { GeoJsonError } from '../../platform/geo/geojson';
import { clientKey } from '../../platform/http/client-ip';
import { AppError, type FieldErrors } from '../../platform/http/errors';
import { asForm, field, normaliseEmail } from '../../platform/http/form';
import { currentUser, staffOnly } from '../../platform/http/guards';
import { enforce } from '../../platform/http/rate-limit';
import { isLocale, LOCALES, translator } from '../../platform/i18n';
import { platformMessages } from '../../platform/i18n/platform-messages';
import { sendHtml } from '../../platform/views/render';
import { defaultLegalPage, LEGAL_SLUGS, type LegalSlug } from './legal-defaults';
import { messages } from './messages';
import * as q from './organization.queries';
import { DISTRICT_KIND, importDistricts, submitAccessibilityFeedback } from './organization.service';
import { DashboardPage, DepartmentFormPage, DepartmentsPage, DistrictsPage, FeedbackListPage, LegalPageEditPage, LegalPagesPage } from './views/admin-pages';
import { type FeedbackForm, LegalPageView } from './views/legal-page';

const FEEDBACK_LIMIT = { name: 'a11y-feedback:ip', max: 10, windowSeconds: 3600 };

function idParam(request: FastifyRequest): number {
  const raw = (request.params as { id?: string }).id ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new AppError('not_found');
  return Number(raw);
}

async function legalText(db: Db, org: { id: number; name: string; contact_email: string }, slug: LegalSlug, locale: 'de' | 'en') {
  const stored = await q.getLegalPage(db, org.id, slug, locale);
  return stored ?? defaultLegalPage(slug, locale, org.name, org.contact_email);
}

export async function organizationRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  // Public legal pages, linked from every footer.
  for (const slug of LEGAL_SLUGS) {
    app.get(`/${slug}`, async (request, reply) => {
      const { ctx } = request;
      const page = await legalText(db, ctx.org, slug, ctx.locale);
      const thanks = (request.query as { danke?: string }).danke === '1';
      return sendHtml(
        reply,
        <LegalPageView
          ctx={ctx}
          title={page.title}
          body={page.body}
          withFeedback={slug === 'barrierefreiheit'}
          thanks={thanks}
          attribution={slug === 'impressum'}
        />,
      );
    });
  }

  app.post('/barrierefreiheit', async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const tp = translator(platformMessages, ctx.locale);
    const body = asForm(request.body);
    const values: FeedbackForm = { message: field(body, 'message'), page: field(body, 'page'), email: field(body, 'email') };
    const errors: FieldErrors = {};
    if (!values.message) errors.message = t('err.messageRequired');
    else if (values.message.length > 5000) errors.message = tp('field.tooLong', { max: 5000 });
    if (values.page.length > 500) errors.page = tp('field.tooLong', { max: 500 });
    const email = values.email ? normaliseEmail(values.email) : null;
    if (values.email && !email) errors.email = tp('field.email');
    if (Object.keys(errors).length > 0) {
      const page = await legalText(db, ctx.org, 'barrierefreiheit', ctx.locale);
      return sendHtml(reply, <LegalPageView ctx={ctx} title={page.title} body={page.body} withFeedback feedback={values} errors={errors} />, 400);
    }
    await enforce(db, [[FEEDBACK_LIMIT, clientKey(request.ip)]]);
    await submitAccessibilityFeedback(db, ctx.org, { message: values.message, pageUrl: values.page, email }, t('mail.feedbackSubject'));
    return reply.redirect('/barrierefreiheit?danke=1#feedback-title', 303);
  });

  // Back office.
  const anyStaff = { preHandler: staffOnly() };
  const adminOnly = { preHandler: staffOnly('admin') };
  const moderators = { preHandler: staffOnly('admin', 'moderator') };

  app.get('/verwaltung', anyStaff, async (request, reply) => sendHtml(reply, <DashboardPage ctx={request.ctx} />));

  app.get('/verwaltung/bezirke', adminOnly, async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const query = request.query as { ok?: string; n?: string };
    const notice = query.ok === 'deleted' ? t('deleted') : undefined;
    return sendHtml(reply, <DistrictsPage ctx={ctx} districts={await q.listDistricts(db, ctx.org.id)} notice={notice} />);
  });

  app.post('/verwaltung/bezirke', adminOnly, async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const body = request.body as Record<string, unknown>;
    const kind = typeof body.kind === 'string' ? body.kind.trim() : '';
    const nameProperty = typeof body.nameProperty === 'string' ? body.nameProperty.trim() : '';
    const file = body.file;
    const errors: FieldErrors = {};
    if (!DISTRICT_KIND.test(kind)) errors.kind = t('err.kind');
    let json: unknown = null;
    if (!Buffer.isBuffer(file) || file.length === 0) errors.file = t('err.fileRequired');
    else {
      try {
        json = JSON.parse(file.toString('utf8'));
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
    const status = Object.keys(errors).length > 0 ? 400 : 200;
    return sendHtml(
      reply,
      <DistrictsPage ctx={ctx} districts={await q.listDistricts(db, ctx.org.id)} errors={errors} values={{ kind, nameProperty }} notice={notice} />,
      status,
    );
  });

  app.post('/verwaltung/bezirke/:id/loeschen', adminOnly, async (request, reply) => {
    const id = idParam(request);
    const result = await q.deleteDistrict(db, request.ctx.org.id, id);
    if (Number(result.numDeletedRows) === 0) throw new AppError('not_found');
    await q.insertAudit(db, { organizationId: request.ctx.org.id, actorUserId: currentUser(request).id, action: 'districts.delete', subject: String(id) });
    return reply.redirect('/verwaltung/bezirke?ok=deleted', 303);
  });

  app.get('/verwaltung/abteilungen', adminOnly, async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const ok = (request.query as { ok?: string }).ok;
    const notice = ok === 'saved' ? t('saved') : ok === 'created' ? t('created') : ok === 'deleted' ? t('deleted') : undefined;
    return sendHtml(reply, <DepartmentsPage ctx={ctx} departments={await q.listDepartments(db, ctx.org.id)} notice={notice} />);
  });

  app.get('/verwaltung/abteilungen/neu', adminOnly, async (request, reply) =>
    sendHtml(reply, <DepartmentFormPage ctx={request.ctx} id={null} values={{ name: '', email: '' }} />),
  );

  app.get('/verwaltung/abteilungen/:id', adminOnly, async (request, reply) => {
    const dept = await q.findDepartment(db, request.ctx.org.id, idParam(request));
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

  app.post('/verwaltung/abteilungen', adminOnly, async (request, reply) => {
    const { values, errors, email } = await saveDepartment(request, null);
    if (Object.keys(errors).length > 0 || !email)
      return sendHtml(reply, <DepartmentFormPage ctx={request.ctx} id={null} values={values} errors={errors} />, 400);
    const { id } = await q.insertDepartment(db, request.ctx.org.id, { name: values.name, email });
    await q.insertAudit(db, { organizationId: request.ctx.org.id, actorUserId: currentUser(request).id, action: 'departments.create', subject: String(id) });
    return reply.redirect('/verwaltung/abteilungen?ok=created', 303);
  });

  app.post('/verwaltung/abteilungen/:id', adminOnly, async (request, reply) => {
    const id = idParam(request);
    if (!(await q.findDepartment(db, request.ctx.org.id, id))) throw new AppError('not_found');
    const { values, errors, email } = await saveDepartment(request, id);
    if (Object.keys(errors).length > 0 || !email) return sendHtml(reply, <DepartmentFormPage ctx={request.ctx} id={id} values={values} errors={errors} />, 400);
    await q.updateDepartment(db, request.ctx.org.id, id, { name: values.name, email });
    await q.insertAudit(db, { organizationId: request.ctx.org.id, actorUserId: currentUser(request).id, action: 'departments.update', subject: String(id) });
    return reply.redirect('/verwaltung/abteilungen?ok=saved', 303);
  });

  app.post('/verwaltung/abteilungen/:id/loeschen', adminOnly, async (request, reply) => {
    const id = idParam(request);
    const result = await q.deleteDepartment(db, request.ctx.org.id, id);
    if (Number(result.numDeletedRows) === 0) throw new AppError('not_found');
    await q.insertAudit(db, { organizationId: request.ctx.org.id, actorUserId: currentUser(request).id, action: 'departments.delete', subject: String(id) });
    return reply.redirect('/verwaltung/abteilungen?ok=deleted', 303);
  });

  app.get('/verwaltung/seiten', adminOnly, async (request, reply) => {
    const { ctx } = request;
    const pages = [];
    for (const slug of LEGAL_SLUGS) for (const locale of LOCALES) pages.push({ slug, locale, title: (await legalText(db, ctx.org, slug, locale)).title });
    return sendHtml(reply, <LegalPagesPage ctx={ctx} pages={pages} />);
  });

  const legalParams = (request: FastifyRequest): { slug: LegalSlug; locale: 'de' | 'en' } => {
    const { slug, locale } = request.params as { slug: string; locale: string };
    if (!(LEGAL_SLUGS as string[]).includes(slug) || !isLocale(locale)) throw new AppError('not_found');
    return { slug: slug as LegalSlug, locale };
  };

  app.get('/verwaltung/seiten/:slug/:locale', adminOnly, async (request, reply) => {
    const { slug, locale } = legalParams(request);
    const page = await q.getLegalPage(db, request.ctx.org.id, slug, locale);
    const values = page?.locale === locale ? page : defaultLegalPage(slug, locale, request.ctx.org.name, request.ctx.org.contact_email);
    const notice = (request.query as { ok?: string }).ok === 'saved' ? translator(messages, request.ctx.locale)('saved') : undefined;
    return sendHtml(
      reply,
      <LegalPageEditPage ctx={request.ctx} slug={slug} locale={locale} values={{ title: values.title, body: values.body }} notice={notice} />,
    );
  });

  app.post('/verwaltung/seiten/:slug/:locale', adminOnly, async (request, reply) => {
    const { slug, locale } = legalParams(request);
    const tp = translator(platformMessages, request.ctx.locale);
    const body = asForm(request.body);
    const values = { title: field(body, 'title'), body: field(body, 'body') };
    const errors: FieldErrors = {};
    if (!values.title) errors.title = tp('field.required');
    else if (values.title.length > 200) errors.title = tp('field.tooLong', { max: 200 });
    if (!values.body) errors.body = tp('field.required');
    else if (values.body.length > 50000) errors.body = tp('field.tooLong', { max: 50000 });
    if (Object.keys(errors).length > 0) {
      return sendHtml(reply, <LegalPageEditPage ctx={request.ctx} slug={slug} locale={locale} values={values} errors={errors} />, 400);
    }
    const user = currentUser(request);
    await q.upsertLegalPage(db, { organizationId: request.ctx.org.id, slug, locale, title: values.title, body: values.body, updatedBy: user.id });
    await q.insertAudit(db, { organizationId: request.ctx.org.id, actorUserId: user.id, action: 'legal_pages.update', subject: `${slug}/${locale}` });
    return reply.redirect(`/verwaltung/seiten/${slug}/${locale}?ok=saved`, 303);
  });

  app.get('/verwaltung/rueckmeldungen', moderators, async (request, reply) =>
    sendHtml(reply, <FeedbackListPage ctx={request.ctx} items={await q.listAccessibilityFeedback(db, request.ctx.org.id)} />),
  );
}
