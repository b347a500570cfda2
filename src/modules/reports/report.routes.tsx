import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../platform/db/connect';
import { PHOTO_SIZES, type PhotoSize } from '../../platform/files/photos';
import type { FileStorage } from '../../platform/files/storage';
import type { RequestContext } from '../../platform/http/context';
import { AppError, type FieldErrors } from '../../platform/http/errors';
import { asForm, field } from '../../platform/http/form';
import { currentUser, signedInOnly } from '../../platform/http/guards';
import { sharedPages } from '../../platform/http/page-cache';
import { startSession } from '../../platform/http/session-cookie';
import { translator } from '../../platform/i18n';
import { hashToken, randomToken } from '../../platform/security/tokens';
import { sendHtml } from '../../platform/views/render';
import { LinkInvalidPage } from '../accounts/views/resident-pages';
import { messages } from './messages';
import * as q from './report.queries';
import * as reports from './report.service';
import { ConfirmReportPage, type FormAlert, Step1Page, type Step1Values, Step2Page, type Step2Values, ThanksPage } from './views/report-form';
import { ReportPage } from './views/report-page';

export interface ReportRouteDeps {
  db: Db;
  config: Config;
  storage: FileStorage;
}

/** Extension points for the location step (map, address search), filled in by the map feature. */
export interface LocationStepExtras {
  render?: (ctx: RequestContext, values: Step1Values) => preact.ComponentChildren;
  reportMap?: (ctx: RequestContext, report: { id: number; lat: number; lon: number; location_precise: boolean }) => preact.ComponentChildren;
}

function idParam(request: FastifyRequest): number {
  const raw = (request.params as { id?: string }).id ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new AppError('not_found');
  return Number(raw);
}

export function translateProblems(ctx: RequestContext, problems: reports.Problems): FieldErrors {
  const t = translator(messages, ctx.locale);
  return Object.fromEntries(Object.entries(problems).map(([f, p]) => [f, t(p.key, p.params)]));
}

/** Multipart bodies arrive as key/value pairs: strings for fields, Buffers for files (the report forms' photos). */
export function multipartForm(body: unknown): { fields: Record<string, string | string[]>; files: Buffer[] } {
  const fields: Record<string, string | string[]> = {};
  const files: Buffer[] = [];
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const items = Array.isArray(value) ? value : [value];
    const strings = items.filter((v): v is string => typeof v === 'string');
    for (const v of items) if (Buffer.isBuffer(v) && key === 'photos' && v.length > 0) files.push(v);
    if (strings.length > 0) fields[key] = strings.length === 1 ? strings[0]! : strings;
  }
  return { fields, files };
}

function answersFrom(fields: Record<string, string | string[] | undefined>): Record<string, string | string[] | undefined> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([k]) => k.startsWith('answer.'))
      .map(([k, v]) => [k.slice(7), v]),
  );
}

export async function reportRoutes(app: FastifyInstance, { db, config, storage }: ReportRouteDeps, extras: LocationStepExtras = {}): Promise<void> {
  const deps: reports.ReportDeps = { db, storage, secret: config.secret, publicUrl: config.publicUrl };
  const shared = sharedPages(config.publicCacheSeconds);

  async function categoryOptions(ctx: RequestContext) {
    const rows = await q.listCategories(db, ctx.org.id);
    return rows.map((c) => ({
      id: c.id,
      name: ctx.locale === 'de' ? c.name_de : c.name_en,
      description: ctx.locale === 'de' ? c.description_de : c.description_en,
    }));
  }

  async function step1(request: FastifyRequest, reply: FastifyReply, values: Step1Values, errors?: FieldErrors, status = 200) {
    const { ctx } = request;
    return sendHtml(
      reply,
      <Step1Page ctx={ctx} categories={await categoryOptions(ctx)} values={values} errors={errors} extra={extras.render?.(ctx, values)} />,
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
    const category = (await q.findCategory(db, ctx.org.id, where.categoryId))!;
    const [questions, nearby] = await Promise.all([
      reports.categoryQuestions(db, category.id, ctx.locale),
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

  app.get('/melden', async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    return step1(request, reply, { categoryId: query.kategorie ?? '', lat: query.lat ?? '', lon: query.lon ?? '', address: '' });
  });

  app.post('/melden/ort', async (request, reply) => {
    const body = asForm(request.body);
    const values: Step1Values = { categoryId: field(body, 'categoryId'), lat: field(body, 'lat'), lon: field(body, 'lon'), address: field(body, 'address') };
    const checked = await reports.checkLocation(db, request.ctx.org, values, await q.cityCentre(db, request.ctx.org.id));
    if (!checked.ok) return step1(request, reply, values, translateProblems(request.ctx, checked.errors), 400);
    return step2(request, reply, checked.value, emptyDetails);
  });

  app.post('/melden', async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const { fields, files } = multipartForm(request.body);
    const f = (name: string) => field(fields, name);
    const where = await reports.checkLocation(
      db,
      ctx.org,
      { categoryId: f('categoryId'), lat: f('lat'), lon: f('lon'), address: f('address') },
      await q.cityCentre(db, ctx.org.id),
    );
    // Hidden fields were changed on the way: start over at step one rather than trusting them.
    if (!where.ok)
      return step1(
        request,
        reply,
        { categoryId: f('categoryId'), lat: f('lat'), lon: f('lon'), address: f('address') },
        translateProblems(ctx, where.errors),
        400,
      );
    const values: Step2Values = {
      description: f('description'),
      name: f('name'),
      email: f('email'),
      showName: f('showName') === '1',
      answers: answersFrom(fields),
    };
    const key = f('idempotencyKey').slice(0, 64);
    let result: reports.CreateResult;
    try {
      result = await reports.createReport(
        deps,
        ctx.org,
        where.value,
        { ...values, idempotencyKey: key, photos: files.map((data, i) => ({ filename: `Foto ${i + 1}`, data })) },
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
        errors: translateProblems(ctx, result.errors),
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

  app.get('/meldungen/bestaetigen/:token', async (request, reply) => {
    const token = (request.params as { token: string }).token;
    const valid = /^[A-Za-z0-9_-]{20,100}$/.test(token) && (await q.peekReportToken(db, request.ctx.org.id, hashToken(token)));
    if (!valid) return sendHtml(reply, <LinkInvalidPage ctx={request.ctx} retry="/melden" />, 410);
    return sendHtml(reply, <ConfirmReportPage ctx={request.ctx} token={token} />);
  });

  app.post('/meldungen/bestaetigen/:token', async (request, reply) => {
    const token = (request.params as { token: string }).token;
    const result = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await reports.confirmByToken(deps, request.ctx.org, token) : null;
    if (!result) return sendHtml(reply, <LinkInvalidPage ctx={request.ctx} retry="/melden" />, 410);
    await startSession(db, config, request, reply, result.userId, 'resident');
    return reply.redirect(`/meldungen/${result.reportId}?ok=confirmed`, 303);
  });

  app.get('/meldungen/:id', async (request, reply) => {
    const id = idParam(request);
    return shared.send(request, reply, (ctx) => reportPage(ctx, id, (request.query as { ok?: string }).ok));
  });

  async function reportPage(ctx: RequestContext, id: number, ok: string | undefined) {
    const t = translator(messages, ctx.locale);
    const report = await q.publicReport(db, ctx.org.id, id);
    if (!report || report.hidden || report.status === 'unconfirmed') throw new AppError('not_found');
    const [photos, events, questions, supporting, following] = await Promise.all([
      q.approvedPhotos(db, id),
      q.publicTimeline(db, id),
      reports.categoryQuestions(db, report.category_id, ctx.locale),
      ctx.user ? q.isSupporter(db, id, `u:${ctx.user.id}`) : Promise.resolve(undefined),
      ctx.user ? q.isFollower(db, id, ctx.user.email) : Promise.resolve(undefined),
    ]);
    const stored = (report.answers ?? {}) as Record<string, string | number | string[]>;
    const answers = questions
      .filter((qu) => stored[qu.code] !== undefined)
      .map((qu) => {
        const v = stored[qu.code]!;
        const label = (key: string) => qu.options.find((o) => o.key === key)?.label ?? key;
        return { label: qu.label, value: Array.isArray(v) ? v.map(label).join(', ') : qu.datatype === 'singlevaluelist' ? label(String(v)) : String(v) };
      });
    const notice =
      ok === 'confirmed'
        ? t('confirmedText', { id })
        : ok === 'supported'
          ? t('meTooDone')
          : ok === 'unfollowed'
            ? t('unfollowed')
            : ok === 'following'
              ? t('following')
              : undefined;
    return (
      <ReportPage
        ctx={ctx}
        report={report}
        photos={photos}
        answers={answers}
        events={events}
        supporting={Boolean(supporting)}
        following={Boolean(following)}
        notice={notice}
        map={extras.reportMap?.(ctx, report)}
      />
    );
  }

  app.post('/meldungen/:id/unterstuetzen', { preHandler: signedInOnly() }, async (request, reply) => {
    const id = idParam(request);
    const result = await reports.supportReport(db, request.ctx.org, id, currentUser(request));
    if (result === 'not_found') throw new AppError('not_found');
    return reply.redirect(`/meldungen/${id}?ok=supported`, 303);
  });

  app.post('/meldungen/:id/folgen', { preHandler: signedInOnly() }, async (request, reply) => {
    const id = idParam(request);
    if (!(await reports.followReport(db, request.ctx.org, id, currentUser(request)))) throw new AppError('not_found');
    return reply.redirect(`/meldungen/${id}?ok=following`, 303);
  });

  app.post('/meldungen/:id/nicht-mehr-folgen', { preHandler: signedInOnly() }, async (request, reply) => {
    const id = idParam(request);
    await reports.unfollowReport(db, id, currentUser(request));
    return reply.redirect(`/meldungen/${id}?ok=unfollowed`, 303);
  });

  // Only approved photos of public reports have a public address; everything else is back-office only.
  app.get('/fotos/:id/:file', async (request, reply) => {
    const { file } = request.params as { file: string };
    const size = file.replace(/\.jpg$/, '') as PhotoSize;
    if (!Object.hasOwn(PHOTO_SIZES, size) || !file.endsWith('.jpg')) throw new AppError('not_found');
    const photo = await q.photoForServing(db, request.ctx.org.id, idParam(request));
    if (photo?.status !== 'approved' || photo.hidden || photo.report_status === 'unconfirmed') throw new AppError('not_found');
    const data = await storage.get(reports.photoKey(photo.storage_key, size));
    if (!data) throw new AppError('not_found');
    return reply.type('image/jpeg').header('Cache-Control', 'public, max-age=86400').send(data);
  });
}
