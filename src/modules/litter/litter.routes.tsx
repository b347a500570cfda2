import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../platform/db/connect';
import type { FileStorage } from '../../platform/files/storage';
import { AppError, type FieldErrors } from '../../platform/http/errors';
import { asForm, field } from '../../platform/http/form';
import { multipartForm, type UploadLimits } from '../../platform/http/multipart-form';
import { translator } from '../../platform/i18n';
import { randomToken } from '../../platform/security/tokens';
import { sendHtml } from '../../platform/views/render';
import {
  type CreateResult,
  checkLocation,
  cityCentre,
  createReport,
  LIMITS,
  type ReportDeps,
  reportMessages,
  translateProblems,
  uploadProblemText,
} from '../reports';
import { formatChange, NOTE_MAX, TARGET_ANNUAL_CHANGE } from './litter';
import * as q from './litter.queries';
import { LitterStatistics } from './litter.schemas';
import { litterStatistics } from './litter.service';
import { messages } from './messages';
import { type QuickDetails, QuickStep1Page, QuickStep2Page, QuickThanksPage, type WhereValues } from './views/pages';

export interface LitterDeps {
  db: Db;
  config: Config;
  storage: FileStorage;
  /** Tests pin the clock. */
  now?: () => Date;
}

/** The Dreckpetze's one photo, streamed to a temporary file (the form sends its CSRF token first). */
const PHOTO_UPLOAD: UploadLimits = { field: 'photos', maxFiles: 1, maxFileBytes: LIMITS.photoBytesMax, maxTotalBytes: LIMITS.photoBytesMax };

/** The Dreckpetze (a two-step litter form for one hand on a phone), the web app manifest and the litter figures. */
export async function litterRoutes(app: FastifyInstance, deps: LitterDeps): Promise<void> {
  const { db, config } = deps;
  const now = deps.now ?? (() => new Date());
  const reportDeps: ReportDeps = { db, storage: deps.storage, secret: config.secret, publicUrl: config.publicUrl };

  async function category(request: FastifyRequest) {
    const c = await q.litterCategory(db, request.ctx.org.id);
    if (!c) throw new AppError('not_found');
    return c;
  }

  function step1(request: FastifyRequest, reply: FastifyReply, categoryId: number, values: WhereValues, errors?: FieldErrors, status = 200) {
    return sendHtml(reply, <QuickStep1Page ctx={request.ctx} values={values} errors={errors} categoryId={categoryId} />, status);
  }

  app.get('/dreckpetze', async (request, reply) => {
    const c = await category(request);
    return step1(request, reply, c.id, { lat: '', lon: '', address: '' });
  });

  app.post('/dreckpetze/ort', async (request, reply) => {
    const { ctx } = request;
    const c = await category(request);
    const body = asForm(request.body);
    const values: WhereValues = { lat: field(body, 'lat'), lon: field(body, 'lon'), address: field(body, 'address') };
    const checked = await checkLocation(db, ctx.org, { categoryId: String(c.id), ...values }, await cityCentre(db, ctx.org.id));
    if (!checked.ok) return step1(request, reply, c.id, values, translateProblems(ctx, checked.errors, { addressSearch: config.geocoderUrl !== null }), 400);
    return sendHtml(reply, <QuickStep2Page ctx={ctx} where={checked.value} values={{ note: '', email: '' }} idempotencyKey={randomToken(18)} />);
  });

  app.post('/dreckpetze', { config: { uploads: PHOTO_UPLOAD } }, async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const c = await category(request);
    const { fields, files, problem } = multipartForm(request);
    const f = (name: string) => field(fields, name);
    const where: WhereValues = { lat: f('lat'), lon: f('lon'), address: f('address') };
    const checked = await checkLocation(db, ctx.org, { categoryId: String(c.id), ...where }, await cityCentre(db, ctx.org.id));
    if (!checked.ok) return step1(request, reply, c.id, where, translateProblems(ctx, checked.errors, { addressSearch: config.geocoderUrl !== null }), 400);
    const values: QuickDetails = { note: f('note'), email: f('email') };
    const key = f('idempotencyKey').slice(0, 64);
    if (problem) {
      // The photo was not kept: the same form, note and address kept, says which limit it passed.
      const errors = { photos: problem.kind === 'count' ? t('onePhoto') : uploadProblemText(ctx, problem) };
      return sendHtml(
        reply,
        <QuickStep2Page ctx={ctx} where={checked.value} values={values} idempotencyKey={key || randomToken(18)} errors={errors} photosLost />,
        413,
      );
    }
    const noteErrors: FieldErrors =
      [...values.note].length > NOTE_MAX ? translateProblems(ctx, { note: { key: 'err.tooLong', params: { max: NOTE_MAX } } }) : {};
    let result: CreateResult;
    try {
      result =
        Object.keys(noteErrors).length > 0
          ? { ok: false, errors: {} }
          : await createReport(
              reportDeps,
              ctx.org,
              checked.value,
              {
                description: values.note || t('defaultDescription'),
                answers: {},
                name: '',
                email: values.email,
                showName: false,
                idempotencyKey: key,
                photos: files.map((file) => ({ filename: 'Foto', file })),
              },
              ctx.user,
              ctx.locale,
              { rateLimit: { ip: request.ip } },
            );
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'rate_limited') throw err;
      // The same form again, input and key kept, so sending it later still makes exactly one report.
      const seconds = err.details.retryAfterSeconds ?? 60;
      reply.header('Retry-After', String(seconds));
      const alert = translator(reportMessages, ctx.locale)('limitText', { minutes: Math.ceil(seconds / 60) });
      return sendHtml(
        reply,
        <QuickStep2Page ctx={ctx} where={checked.value} values={values} idempotencyKey={key || randomToken(18)} photosLost={files.length > 0} alert={alert} />,
        429,
      );
    }
    if (!result.ok && result.conflict) {
      // A fresh key: sending this again is a deliberate new report, not a repeat of the first one.
      const alert = translator(reportMessages, ctx.locale)('alreadySentText');
      return sendHtml(
        reply,
        <QuickStep2Page ctx={ctx} where={checked.value} values={values} idempotencyKey={randomToken(18)} photosLost={files.length > 0} alert={alert} />,
        422,
      );
    }
    if (!result.ok) {
      const errors = { ...noteErrors, ...translateProblems(ctx, result.errors) };
      return sendHtml(
        reply,
        <QuickStep2Page
          ctx={ctx}
          where={checked.value}
          values={values}
          idempotencyKey={key || randomToken(18)}
          errors={errors}
          photosLost={files.length > 0}
        />,
        400,
      );
    }
    return sendHtml(reply, <QuickThanksPage ctx={ctx} reportId={result.reportId} status={result.status} email={result.email} />);
  });

  // The site on the home screen: name, colours and icons (our own files).
  app.get('/manifest.webmanifest', async (request, reply) => {
    const t = translator(messages, request.ctx.locale);
    const manifest = {
      name: t('appName', { city: request.ctx.org.name }),
      short_name: t('appShort'),
      description: t('appDescription'),
      lang: request.ctx.locale,
      dir: 'ltr',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#004f9f',
      icons: [
        { src: '/static/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any maskable' },
        { src: '/static/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
        { src: '/static/icons/app-icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
      shortcuts: [
        { name: t('title'), short_name: 'Dreckpetze', url: '/dreckpetze', icons: [{ src: '/static/icons/icon-192.png', sizes: '192x192' }] },
        {
          name: request.ctx.locale === 'de' ? 'Angsträume-Karte' : 'Map of unsafe places',
          url: '/angstraeume',
          icons: [{ src: '/static/icons/icon-192.png', sizes: '192x192' }],
        },
      ],
    };
    return reply
      .type('application/manifest+json; charset=utf-8')
      .header('Cache-Control', 'public, max-age=3600')
      .header('Vary', 'Accept-Language, Cookie')
      .send(JSON.stringify(manifest));
  });

  // The figures behind the −5 % target, for the targets dashboard and anyone else.
  const statistics = {
    summary: 'Litter reports per month and district',
    description: 'The figures behind the −5 % target: monthly counts of published litter reports, per district and in total, with the trend.',
    tags: ['Statistics'],
    response: { 200: { description: 'OK', ...LitterStatistics } },
  };
  app.get('/api/statistik/muell.json', { schema: statistics }, async (request, reply) => {
    const stats = await litterStatistics(db, request.ctx.org.id, now());
    const series = (s: (typeof stats.districts)[number]) => ({
      monthly: Object.fromEntries(stats.months.map((m, i) => [m, s.counts[i]!])),
      current_month_so_far: s.current,
      total: s.counts.reduce((a, b) => a + b, 0),
      trend_annual_change: s.trend.annualChange === null ? null : Math.round(s.trend.annualChange * 10000) / 10000,
      on_target: s.trend.onTarget,
    });
    const body = {
      city: request.ctx.org.name,
      generated_at: now().toISOString(),
      target_annual_change: TARGET_ANNUAL_CHANGE,
      target_text: formatChange(TARGET_ANNUAL_CHANGE, 'en'),
      method:
        'Published litter reports (category kind "litter", without duplicates and rejected ones) per Europe/Berlin month. Trend: least-squares line through the last 12 complete months; annual change = 12 × slope / mean.',
      months: stats.months,
      current_month: stats.currentMonth,
      total: series(stats.total),
      districts: stats.districts.map((d) => ({ id: d.districtId, name: d.name, ...series(d) })),
    };
    return reply.type('application/json; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(JSON.stringify(body));
  });
}
