import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import type { StaffRole } from '../../db-schema';
import type { Db } from '../../platform/db/connect';
import type { FileStorage } from '../../platform/files/storage';
import { clientKey } from '../../platform/http/client-ip';
import { AppError, type FieldErrors } from '../../platform/http/errors';
import { asForm, field } from '../../platform/http/form';
import { currentUser, signedInOnly, staffOnly } from '../../platform/http/guards';
import { enforce, type Limit } from '../../platform/http/rate-limit';
import type { Job } from '../../platform/jobs/scheduler';
import { fitView, type MapView } from '../../platform/map/geometry';
import { renderStaticMapSvg } from '../../platform/map/static-map';
import { surveyJob } from '../../platform/surveys/survey.service';
import { sendHtml } from '../../platform/views/render';
import { litterStatistics } from '../litter/litter.service';
import { LitterStatsSection } from '../litter/views/pages';
import * as mq from '../reports/map/map.queries';
import { mapSettings } from '../reports/map/map.routes';
import { ReportMap } from '../reports/map/views/report-map';
import { categoryQuestions } from '../reports/report.service';
import * as q from './angstraeume.queries';
import * as service from './angstraeume.service';
import { changeSinceLastMeasure, isOverdue, LIMITS, lastNews, measureEffects, monthlyAverages } from './angstraum';
import { safetyQuestionnaire } from './questionnaire';
import { safetyQuestionnaireRoutes } from './questionnaire.routes';
import { BackOfficeOverviewPage, BackOfficePlacePage, SettingsPage } from './views/backoffice-pages';
import { CHANGE_PIN, placeName, tr } from './views/parts';
import { AngstraeumeMapPage, PlacePage, type RatingState } from './views/public-pages';
import { StatisticsPage } from './views/stats-page';

export interface AngstraeumeDeps {
  db: Db;
  config: Config;
  storage?: FileStorage;
  /** Tests pin the clock. */
  now?: () => Date;
}

/** Ratings: per person a few a minute is plenty (one per place and 30 days is enforced anyway); per IP more. */
export const RATING_LIMITS: { user: Limit; ip: Limit } = {
  user: { name: 'angstraum-rating:user', max: 20, windowSeconds: 600 },
  ip: { name: 'angstraum-rating:ip', max: 60, windowSeconds: 600 },
};

const REVIEWERS: StaffRole[] = ['admin', 'moderator'];
const FALLBACK_VIEW: MapView = { zoom: 6, lat: 51.16, lon: 10.45 };

/** Periodic work: the "do you feel safer now?" questionnaire N weeks after a measure. */
export function angstraumJobs({ db, config }: { db: Db; config: Pick<Config, 'publicUrl'> }): Job[] {
  return [surveyJob('angstraum-questionnaires', safetyQuestionnaire, { db, publicUrl: config.publicUrl })];
}

function idParam(request: FastifyRequest): number {
  const raw = (request.params as { id?: string }).id ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new AppError('not_found');
  return Number(raw);
}

function percentOrNull(v: number | null): number | null {
  return v === null ? null : Math.round(v * 10000) / 10000;
}

export async function angstraeumeRoutes(app: FastifyInstance, deps: AngstraeumeDeps): Promise<void> {
  const { db, config } = deps;
  const now = deps.now ?? (() => new Date());
  const settings = mapSettings(config);

  // An Angstraum that staff have not reviewed yet must not show its text anywhere public. The reports
  // module's page shows the description, so its visitors land on ours, which shows only category and place.
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'GET' || request.routeOptions.url !== '/meldungen/:id') return;
    const raw = (request.params as { id?: string }).id ?? '';
    if (!/^\d{1,9}$/.test(raw)) return;
    if (await q.isUnreviewedAngstraum(db, request.ctx.org.id, Number(raw))) return reply.redirect(`/angstraeume/${raw}`, 303);
  });

  // -------------------------------------------------------------------------------------------------------
  // Public: map, list, place, rating

  app.get('/angstraeume', async (request, reply) => {
    const { ctx } = request;
    const [{ places, settings: s }, categories] = await Promise.all([service.loadPlaces(db, ctx.org.id, now()), q.angstraumCategories(db, ctx.org.id)]);
    const reportCategory = categories.find((c) => c.active)?.id ?? null;
    return sendHtml(
      reply,
      <AngstraeumeMapPage ctx={ctx} places={places} intervalDays={s.intervalDays} now={now()} settings={settings} reportCategoryId={reportCategory} />,
    );
  });

  function pinStatus(group: service.PlaceSummary['change']['group']): string {
    return { fixed: 'fixed', closed: 'closed', open: 'new', progress: 'in_progress' }[CHANGE_PIN[group]];
  }

  app.get('/angstraeume/karte.svg', async (request, reply) => {
    const { ctx } = request;
    const [{ places }, areas, box] = await Promise.all([service.loadPlaces(db, ctx.org.id, now()), mq.mapAreas(db, ctx.org.id), mq.cityBox(db, ctx.org.id)]);
    const view = box ? fitView(box) : FALLBACK_VIEW;
    const reports = places.filter((p) => p.location_precise).map((p) => ({ id: p.id, lat: p.lat, lon: p.lon, status: pinStatus(p.change.group) }));
    const svg = renderStaticMapSvg({ view, areas, reports, title: tr(ctx.locale)('mapAlt', { city: ctx.org.name, n: places.length }) });
    return reply.type('image/svg+xml; charset=utf-8').header('Cache-Control', 'private, max-age=60').send(svg);
  });

  app.get('/api/angstraeume/karte', async (request, reply) => {
    const { ctx } = request;
    const t = tr(ctx.locale);
    const { places } = await service.loadPlaces(db, ctx.org.id, now());
    const features = places
      .filter((p) => p.location_precise)
      .map((p) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: {
          cluster: false,
          id: p.id,
          group: CHANGE_PIN[p.change.group],
          change: p.change.group,
          status: `${t(`change.${p.change.group}`)}${p.overdue ? ` · ${t('overdueMark')}` : ''}`,
          category: placeName(ctx.locale, p),
          overdue: p.overdue,
          measures: p.measures.length,
          url: `/angstraeume/${p.id}`,
        },
      }));
    return reply
      .type('application/geo+json; charset=utf-8')
      .header('Cache-Control', 'private, no-cache')
      .send(JSON.stringify({ type: 'FeatureCollection', features, clustered: false, truncated: false }));
  });

  async function placePage(request: FastifyRequest, reply: FastifyReply, id: number, options: { rating?: RatingState; notice?: string; status?: number } = {}) {
    const { ctx } = request;
    const place = await q.placeById(db, ctx.org.id, id);
    if (!place || place.hidden || place.status === 'unconfirmed') throw new AppError('not_found');
    const [s, events, measureRows, ratingRows, questions, slot] = await Promise.all([
      q.settingsOf(db, ctx.org.id),
      q.publicEvents(db, ctx.org.id, id),
      q.measuresOf(db, ctx.org.id, [id]),
      q.ratingsOf(db, ctx.org.id, [id]),
      categoryQuestions(db, ctx.org.id, place.category_id, ctx.locale),
      ctx.user ? q.ratingSlot(db, ctx.org.id, id, ctx.user.id) : Promise.resolve(undefined),
    ]);
    const measures = service.toMeasures(measureRows).get(id) ?? [];
    const ratings = service.toRatings(ratingRows).get(id) ?? [];
    const effects = measureEffects(ratings, measures);
    const reviewedAt = place.reviewed_at ? new Date(place.reviewed_at) : null;
    const newsAt = place.last_news_at ? new Date(place.last_news_at) : null;
    const stored = (place.answers ?? {}) as Record<string, string | number | string[]>;
    const answers = questions
      .filter((qu) => stored[qu.code] !== undefined)
      .map((qu) => {
        const v = stored[qu.code]!;
        const label = (key: string) => qu.options.find((o) => o.key === key)?.label ?? key;
        return { label: qu.label, value: Array.isArray(v) ? v.map(label).join(', ') : qu.datatype === 'singlevaluelist' ? label(String(v)) : String(v) };
      });
    let rating: RatingState = options.rating ?? { kind: 'signedOut' };
    if (!options.rating && ctx.user) {
      rating = slot?.blocked
        ? { kind: 'blocked', lastRatedAt: new Date(slot.last_rated_at), nextAt: new Date(slot.next_at) }
        : { kind: 'form', values: { day: '', night: '' } };
    }
    return sendHtml(
      reply,
      <PlacePage
        ctx={ctx}
        place={place}
        answers={answers}
        events={events}
        measures={measures}
        effects={effects}
        series={monthlyAverages(ratings, now())}
        change={changeSinceLastMeasure(effects)}
        lastNewsAt={lastNews({ reviewedAt, lastNewsAt: newsAt })}
        overdue={isOverdue({ status: place.status, reviewedAt, lastNewsAt: newsAt }, now(), s.intervalDays)}
        intervalDays={s.intervalDays}
        now={now()}
        rating={rating}
        notice={options.notice}
        map={<ReportMap ctx={ctx} report={place} settings={settings} />}
      />,
      options.status ?? 200,
    );
  }

  app.get('/angstraeume/:id', async (request, reply) => {
    const ok = (request.query as { ok?: string }).ok;
    return placePage(request, reply, idParam(request), { notice: ok === 'bewertet' ? tr(request.ctx.locale)('rateDone') : undefined });
  });

  app.post('/angstraeume/:id/bewertung', { preHandler: signedInOnly() }, async (request, reply) => {
    const { ctx } = request;
    const user = currentUser(request);
    const id = idParam(request);
    await enforce(db, [
      [RATING_LIMITS.user, String(user.id)],
      [RATING_LIMITS.ip, clientKey(request.ip)],
    ]);
    const body = asForm(request.body);
    const values = { day: field(body, 'day'), night: field(body, 'night') };
    const result = await service.ratePlace(db, ctx.org.id, id, user.id, values);
    if (result.ok) return reply.redirect(`/angstraeume/${id}?ok=bewertet#rate-title`, 303);
    if (result.kind === 'not_found') throw new AppError('not_found');
    if (result.kind === 'already')
      return placePage(request, reply, id, { rating: { kind: 'blocked', lastRatedAt: result.lastRatedAt, nextAt: result.nextAt }, status: 409 });
    const t = tr(ctx.locale);
    const errors: FieldErrors = {};
    if (result.errors.day) errors.day = t('err.rating', { label: t('rateDay') });
    if (result.errors.night) errors.night = t('err.rating', { label: t('rateNight') });
    const keep = (v: string) => (/^[1-5]$/.test(v) ? v : '');
    return placePage(request, reply, id, { rating: { kind: 'form', values: { day: keep(values.day), night: keep(values.night) }, errors }, status: 400 });
  });

  // -------------------------------------------------------------------------------------------------------
  // The questionnaire after a measure

  safetyQuestionnaireRoutes(app, { db });

  // -------------------------------------------------------------------------------------------------------
  // Statistics (page and JSON for the targets dashboard)

  app.get('/statistik/angstraeume-und-muell', async (request, reply) => {
    const { ctx } = request;
    const [stats, litter] = await Promise.all([service.angstraumStatistics(db, ctx.org.id, now()), litterStatistics(db, ctx.org.id, now())]);
    return sendHtml(reply, <StatisticsPage ctx={ctx} stats={stats} litter={<LitterStatsSection ctx={ctx} stats={litter} />} />);
  });

  app.get('/api/statistik/angstraeume.json', async (request, reply) => {
    const s = await service.angstraumStatistics(db, request.ctx.org.id, now());
    const body = {
      city: request.ctx.org.name,
      generated_at: now().toISOString(),
      update_interval_days: s.intervalDays,
      places: { reported: s.reported, reviewed: s.reviewed, with_measures: s.withMeasures, overdue: s.overdue },
      effect: { measured: s.measured, safer: s.safer, same: s.same, less_safe: s.lessSafe, safer_share: percentOrNull(s.saferShare) },
      questionnaire: {
        sent: s.questionnaire.sent,
        answered: s.questionnaire.answered,
        yes: s.questionnaire.yes,
        no: s.questionnaire.no,
        unknown: s.questionnaire.unknown,
        yes_share: percentOrNull(s.questionnaire.yesShare),
      },
      method:
        'Ratings 1–5 (day and night) by signed-in residents, one per person, place and 30 days. For each place the ratings since the previous measure are compared with those after its last measure; a place counts as "safer" when the mean of day and night rose by at least 0.25 with at least 3 ratings on each side.',
    };
    return reply.type('application/json; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(JSON.stringify(body));
  });

  // -------------------------------------------------------------------------------------------------------
  // Back office

  app.get('/verwaltung/angstraeume', { preHandler: staffOnly() }, async (request, reply) => {
    const { ctx } = request;
    const [queue, { places, settings: s }] = await Promise.all([q.reviewQueue(db, ctx.org.id), service.loadPlaces(db, ctx.org.id, now())]);
    return sendHtml(reply, <BackOfficeOverviewPage ctx={ctx} queue={queue} places={places} now={now()} intervalDays={s.intervalDays} />);
  });

  async function settingsPage(request: FastifyRequest, reply: FastifyReply, values?: { interval: string; weeks: string }, errors?: FieldErrors, saved = false) {
    const s = await q.settingsOf(db, request.ctx.org.id);
    const shown = values ?? { interval: String(s.intervalDays), weeks: String(s.questionnaireWeeks) };
    return sendHtml(reply, <SettingsPage ctx={request.ctx} values={shown} errors={errors} saved={saved} />, errors ? 400 : 200);
  }

  app.get('/verwaltung/angstraeume/einstellungen', { preHandler: staffOnly('admin') }, async (request, reply) =>
    settingsPage(request, reply, undefined, undefined, (request.query as { ok?: string }).ok === '1'),
  );

  app.post('/verwaltung/angstraeume/einstellungen', { preHandler: staffOnly('admin') }, async (request, reply) => {
    const body = asForm(request.body);
    const values = { interval: field(body, 'interval'), weeks: field(body, 'weeks') };
    const parsed = service.parseSettings(values);
    if (!parsed.ok) {
      const t = tr(request.ctx.locale);
      const errors: FieldErrors = {};
      if (parsed.errors.interval) errors.interval = t('err.interval');
      if (parsed.errors.weeks) errors.weeks = t('err.weeks');
      return settingsPage(request, reply, values, errors);
    }
    await q.saveSettings(db, request.ctx.org.id, parsed.value, currentUser(request).id);
    return reply.redirect('/verwaltung/angstraeume/einstellungen?ok=1', 303);
  });

  async function staffPlace(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    options: {
      review?: { description: string; errors?: FieldErrors };
      measure?: { type: string; body: string; errors?: FieldErrors };
      notice?: string;
      status?: number;
    } = {},
  ) {
    const { ctx } = request;
    const place = await q.placeById(db, ctx.org.id, id);
    if (!place) throw new AppError('not_found');
    const measures = service.toMeasures(await q.measuresOf(db, request.ctx.org.id, [id])).get(id) ?? [];
    return sendHtml(
      reply,
      <BackOfficePlacePage
        ctx={ctx}
        place={place}
        measures={measures}
        review={options.review ?? { description: place.description }}
        measure={options.measure ?? { type: '', body: '' }}
        notice={options.notice}
      />,
      options.status ?? 200,
    );
  }

  app.get('/verwaltung/angstraeume/:id', { preHandler: staffOnly() }, async (request, reply) => {
    const ok = (request.query as { ok?: string }).ok;
    const t = tr(request.ctx.locale);
    return staffPlace(request, reply, idParam(request), {
      notice: ok === 'geprueft' ? t('bo.publishedNotice') : ok === 'massnahme' ? t('bo.measureDone') : undefined,
    });
  });

  app.post('/verwaltung/angstraeume/:id/pruefen', { preHandler: staffOnly(...REVIEWERS) }, async (request, reply) => {
    const id = idParam(request);
    const description = field(asForm(request.body), 'description');
    const result = await service.reviewPlace(db, request.ctx.org.id, id, currentUser(request).id, description);
    if (result.ok) return reply.redirect(`/verwaltung/angstraeume/${id}?ok=geprueft`, 303);
    if ('notFound' in result) throw new AppError('not_found');
    const t = tr(request.ctx.locale);
    const errors: FieldErrors = {
      description: result.errors.description === 'tooLong' ? t('err.tooLong', { max: LIMITS.descriptionMax }) : t('err.description'),
    };
    return staffPlace(request, reply, id, { review: { description, errors }, status: 400 });
  });

  app.post('/verwaltung/angstraeume/:id/massnahme', { preHandler: staffOnly() }, async (request, reply) => {
    const id = idParam(request);
    const body = asForm(request.body);
    const values = { type: field(body, 'type'), body: field(body, 'body') };
    const result = await service.postMeasure(db, request.ctx.org.id, id, currentUser(request).id, values);
    if (result.ok) return reply.redirect(`/verwaltung/angstraeume/${id}?ok=massnahme`, 303);
    if ('notFound' in result) throw new AppError('not_found');
    if ('needsReview' in result) return staffPlace(request, reply, id, { measure: values, status: 409 });
    const t = tr(request.ctx.locale);
    const errors: FieldErrors = {};
    if (result.errors.type) errors.type = t('err.measureType');
    if (result.errors.body) errors.body = result.errors.body === 'tooLong' ? t('err.tooLong', { max: LIMITS.measureMax }) : t('err.measureText');
    return staffPlace(request, reply, id, { measure: { ...values, errors }, status: 400 });
  });
}
