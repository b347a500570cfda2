import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, type FieldErrors } from '../../../platform/http/errors';
import { asForm, type FormBody, field, fieldList } from '../../../platform/http/form';
import { Id, IdParams } from '../../../platform/http/schemas';
import { sendHtml } from '../../../platform/views/render';
import * as admin from './backoffice.admin';
import * as bq from './backoffice.queries';
import type { BackOfficeRouteDeps } from './backoffice.routes';
import { AdminNoticeQuery, adminNotice, adminOnly, audit, problemsToErrors } from './route-helpers';
import { CategoriesPage, CategoryFormPage } from './views/admin-pages';

const RuleParams = Type.Object({ id: Id, ruleId: Id });

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

interface CategoryViewOptions {
  values?: admin.CategoryForm;
  errors?: FieldErrors;
  ruleValues?: { district_id: string; rule_department_id: string };
  ruleErrors?: FieldErrors;
  notice?: string | undefined;
  status?: number;
}

/** Report categories and their routing rules (which department in which district). Form posts are read by the form code. */
export function categoryRoutes(app: FastifyInstance, { db }: BackOfficeRouteDeps): void {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  async function renderCategory(request: FastifyRequest, reply: FastifyReply, id: number | null, opts: CategoryViewOptions = {}) {
    const { ctx } = request;
    const category = id ? await bq.findCategory(db, ctx.org.id, id) : undefined;
    if (id && !category) throw new AppError('not_found');
    const [departments, questions, rules, districts] = await Promise.all([
      bq.departments(db, ctx.org.id),
      id ? bq.questions(db, ctx.org.id, id) : Promise.resolve(undefined),
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
        notice={opts.notice}
        questions={questions}
        rules={rules}
        districts={districts}
        ruleValues={opts.ruleValues}
        ruleErrors={opts.ruleErrors}
      />,
      opts.status ?? 200,
    );
  }

  routes.get('/verwaltung/kategorien', { ...adminOnly, schema: { querystring: AdminNoticeQuery } }, async (request, reply) => {
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
    return sendHtml(reply, <CategoriesPage ctx={ctx} categories={rows} notice={adminNotice(ctx, request.query.ok)} />);
  });
  app.get('/verwaltung/kategorien/neu', adminOnly, (request, reply) => renderCategory(request, reply, null));
  routes.get('/verwaltung/kategorien/:id', { ...adminOnly, schema: { params: IdParams, querystring: AdminNoticeQuery } }, (request, reply) =>
    renderCategory(request, reply, request.params.id, { notice: adminNotice(request.ctx, request.query.ok) }),
  );

  const saveCategory = async (request: FastifyRequest, reply: FastifyReply, id: number | null) => {
    const values = categoryForm(asForm(request.body));
    const checked = await admin.validateCategory(db, request.ctx.org.id, id, values);
    if (!checked.ok) return renderCategory(request, reply, id, { values, errors: problemsToErrors(request.ctx, checked.errors), status: 400 });
    if (id) await bq.updateCategory(db, request.ctx.org.id, id, checked.value);
    const saved = id ?? (await bq.insertCategory(db, request.ctx.org.id, checked.value)).id;
    await audit(db, request, id ? 'report_categories.update' : 'report_categories.create', saved);
    return reply.redirect(`/verwaltung/kategorien/${saved}?ok=${id ? 'saved' : 'created'}`, 303);
  };
  app.post('/verwaltung/kategorien', adminOnly, (request, reply) => saveCategory(request, reply, null));
  routes.post('/verwaltung/kategorien/:id', { ...adminOnly, schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    if (!(await bq.findCategory(db, request.ctx.org.id, id))) throw new AppError('not_found');
    return saveCategory(request, reply, id);
  });

  routes.post('/verwaltung/kategorien/:id/zustaendigkeiten', { ...adminOnly, schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    if (!(await bq.findCategory(db, request.ctx.org.id, id))) throw new AppError('not_found');
    const body = asForm(request.body);
    const ruleValues = { district_id: field(body, 'district_id'), rule_department_id: field(body, 'rule_department_id') };
    const checked = await admin.validateRoutingRule(db, request.ctx.org.id, ruleValues);
    if (!checked.ok) return renderCategory(request, reply, id, { ruleValues, ruleErrors: problemsToErrors(request.ctx, checked.errors), status: 400 });
    await bq.upsertRoutingRule(db, request.ctx.org.id, { categoryId: id, ...checked.value });
    await audit(db, request, 'routing_rules.upsert', `${id}/${checked.value.districtId}`);
    return reply.redirect(`/verwaltung/kategorien/${id}?ok=saved#rules-title`, 303);
  });
  routes.post('/verwaltung/kategorien/:id/zustaendigkeiten/:ruleId/loeschen', { ...adminOnly, schema: { params: RuleParams } }, async (request, reply) => {
    const { id, ruleId } = request.params;
    const result = await bq.deleteRoutingRule(db, request.ctx.org.id, id, ruleId);
    if (Number(result.numDeletedRows) === 0) throw new AppError('not_found');
    await audit(db, request, 'routing_rules.delete', ruleId);
    return reply.redirect(`/verwaltung/kategorien/${id}?ok=deleted#rules-title`, 303);
  });
}
