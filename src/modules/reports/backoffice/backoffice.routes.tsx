import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../config';
import type { Db } from '../../../platform/db/connect';
import { PHOTO_SIZES, type PhotoSize } from '../../../platform/files/photos';
import type { FileStorage } from '../../../platform/files/storage';
import type { RequestContext } from '../../../platform/http/context';
import { AppError, type FieldErrors } from '../../../platform/http/errors';
import { asForm, type FormBody, field, fieldList, safeReturnPath } from '../../../platform/http/form';
import { currentUser, staffOnly, staffOnlyInOwnDepartments } from '../../../platform/http/guards';
import { translator } from '../../../platform/i18n';
import { sendHtml } from '../../../platform/views/render';
import { categoryQuestions } from '../report.service';
import * as admin from './backoffice.admin';
import { messages } from './backoffice.messages';
import { canWorkOnReport, departmentScope } from './backoffice.policy';
import * as bq from './backoffice.queries';
import * as bo from './backoffice.service';
import { CategoriesPage, CategoryFormPage, Open311FormPage, Open311ListPage, QuestionFormPage, TemplateFormPage, TemplatesPage } from './views/admin-pages';
import { InboxPage, type InboxQuery } from './views/inbox-page';
import { PhotoPage } from './views/photo-page';
import { ReportDetailPage } from './views/report-detail-page';

export interface BackOfficeRouteDeps {
  db: Db;
  config: Config;
  storage: FileStorage;
}

const PAGE_SIZE = 25;

function numberParam(request: FastifyRequest, name = 'id'): number {
  const raw = (request.params as Record<string, string | undefined>)[name] ?? '';
  // Ids start at 1: 0 would read as "no id" in the code below.
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw new AppError('not_found');
  return Number(raw);
}

function problemsToErrors(ctx: RequestContext, problems: bo.Problems): FieldErrors {
  const t = translator(messages, ctx.locale);
  return Object.fromEntries(Object.entries(problems).map(([f, p]) => [f, t(p.key, p.params)]));
}

const one = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');

/** The inbox query from the URL: unknown or malformed values are dropped, never trusted. */
export function parseInboxQuery(raw: Record<string, unknown>): { query: InboxQuery; filter: bq.InboxFilter; page: number; newestFirst: boolean } {
  const s = (k: string) => one(raw[k]).trim();
  const id = (k: string) => (/^\d{1,9}$/.test(s(k)) ? s(k) : '');
  const status = ['all', ...bo.REPORT_STATUSES].includes(s('status')) ? s('status') : '';
  const abteilung = s('abteilung') === 'none' ? 'none' : id('abteilung');
  const alter = ['lt1', 'lt7', 'gt7', 'gt30'].includes(s('alter')) ? s('alter') : '';
  const q = s('q').slice(0, 200);
  const seite = /^\d{1,6}$/.test(s('seite')) && Number(s('seite')) >= 1 ? s('seite') : '1';
  const query: InboxQuery = {
    status,
    kategorie: id('kategorie'),
    bezirk: id('bezirk'),
    abteilung,
    q,
    alter,
    sortierung: s('sortierung') === 'neueste' ? 'neueste' : '',
    seite,
  };
  const filter: bq.InboxFilter = {
    status: (status || 'open') as bq.StatusFilter,
    categoryId: query.kategorie ? Number(query.kategorie) : undefined,
    districtId: query.bezirk ? Number(query.bezirk) : undefined,
    departmentId: abteilung === 'none' ? 'none' : abteilung ? Number(abteilung) : undefined,
    text: q || undefined,
    age: (alter || undefined) as bq.AgeFilter | undefined,
  };
  return { query, filter, page: Number(seite), newestFirst: query.sortierung === 'neueste' };
}

const REPORT_NOTICES = [
  'status',
  'category',
  'department',
  'duplicate',
  'rejected',
  'not_responsible',
  'public_note',
  'internal_note',
  'photo_approved',
  'photo_hidden',
  'photo_redacted',
] as const;
type ReportNotice = (typeof REPORT_NOTICES)[number];

export async function backOfficeReportRoutes(app: FastifyInstance, { db, storage }: BackOfficeRouteDeps): Promise<void> {
  const anyStaff = { preHandler: staffOnlyInOwnDepartments() };
  const adminOnly = { preHandler: staffOnly('admin') };

  // Inbox ------------------------------------------------------------------------------------------------------

  async function renderInbox(
    request: FastifyRequest,
    reply: FastifyReply,
    rawQuery: Record<string, unknown>,
    extra: { notice?: string; errors?: FieldErrors; bulkStatus?: string; status?: number } = {},
  ) {
    const { ctx } = request;
    const user = currentUser(request);
    const scope = departmentScope(user);
    const { query, filter, page: asked, newestFirst } = parseInboxQuery(rawQuery);
    const [total, counts, categories, districts, departments] = await Promise.all([
      bq.countInbox(db, ctx.org.id, scope, filter),
      bq.statusCounts(db, ctx.org.id, scope, filter),
      bq.allCategories(db, ctx.org.id),
      bq.districts(db, ctx.org.id),
      bq.departments(db, ctx.org.id),
    ]);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const page = Math.min(asked, pages);
    const rows = await bq.listInbox(db, ctx.org.id, scope, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, newestFirst });
    const visibleDepartments = scope ? departments.filter((d) => scope.includes(d.id)) : departments;
    return sendHtml(
      reply,
      <InboxPage
        ctx={ctx}
        query={{ ...query, seite: String(page) }}
        rows={rows}
        total={total}
        counts={counts}
        page={page}
        pages={pages}
        categories={categories.map((c) => ({ id: c.id, name: ctx.locale === 'de' ? c.name_de : c.name_en }))}
        districts={districts}
        departments={visibleDepartments}
        scopeNames={scope ? visibleDepartments.map((d) => d.name) : null}
        notice={extra.notice}
        errors={extra.errors}
        bulkStatus={extra.bulkStatus}
      />,
      extra.status ?? 200,
    );
  }

  app.get('/verwaltung/meldungen', anyStaff, async (request, reply) => {
    const t = translator(messages, request.ctx.locale);
    const raw = request.query as Record<string, unknown>;
    const ok = one(raw.ok);
    const num = (k: string) => (/^\d{1,9}$/.test(one(raw[k])) ? one(raw[k]) : '0');
    const notice =
      ok === 'bulk'
        ? t('ok.bulk', { done: num('geaendert'), skipped: num('unveraendert') })
        : ok === 'weitergegeben'
          ? t('ok.departmentAway', { id: num('nr') })
          : undefined;
    return renderInbox(request, reply, raw, { notice });
  });

  app.post('/verwaltung/meldungen/sammelaktion', anyStaff, async (request, reply) => {
    const body = asForm(request.body);
    const back = safeReturnPath(field(body, 'return'), '/verwaltung/meldungen');
    const returnPath = back.startsWith('/verwaltung/meldungen') ? back : '/verwaltung/meldungen';
    const returnQuery = Object.fromEntries(new URL(returnPath, 'http://x').searchParams);
    const status = field(body, 'bulkStatus');
    const result = await bo.bulkChangeStatus(db, request.ctx.org, currentUser(request), fieldList(body, 'ids'), status);
    if ('error' in result) {
      return renderInbox(request, reply, returnQuery, { errors: problemsToErrors(request.ctx, { bulkStatus: result.error }), bulkStatus: status, status: 400 });
    }
    const target = new URL(returnPath, 'http://x');
    target.searchParams.set('ok', 'bulk');
    target.searchParams.set('geaendert', String(result.done.length));
    target.searchParams.set('unveraendert', String(result.skipped.length));
    return reply.redirect(`${target.pathname}${target.search}`, 303);
  });

  // One report -------------------------------------------------------------------------------------------------

  async function renderReport(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    opts: { values?: Record<string, string>; errors?: FieldErrors; notice?: string; status?: number; templateId?: string } = {},
  ) {
    const { ctx } = request;
    const report = await bo.reportForStaff(db, ctx.org, currentUser(request), id);
    const [photos, events, questions, categories, departments, templates] = await Promise.all([
      bq.allPhotos(db, id),
      bq.fullTimeline(db, id),
      categoryQuestions(db, report.category_id, ctx.locale),
      bq.allCategories(db, ctx.org.id),
      bq.departments(db, ctx.org.id),
      bq.listTemplates(db, ctx.org.id),
    ]);
    const stored = (report.answers ?? {}) as Record<string, string | number | string[]>;
    const answers = questions
      .filter((qu) => stored[qu.code] !== undefined)
      .map((qu) => {
        const value = stored[qu.code]!;
        const label = (key: string) => qu.options.find((o) => o.key === key)?.label ?? key;
        return {
          label: qu.label,
          value: Array.isArray(value) ? value.map(label).join(', ') : qu.datatype === 'singlevaluelist' ? label(String(value)) : String(value),
        };
      });
    return sendHtml(
      reply,
      <ReportDetailPage
        ctx={ctx}
        report={report}
        photos={photos}
        events={events}
        answers={answers}
        categories={categories
          .filter((c) => c.active || c.id === report.category_id)
          .map((c) => ({ id: c.id, name: ctx.locale === 'de' ? c.name_de : c.name_en }))}
        departments={departments}
        templates={templates}
        templateId={opts.templateId ?? ''}
        values={opts.values ?? {}}
        errors={opts.errors}
        notice={opts.notice}
      />,
      opts.status ?? 200,
    );
  }

  app.get('/verwaltung/meldungen/:id', anyStaff, async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const id = numberParam(request);
    const query = request.query as Record<string, unknown>;
    const ok = one(query.ok);
    const notice = (REPORT_NOTICES as readonly string[]).includes(ok) ? t(`ok.${ok as ReportNotice}`) : undefined;
    // Without JavaScript, choosing a template reloads the page with its text in the message field.
    const templateRaw = one(query.vorlage);
    const template = /^\d{1,9}$/.test(templateRaw) ? await bq.findTemplate(db, ctx.org.id, Number(templateRaw)) : undefined;
    return renderReport(request, reply, id, { notice, templateId: template ? String(template.id) : '', values: template ? { publicNote: template.body } : {} });
  });

  /** One form post on a report: run the use case, then show the report again or the form with its problems. */
  function reportAction(
    path: string,
    fields: string[],
    run: (request: FastifyRequest, id: number, body: FormBody) => Promise<bo.ActionResult>,
    notice: ReportNotice,
  ) {
    app.post(`/verwaltung/meldungen/:id/${path}`, anyStaff, async (request, reply) => {
      const id = numberParam(request);
      const body = asForm(request.body);
      const result = await run(request, id, body);
      if (!result.ok) {
        const values = Object.fromEntries(fields.map((f) => [f, field(body, f)]));
        return renderReport(request, reply, id, { values, errors: problemsToErrors(request.ctx, result.errors), status: 400 });
      }
      // Passed on to a department the actor is not in: the report leaves their inbox.
      const after = await bq.reportForStaff(db, request.ctx.org.id, id);
      if (after && !canWorkOnReport(currentUser(request), after)) return reply.redirect(`/verwaltung/meldungen?ok=weitergegeben&nr=${id}`, 303);
      return reply.redirect(`/verwaltung/meldungen/${id}?ok=${notice}`, 303);
    });
  }

  const actor = (request: FastifyRequest) => currentUser(request);
  reportAction('annehmen', [], (r, id) => bo.changeStatus(db, r.ctx.org, actor(r), id, { status: 'confirmed' }), 'status');
  reportAction(
    'status',
    ['status', 'statusNote'],
    (r, id, b) => bo.changeStatus(db, r.ctx.org, actor(r), id, { status: field(b, 'status'), note: field(b, 'statusNote') }),
    'status',
  );
  reportAction('kategorie', ['categoryId'], (r, id, b) => bo.changeCategory(db, r.ctx.org, actor(r), id, field(b, 'categoryId')), 'category');
  reportAction('abteilung', ['departmentId'], (r, id, b) => bo.reassignDepartment(db, r.ctx.org, actor(r), id, field(b, 'departmentId')), 'department');
  reportAction(
    'doppelt',
    ['duplicateOf', 'duplicateNote'],
    (r, id, b) => bo.markDuplicate(db, r.ctx.org, actor(r), id, { original: field(b, 'duplicateOf'), note: field(b, 'duplicateNote') }),
    'duplicate',
  );
  reportAction(
    'ablehnen',
    ['rejectReason'],
    (r, id, b) => bo.closeWithReason(db, r.ctx.org, actor(r), id, { reason: 'rejected', text: field(b, 'rejectReason') }),
    'rejected',
  );
  reportAction(
    'nicht-zustaendig',
    ['who', 'notResponsibleNote'],
    (r, id, b) => bo.closeWithReason(db, r.ctx.org, actor(r), id, { reason: 'not_responsible', who: field(b, 'who'), text: field(b, 'notResponsibleNote') }),
    'not_responsible',
  );
  reportAction(
    'nachricht',
    ['publicNote'],
    (r, id, b) => bo.addNote(db, r.ctx.org, actor(r), id, { public: true, body: field(b, 'publicNote') }),
    'public_note',
  );
  reportAction(
    'notiz',
    ['internalNote'],
    (r, id, b) => bo.addNote(db, r.ctx.org, actor(r), id, { public: false, body: field(b, 'internalNote') }),
    'internal_note',
  );

  // Photos -----------------------------------------------------------------------------------------------------

  async function photoOf(request: FastifyRequest) {
    const reportId = numberParam(request);
    const photoId = numberParam(request, 'photoId');
    await bo.reportForStaff(db, request.ctx.org, currentUser(request), reportId);
    const photo = await bq.photoForStaff(db, request.ctx.org.id, photoId);
    if (!photo || photo.report_id !== reportId) throw new AppError('not_found');
    return { reportId, photo };
  }

  app.get('/verwaltung/meldungen/:id/fotos/:photoId', anyStaff, async (request, reply) => {
    const { reportId, photo } = await photoOf(request);
    const ok = one((request.query as Record<string, unknown>).ok);
    const notice = ok === 'photo_redacted' ? translator(messages, request.ctx.locale)('ok.photo_redacted') : undefined;
    return sendHtml(reply, <PhotoPage ctx={request.ctx} reportId={reportId} photo={photo} values={{ x: '', y: '', w: '', h: '' }} notice={notice} />);
  });

  for (const [path, action] of [
    ['freigeben', 'approve'],
    ['verbergen', 'hide'],
  ] as const) {
    app.post(`/verwaltung/meldungen/:id/fotos/:photoId/${path}`, anyStaff, async (request, reply) => {
      const reportId = numberParam(request);
      const photoId = numberParam(request, 'photoId');
      const result = await bo.moderatePhoto(db, request.ctx.org, currentUser(request), reportId, photoId, action);
      if (!result.ok) return renderReport(request, reply, reportId, { errors: problemsToErrors(request.ctx, result.errors), status: 400 });
      return reply.redirect(`/verwaltung/meldungen/${reportId}?ok=${action === 'approve' ? 'photo_approved' : 'photo_hidden'}`, 303);
    });
  }

  app.post('/verwaltung/meldungen/:id/fotos/:photoId/schwaerzen', anyStaff, async (request, reply) => {
    const reportId = numberParam(request);
    const photoId = numberParam(request, 'photoId');
    const body = asForm(request.body);
    const values = { x: field(body, 'x'), y: field(body, 'y'), w: field(body, 'w'), h: field(body, 'h') };
    const result = await bo.redactPhoto({ db, storage }, request.ctx.org, currentUser(request), reportId, photoId, values);
    if (!result.ok) {
      const { photo } = await photoOf(request);
      return sendHtml(
        reply,
        <PhotoPage ctx={request.ctx} reportId={reportId} photo={photo} values={values} errors={problemsToErrors(request.ctx, result.errors)} />,
        400,
      );
    }
    return reply.redirect(`/verwaltung/meldungen/${reportId}/fotos/${result.newPhotoId}?ok=photo_redacted`, 303);
  });

  // Every photo, whatever its status, for staff who may see its report; never cached by shared caches.
  app.get('/verwaltung/fotos/:id/:file', anyStaff, async (request, reply) => {
    const { file } = request.params as { file: string };
    const size = file.replace(/\.jpg$/, '') as PhotoSize;
    if (!file.endsWith('.jpg') || !Object.hasOwn(PHOTO_SIZES, size)) throw new AppError('not_found');
    const data = await bo.photoFileForStaff({ db, storage }, request.ctx.org, currentUser(request), numberParam(request), size);
    return reply.type('image/jpeg').header('Cache-Control', 'private, no-store').send(data);
  });

  // Response templates -----------------------------------------------------------------------------------------

  const okNotice = (request: FastifyRequest) => {
    const ok = one((request.query as Record<string, unknown>).ok);
    const t = translator(messages, request.ctx.locale);
    return ok === 'saved' ? t('ok.saved') : ok === 'created' ? t('ok.created') : ok === 'deleted' ? t('ok.deleted') : undefined;
  };
  const audit = (request: FastifyRequest, action: string, subject: string | number) =>
    bq.actorAudit(db, { organizationId: request.ctx.org.id, actorUserId: currentUser(request).id, action, subject: String(subject) });

  app.get('/verwaltung/antwortvorlagen', adminOnly, async (request, reply) =>
    sendHtml(reply, <TemplatesPage ctx={request.ctx} templates={await bq.listTemplates(db, request.ctx.org.id)} notice={okNotice(request)} />),
  );
  app.get('/verwaltung/antwortvorlagen/neu', adminOnly, async (request, reply) =>
    sendHtml(reply, <TemplateFormPage ctx={request.ctx} id={null} values={{ title: '', body: '' }} />),
  );
  app.get('/verwaltung/antwortvorlagen/:id', adminOnly, async (request, reply) => {
    const tpl = await bq.findTemplate(db, request.ctx.org.id, numberParam(request));
    if (!tpl) throw new AppError('not_found');
    return sendHtml(reply, <TemplateFormPage ctx={request.ctx} id={tpl.id} values={tpl} />);
  });
  const saveTemplate = async (request: FastifyRequest, reply: FastifyReply, id: number | null) => {
    const body = asForm(request.body);
    const values = { title: field(body, 'title'), body: field(body, 'body') };
    const checked = await admin.validateTemplate(db, request.ctx.org.id, id, values);
    if (!checked.ok)
      return sendHtml(reply, <TemplateFormPage ctx={request.ctx} id={id} values={values} errors={problemsToErrors(request.ctx, checked.errors)} />, 400);
    if (id) await bq.updateTemplate(db, request.ctx.org.id, id, checked.value);
    const saved = id ?? (await bq.insertTemplate(db, request.ctx.org.id, checked.value)).id;
    await audit(request, id ? 'response_templates.update' : 'response_templates.create', saved);
    return reply.redirect(`/verwaltung/antwortvorlagen?ok=${id ? 'saved' : 'created'}`, 303);
  };
  app.post('/verwaltung/antwortvorlagen', adminOnly, (request, reply) => saveTemplate(request, reply, null));
  app.post('/verwaltung/antwortvorlagen/:id', adminOnly, async (request, reply) => {
    const id = numberParam(request);
    if (!(await bq.findTemplate(db, request.ctx.org.id, id))) throw new AppError('not_found');
    return saveTemplate(request, reply, id);
  });
  app.post('/verwaltung/antwortvorlagen/:id/loeschen', adminOnly, async (request, reply) => {
    const id = numberParam(request);
    const result = await bq.deleteTemplate(db, request.ctx.org.id, id);
    if (Number(result.numDeletedRows) === 0) throw new AppError('not_found');
    await audit(request, 'response_templates.delete', id);
    return reply.redirect('/verwaltung/antwortvorlagen?ok=deleted', 303);
  });

  // Categories, extra questions, routing rules ------------------------------------------------------------------

  const emptyCategory: admin.CategoryForm = {
    code: '',
    kind: 'defect',
    name_de: '',
    name_en: '',
    description_de: '',
    description_en: '',
    department_id: '',
    questionnaire_weeks: '4',
    active: true,
    sort: '0',
  };
  const categoryForm = (body: FormBody): admin.CategoryForm => ({
    code: field(body, 'code'),
    kind: field(body, 'kind'),
    name_de: field(body, 'name_de'),
    name_en: field(body, 'name_en'),
    description_de: field(body, 'description_de'),
    description_en: field(body, 'description_en'),
    department_id: field(body, 'department_id'),
    questionnaire_weeks: field(body, 'questionnaire_weeks'),
    active: fieldList(body, 'active').includes('1'),
    sort: field(body, 'sort'),
  });

  async function renderCategory(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number | null,
    opts: {
      values?: admin.CategoryForm;
      errors?: FieldErrors;
      ruleValues?: { district_id: string; rule_department_id: string };
      ruleErrors?: FieldErrors;
      status?: number;
    } = {},
  ) {
    const { ctx } = request;
    const category = id ? await bq.findCategory(db, ctx.org.id, id) : undefined;
    if (id && !category) throw new AppError('not_found');
    const [departments, questions, rules, districts] = await Promise.all([
      bq.departments(db, ctx.org.id),
      id ? bq.questions(db, id) : Promise.resolve(undefined),
      id ? bq.routingRules(db, ctx.org.id, id) : Promise.resolve(undefined),
      id ? bq.districts(db, ctx.org.id) : Promise.resolve(undefined),
    ]);
    const values: admin.CategoryForm =
      opts.values ??
      (category
        ? {
            ...category,
            department_id: category.department_id ? String(category.department_id) : '',
            questionnaire_weeks: String(category.questionnaire_weeks),
            sort: String(category.sort),
          }
        : emptyCategory);
    return sendHtml(
      reply,
      <CategoryFormPage
        ctx={ctx}
        id={id}
        values={values}
        departments={departments}
        errors={opts.errors}
        notice={okNotice(request)}
        questions={questions}
        rules={rules}
        districts={districts}
        ruleValues={opts.ruleValues}
        ruleErrors={opts.ruleErrors}
      />,
      opts.status ?? 200,
    );
  }

  app.get('/verwaltung/kategorien', adminOnly, async (request, reply) => {
    const { ctx } = request;
    const [categories, departments, counts] = await Promise.all([
      bq.allCategories(db, ctx.org.id),
      bq.departments(db, ctx.org.id),
      bq.reportCountsByCategory(db, ctx.org.id),
    ]);
    const rows = categories.map((c) => ({
      ...c,
      department: departments.find((d) => d.id === c.department_id)?.name ?? null,
      reports: Number(counts.find((n) => n.category_id === c.id)?.n ?? 0),
    }));
    return sendHtml(reply, <CategoriesPage ctx={ctx} categories={rows} notice={okNotice(request)} />);
  });
  app.get('/verwaltung/kategorien/neu', adminOnly, (request, reply) => renderCategory(request, reply, null));
  app.get('/verwaltung/kategorien/:id', adminOnly, (request, reply) => renderCategory(request, reply, numberParam(request)));

  const saveCategory = async (request: FastifyRequest, reply: FastifyReply, id: number | null) => {
    const values = categoryForm(asForm(request.body));
    const checked = await admin.validateCategory(db, request.ctx.org.id, id, values);
    if (!checked.ok) return renderCategory(request, reply, id, { values, errors: problemsToErrors(request.ctx, checked.errors), status: 400 });
    if (id) await bq.updateCategory(db, request.ctx.org.id, id, checked.value);
    const saved = id ?? (await bq.insertCategory(db, request.ctx.org.id, checked.value)).id;
    await audit(request, id ? 'report_categories.update' : 'report_categories.create', saved);
    return reply.redirect(`/verwaltung/kategorien/${saved}?ok=${id ? 'saved' : 'created'}`, 303);
  };
  app.post('/verwaltung/kategorien', adminOnly, (request, reply) => saveCategory(request, reply, null));
  app.post('/verwaltung/kategorien/:id', adminOnly, async (request, reply) => {
    const id = numberParam(request);
    if (!(await bq.findCategory(db, request.ctx.org.id, id))) throw new AppError('not_found');
    return saveCategory(request, reply, id);
  });

  app.post('/verwaltung/kategorien/:id/zustaendigkeiten', adminOnly, async (request, reply) => {
    const id = numberParam(request);
    if (!(await bq.findCategory(db, request.ctx.org.id, id))) throw new AppError('not_found');
    const body = asForm(request.body);
    const ruleValues = { district_id: field(body, 'district_id'), rule_department_id: field(body, 'rule_department_id') };
    const checked = await admin.validateRoutingRule(db, request.ctx.org.id, ruleValues);
    if (!checked.ok) return renderCategory(request, reply, id, { ruleValues, ruleErrors: problemsToErrors(request.ctx, checked.errors), status: 400 });
    await bq.upsertRoutingRule(db, request.ctx.org.id, { categoryId: id, ...checked.value });
    await audit(request, 'routing_rules.upsert', `${id}/${checked.value.districtId}`);
    return reply.redirect(`/verwaltung/kategorien/${id}?ok=saved#rules-title`, 303);
  });
  app.post('/verwaltung/kategorien/:id/zustaendigkeiten/:ruleId/loeschen', adminOnly, async (request, reply) => {
    const id = numberParam(request);
    const ruleId = numberParam(request, 'ruleId');
    const result = await bq.deleteRoutingRule(db, request.ctx.org.id, id, ruleId);
    if (Number(result.numDeletedRows) === 0) throw new AppError('not_found');
    await audit(request, 'routing_rules.delete', ruleId);
    return reply.redirect(`/verwaltung/kategorien/${id}?ok=deleted#rules-title`, 303);
  });

  const emptyQuestion: admin.QuestionForm = { code: '', datatype: 'text', label_de: '', label_en: '', required: false, sort: '0', options: '' };
  async function categoryOf(request: FastifyRequest) {
    const category = await bq.findCategory(db, request.ctx.org.id, numberParam(request));
    if (!category) throw new AppError('not_found');
    return category;
  }
  const questionPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    category: { id: number; name_de: string; name_en: string },
    id: number | null,
    values: admin.QuestionForm,
    errors?: FieldErrors,
  ) =>
    sendHtml(
      reply,
      <QuestionFormPage
        ctx={request.ctx}
        categoryId={category.id}
        categoryName={request.ctx.locale === 'de' ? category.name_de : category.name_en}
        id={id}
        values={values}
        errors={errors}
      />,
      errors ? 400 : 200,
    );

  app.get('/verwaltung/kategorien/:id/fragen/neu', adminOnly, async (request, reply) =>
    questionPage(request, reply, await categoryOf(request), null, emptyQuestion),
  );
  app.get('/verwaltung/kategorien/:id/fragen/:questionId', adminOnly, async (request, reply) => {
    const category = await categoryOf(request);
    const question = await bq.findQuestion(db, category.id, numberParam(request, 'questionId'));
    if (!question) throw new AppError('not_found');
    return questionPage(request, reply, category, question.id, { ...question, sort: String(question.sort), options: admin.optionsToText(question.options) });
  });
  const saveQuestion = async (request: FastifyRequest, reply: FastifyReply, id: number | null) => {
    const category = await categoryOf(request);
    if (id && !(await bq.findQuestion(db, category.id, id))) throw new AppError('not_found');
    const body = asForm(request.body);
    const values: admin.QuestionForm = {
      code: field(body, 'code'),
      datatype: field(body, 'datatype'),
      label_de: field(body, 'label_de'),
      label_en: field(body, 'label_en'),
      required: fieldList(body, 'required').includes('1'),
      sort: field(body, 'sort'),
      options: field(body, 'options'),
    };
    const checked = await admin.validateQuestion(db, category.id, id, values);
    if (!checked.ok) return questionPage(request, reply, category, id, values, problemsToErrors(request.ctx, checked.errors));
    if (id) await bq.updateQuestion(db, category.id, id, checked.value);
    else await bq.insertQuestion(db, category.id, checked.value);
    await audit(request, id ? 'category_questions.update' : 'category_questions.create', `${category.id}/${checked.value.code}`);
    return reply.redirect(`/verwaltung/kategorien/${category.id}?ok=saved#questions-title`, 303);
  };
  app.post('/verwaltung/kategorien/:id/fragen', adminOnly, (request, reply) => saveQuestion(request, reply, null));
  app.post('/verwaltung/kategorien/:id/fragen/:questionId', adminOnly, (request, reply) => saveQuestion(request, reply, numberParam(request, 'questionId')));
  app.post('/verwaltung/kategorien/:id/fragen/:questionId/loeschen', adminOnly, async (request, reply) => {
    const category = await categoryOf(request);
    const questionId = numberParam(request, 'questionId');
    const result = await bq.deleteQuestion(db, category.id, questionId);
    if (Number(result.numDeletedRows) === 0) throw new AppError('not_found');
    await audit(request, 'category_questions.delete', `${category.id}/${questionId}`);
    return reply.redirect(`/verwaltung/kategorien/${category.id}?ok=deleted#questions-title`, 303);
  });

  // Open311 forwarding per department -----------------------------------------------------------------------------

  app.get('/verwaltung/open311', adminOnly, async (request, reply) =>
    sendHtml(reply, <Open311ListPage ctx={request.ctx} departments={await bq.departments(db, request.ctx.org.id)} notice={okNotice(request)} />),
  );
  app.get('/verwaltung/abteilungen/:id/open311', adminOnly, async (request, reply) => {
    const dep = await bq.findDepartment(db, request.ctx.org.id, numberParam(request));
    if (!dep) throw new AppError('not_found');
    return sendHtml(
      reply,
      <Open311FormPage
        ctx={request.ctx}
        department={dep}
        hasKey={Boolean(dep.open311_api_key)}
        values={{ endpoint: dep.open311_endpoint ?? '', enabled: dep.open311_enabled }}
      />,
    );
  });
  app.post('/verwaltung/abteilungen/:id/open311', adminOnly, async (request, reply) => {
    const dep = await bq.findDepartment(db, request.ctx.org.id, numberParam(request));
    if (!dep) throw new AppError('not_found');
    const body = asForm(request.body);
    const form: admin.Open311Form = {
      endpoint: field(body, 'endpoint'),
      apiKey: field(body, 'apiKey'),
      removeKey: fieldList(body, 'removeKey').includes('1'),
      enabled: fieldList(body, 'enabled').includes('1'),
    };
    const checked = admin.validateOpen311(form, Boolean(dep.open311_api_key));
    if (!checked.ok) {
      return sendHtml(
        reply,
        <Open311FormPage
          ctx={request.ctx}
          department={dep}
          hasKey={Boolean(dep.open311_api_key)}
          values={{ endpoint: form.endpoint, enabled: form.enabled }}
          errors={problemsToErrors(request.ctx, checked.errors)}
        />,
        400,
      );
    }
    await bq.updateOpen311(db, request.ctx.org.id, dep.id, checked.value);
    // The key itself never goes into the audit log.
    await bq.actorAudit(db, {
      organizationId: request.ctx.org.id,
      actorUserId: currentUser(request).id,
      action: 'departments.open311',
      subject: String(dep.id),
      details: { enabled: checked.value.enabled, endpoint: checked.value.endpoint, keyChanged: checked.value.apiKey !== undefined },
    });
    return reply.redirect('/verwaltung/open311?ok=saved', 303);
  });
}
