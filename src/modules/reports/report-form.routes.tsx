import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { RequestContext } from '../../platform/http/context';
import { AppError, type FieldErrors } from '../../platform/http/errors';
import { asForm, field } from '../../platform/http/form';
import { multipartForm } from '../../platform/http/multipart-form';
import { Id, Latitude, Longitude } from '../../platform/http/schemas';
import { translator } from '../../platform/i18n';
import { randomToken } from '../../platform/security/tokens';
import { sendHtml } from '../../platform/views/render';
import { messages } from './messages';
import * as q from './report.queries';
import type { LocationStepExtras, ReportRouteDeps } from './report.routes';
import * as reports from './report.service';
import { answersFrom, draftFrom, hasDraft, PHOTO_UPLOADS, translateProblems, uploadProblemText } from './report-form-input';
import { BACK_ACTION, type FormAlert, Step1Page, type Step1Values, type Step2Draft, Step2Page, type Step2Values, ThanksPage } from './views/report-form';

/** Links into the form may choose the category and the place beforehand (the map, other modules' pages). */
const PresetQuery = Type.Object({ kategorie: Type.Optional(Id), lat: Type.Optional(Latitude), lon: Type.Optional(Longitude) });

const text = (value: number | undefined) => (value === undefined ? '' : String(value));

/** The two steps of the report form: place and category, then description, photos and contact. */
export function reportFormRoutes(app: FastifyInstance, { db, config, storage }: ReportRouteDeps, extras: LocationStepExtras): void {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();
  const deps: reports.ReportDeps = { db, storage, secret: config.secret, publicUrl: config.publicUrl };
  // The place step's problems name an address search only where the installation has one.
  const problemsOf = (ctx: RequestContext, problems: reports.Problems) => translateProblems(ctx, problems, { addressSearch: config.geocoderUrl !== null });

  async function categoryOptions(ctx: RequestContext) {
    const rows = await q.listCategories(db, ctx.org.id);
    return rows.map((c) => ({
      id: c.id,
      name: ctx.locale === 'de' ? c.name_de : c.name_en,
      description: ctx.locale === 'de' ? c.description_de : c.description_en,
    }));
  }

  async function step1(request: FastifyRequest, reply: FastifyReply, values: Step1Values, errors?: FieldErrors, status = 200, draft: Step2Draft | null = null) {
    const { ctx } = request;
    const kept = draft && hasDraft(draft) ? draft : null;
    // Step two's input in hidden fields (an email address, a name): kept by no cache, as step two itself.
    if (kept) reply.header('Cache-Control', 'no-store');
    return sendHtml(
      reply,
      <Step1Page ctx={ctx} categories={await categoryOptions(ctx)} values={values} errors={errors} extra={extras.render?.(ctx, values)} draft={kept} />,
      status,
    );
  }

  async function step2(
    request: FastifyRequest,
    reply: FastifyReply,
    where: reports.CheckedLocation,
    values: Step2Values,
    options: { errors?: FieldErrors; idempotencyKey?: string; photosLost?: boolean; status?: number; alert?: FormAlert } = {},
  ) {
    const { ctx } = request;
    // The form as the person filled it in (email, name): a personal answer, kept by no cache.
    reply.header('Cache-Control', 'no-store');
    const category = (await q.findCategory(db, ctx.org.id, where.categoryId))!;
    const [questions, nearby] = await Promise.all([
      reports.categoryQuestions(db, ctx.org.id, category.id, ctx.locale),
      where.precise ? reports.nearbyOpenReports(db, ctx.org.id, category.id, where.lat, where.lon) : Promise.resolve([]),
    ]);
    return sendHtml(
      reply,
      <Step2Page
        ctx={ctx}
        where={where}
        categoryName={ctx.locale === 'de' ? category.name_de : category.name_en}
        questions={questions}
        nearby={nearby}
        values={values}
        idempotencyKey={options.idempotencyKey ?? randomToken(18)}
        errors={options.errors}
        photosLost={options.photosLost}
        alert={options.alert}
      />,
      options.status ?? 200,
    );
  }

  const emptyDetails: Step2Values = { description: '', name: '', email: '', showName: false, answers: {} };

  routes.get('/melden', { schema: { querystring: PresetQuery } }, async (request, reply) => {
    const { kategorie, lat, lon } = request.query;
    return step1(request, reply, { categoryId: text(kategorie), lat: text(lat), lon: text(lon), address: '' });
  });

  // Form posts: the body is checked by the form code, which shows the form again with its problems and the input kept.
  // Step one's post; after going back it carries step two's input as hidden fields, which step two shows again.
  app.post('/melden/ort', async (request, reply) => {
    const body = asForm(request.body);
    const values: Step1Values = { categoryId: field(body, 'categoryId'), lat: field(body, 'lat'), lon: field(body, 'lon'), address: field(body, 'address') };
    const draft = draftFrom(body);
    const checked = await reports.checkLocation(db, request.ctx.org, values, await q.cityCentre(db, request.ctx.org.id));
    if (!checked.ok) return step1(request, reply, values, problemsOf(request.ctx, checked.errors), 400, draft);
    return step2(request, reply, checked.value, hasDraft(draft) ? draft.values : emptyDetails, { photosLost: draft.photosChosen });
  });

  // "Ort oder Kategorie ändern": step two's fields as a plain form post; step one again, filled in, with step two's
  // input kept in hidden fields (a link to /melden lost everything typed).
  app.post(BACK_ACTION, async (request, reply) => {
    const body = asForm(request.body);
    const values: Step1Values = { categoryId: field(body, 'categoryId'), lat: field(body, 'lat'), lon: field(body, 'lon'), address: field(body, 'address') };
    return step1(request, reply, values, undefined, 200, draftFrom(body));
  });

  app.post('/melden', { config: { uploads: PHOTO_UPLOADS } }, async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const { fields, files, problem } = multipartForm(request);
    const f = (name: string) => field(fields, name);
    const where = await reports.checkLocation(
      db,
      ctx.org,
      { categoryId: f('categoryId'), lat: f('lat'), lon: f('lon'), address: f('address') },
      await q.cityCentre(db, ctx.org.id),
    );
    const values: Step2Values = {
      description: f('description'),
      name: f('name'),
      email: f('email'),
      showName: f('showName') === '1',
      answers: answersFrom(fields),
    };
    // Hidden fields were changed on the way: start over at step one rather than trusting them (the text kept).
    if (!where.ok)
      return step1(request, reply, { categoryId: f('categoryId'), lat: f('lat'), lon: f('lon'), address: f('address') }, problemsOf(ctx, where.errors), 400, {
        values,
        photosChosen: files.length > 0 || problem !== null,
      });
    const key = f('idempotencyKey').slice(0, 64);
    if (problem) {
      // Photos over the form's limits were not kept: the same form, its text kept, says which limit it was.
      const errors = { photos: uploadProblemText(ctx, problem) };
      return step2(request, reply, where.value, values, { errors, idempotencyKey: key || undefined, photosLost: true, status: 413 });
    }
    let result: reports.CreateResult;
    try {
      result = await reports.createReport(
        deps,
        ctx.org,
        where.value,
        { ...values, idempotencyKey: key, photos: files.map((file, i) => ({ filename: `Foto ${i + 1}`, file })) },
        ctx.user,
        ctx.locale,
        { rateLimit: { ip: request.ip } },
      );
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'rate_limited') throw err;
      // The same form again, with its input and key, so sending it later still creates exactly one report.
      const seconds = err.details.retryAfterSeconds ?? 60;
      reply.header('Retry-After', String(seconds));
      const alert = { title: t('limitTitle'), text: t('limitText', { minutes: Math.ceil(seconds / 60) }) };
      return step2(request, reply, where.value, values, { idempotencyKey: key || undefined, photosLost: files.length > 0, status: 429, alert });
    }
    if (!result.ok && result.conflict) {
      // A fresh key: sending this input again is a deliberate new report, not a repeat of the first one.
      const alert = { title: t('alreadySentTitle'), text: t('alreadySentText'), startOver: true };
      return step2(request, reply, where.value, values, { photosLost: files.length > 0, status: 422, alert });
    }
    if (!result.ok) {
      return step2(request, reply, where.value, values, {
        errors: problemsOf(ctx, result.errors),
        idempotencyKey: key || undefined,
        photosLost: files.length > 0,
        status: 400,
      });
    }
    const kind = (await q.findCategory(db, ctx.org.id, where.value.categoryId))?.kind;
    return sendHtml(
      reply,
      <ThanksPage ctx={ctx} reportId={result.reportId} status={result.status} email={result.email} awaitingReview={kind === 'angstraum'} />,
    );
  });
}
