import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { Type } from 'typebox';
import type { Db } from '../db/connect';
import { clientKey } from '../http/client-ip';
import type { RequestContext } from '../http/context';
import type { FieldErrors } from '../http/errors';
import { asForm, field } from '../http/form';
import { enforce, type Limit } from '../http/rate-limit';
import type { Locale } from '../i18n';
import { sendHtml } from '../views/render';
import { isSurveyAnswer, SURVEY_TOKEN_PATTERN, type SurveyKind, type SurveyProblem, type SurveyRow } from './survey';
import { answerSurvey, openSurvey } from './survey.service';
import type { SurveyValues } from './views';

export const SurveyParams = Type.Object({ token: Type.String({ pattern: SURVEY_TOKEN_PATTERN, description: 'The single-use token of the mailed link' }) });
/** `?antwort=yes` preselects an answer (mails may link one per answer). */
export const SurveyQuery = Type.Object({ antwort: Type.Optional(Type.String()) });
export const SurveyBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  answer: Type.Optional(Type.String()),
  comment: Type.Optional(Type.String()),
});

/** The pages of one kind, built from its messages (the platform's survey views give them their shape). */
export interface SurveyPages<A extends string, Subject, Outcome> {
  /** `subject`: what the survey asks about (the kind's `subject`). */
  question(ctx: RequestContext, props: { action: string; subject: Subject; values: SurveyValues; errors: FieldErrors }): VNode;
  thanks(ctx: RequestContext, props: { answer: A; outcome: Outcome }): VNode;
  gone(ctx: RequestContext): VNode;
  /** The message next to a field the answer got wrong. */
  problem(locale: Locale, problem: SurveyProblem): string;
}

export interface SurveyRouteOptions<A extends string, Outcome, Subject, Row extends SurveyRow> {
  db: Db;
  kind: SurveyKind<A, Outcome, Subject, Row>;
  limit: Limit;
  pages: SurveyPages<A, Subject, Outcome>;
}

/**
 * GET and POST `${kind.path}/:token`: the question page and its answer. Both count against the kind's rate limit
 * first, so tokens cannot be tried faster than a person answers mails. The schemas are attached rather than
 * enforced: a token of the wrong shape is just an unknown link (410, like every unusable link), and a body with
 * fields of the wrong type is read as a form with those fields missing (the form shows what is wrong).
 */
export function surveyRoutes<A extends string, Outcome, Subject, Row extends SurveyRow>(
  app: FastifyInstance,
  options: SurveyRouteOptions<A, Outcome, Subject, Row>,
): void {
  const { db, kind, limit, pages } = options;
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const route = `${kind.path}/:token`;

  /** The token if it has the right shape (the params schema checked it); any other text is just an unknown link. */
  function tokenOf(request: Pick<FastifyRequest, 'validationError'> & { params: { token: string } }): string | null {
    return request.validationError?.validationContext === 'params' ? null : request.params.token;
  }

  async function questionPage(request: FastifyRequest, reply: FastifyReply, row: Row, token: string, values: SurveyValues, errors: FieldErrors = {}) {
    const subject = await kind.subject(db, row);
    const page = pages.question(request.ctx, { action: `${kind.path}/${token}`, subject, values, errors });
    return sendHtml(reply, page, Object.keys(errors).length > 0 ? 400 : 200);
  }

  typed.get(route, { schema: { params: SurveyParams, querystring: SurveyQuery }, attachValidation: true }, async (request, reply) => {
    const { ctx } = request;
    await enforce(db, [[limit, clientKey(request.ip)]]);
    const token = tokenOf(request);
    const open = token ? await openSurvey(db, kind, ctx.org.id, token) : undefined;
    if (!token || !open) return sendHtml(reply, pages.gone(ctx), 410);
    const preset = request.query.antwort;
    return questionPage(request, reply, open, token, { answer: isSurveyAnswer(kind, preset) ? preset : '', comment: '' });
  });

  typed.post(route, { schema: { params: SurveyParams, body: SurveyBody }, attachValidation: true }, async (request, reply) => {
    const { ctx } = request;
    await enforce(db, [[limit, clientKey(request.ip)]]);
    const token = tokenOf(request);
    // asForm: a body that failed its schema (say, a JSON object where text belongs) still reads as a form.
    const body = asForm(request.body);
    const values = { answer: field(body, 'answer'), comment: field(body, 'comment') };
    const result = token ? await answerSurvey(db, kind, ctx.org.id, token, values) : ({ ok: false, gone: true } as const);
    if (result.ok) return sendHtml(reply, pages.thanks(ctx, { answer: result.answer, outcome: result.outcome }));
    if (result.gone || !token) return sendHtml(reply, pages.gone(ctx), 410);
    const errors: FieldErrors = Object.fromEntries(Object.entries(result.errors).map(([name, problem]) => [name, pages.problem(ctx.locale, problem)]));
    const open = await openSurvey(db, kind, ctx.org.id, token);
    if (!open) return sendHtml(reply, pages.gone(ctx), 410);
    return questionPage(request, reply, open, token, { answer: isSurveyAnswer(kind, values.answer) ? values.answer : '', comment: values.comment }, errors);
  });
}
