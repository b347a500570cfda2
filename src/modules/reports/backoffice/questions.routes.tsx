import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { RequestContext } from '../../../platform/http/context';
import { AppError, type FieldErrors } from '../../../platform/http/errors';
import { asForm, field, fieldList } from '../../../platform/http/form';
import { Id, IdParams } from '../../../platform/http/schemas';
import { sendHtml } from '../../../platform/views/render';
import * as admin from './backoffice.admin';
import * as bq from './backoffice.queries';
import type { BackOfficeRouteDeps } from './backoffice.routes';
import { adminOnly, audit, problemsToErrors } from './route-helpers';
import { QuestionFormPage } from './views/admin-pages';

const QuestionParams = Type.Object({ id: Id, questionId: Id });

const emptyQuestion: admin.QuestionForm = { code: '', datatype: 'text', label_de: '', label_en: '', required: false, sort: '0', options: '' };

/** A category's extra questions on the report form. Form posts are read by the form code. */
export function questionRoutes(app: FastifyInstance, { db }: BackOfficeRouteDeps): void {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  async function categoryOf(ctx: RequestContext, id: number) {
    const category = await bq.findCategory(db, ctx.org.id, id);
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

  routes.get('/verwaltung/kategorien/:id/fragen/neu', { ...adminOnly, schema: { params: IdParams } }, async (request, reply) =>
    questionPage(request, reply, await categoryOf(request.ctx, request.params.id), null, emptyQuestion),
  );
  routes.get('/verwaltung/kategorien/:id/fragen/:questionId', { ...adminOnly, schema: { params: QuestionParams } }, async (request, reply) => {
    const category = await categoryOf(request.ctx, request.params.id);
    const question = await bq.findQuestion(db, request.ctx.org.id, category.id, request.params.questionId);
    if (!question) throw new AppError('not_found');
    return questionPage(request, reply, category, question.id, { ...question, sort: String(question.sort), options: admin.optionsToText(question.options) });
  });
  const saveQuestion = async (request: FastifyRequest, reply: FastifyReply, categoryId: number, id: number | null) => {
    const category = await categoryOf(request.ctx, categoryId);
    if (id && !(await bq.findQuestion(db, request.ctx.org.id, category.id, id))) throw new AppError('not_found');
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
    const checked = await admin.validateQuestion(db, request.ctx.org.id, category.id, id, values);
    if (!checked.ok) return questionPage(request, reply, category, id, values, problemsToErrors(request.ctx, checked.errors));
    if (id) await bq.updateQuestion(db, request.ctx.org.id, category.id, id, checked.value);
    else await bq.insertQuestion(db, request.ctx.org.id, category.id, checked.value);
    await audit(db, request, id ? 'category_questions.update' : 'category_questions.create', `${category.id}/${checked.value.code}`);
    return reply.redirect(`/verwaltung/kategorien/${category.id}?ok=saved#questions-title`, 303);
  };
  routes.post('/verwaltung/kategorien/:id/fragen', { ...adminOnly, schema: { params: IdParams } }, (request, reply) =>
    saveQuestion(request, reply, request.params.id, null),
  );
  routes.post('/verwaltung/kategorien/:id/fragen/:questionId', { ...adminOnly, schema: { params: QuestionParams } }, (request, reply) =>
    saveQuestion(request, reply, request.params.id, request.params.questionId),
  );
  routes.post('/verwaltung/kategorien/:id/fragen/:questionId/loeschen', { ...adminOnly, schema: { params: QuestionParams } }, async (request, reply) => {
    const category = await categoryOf(request.ctx, request.params.id);
    const { questionId } = request.params;
    const result = await bq.deleteQuestion(db, request.ctx.org.id, category.id, questionId);
    if (Number(result.numDeletedRows) === 0) throw new AppError('not_found');
    await audit(db, request, 'category_questions.delete', `${category.id}/${questionId}`);
    return reply.redirect(`/verwaltung/kategorien/${category.id}?ok=deleted#questions-title`, 303);
  });
}
