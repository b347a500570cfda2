import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../platform/db/connect';
import { AppError } from '../../platform/http/errors';
import { sendHtml } from '../../platform/views/render';
import { categoryQuestions, mapSettings, ReportMap } from '../reports';
import * as q from './angstraeume.queries';
import * as service from './angstraeume.service';
import { changeSinceLastMeasure, isOverdue, lastNews, measureEffects, monthlyAverages } from './angstraum';
import { PlacePage, type RatingState } from './views/public-pages';

// What the Angsträume route files share: their dependencies and the public page of one place, which the rating
// form shows again with its errors.

export interface AngstraeumeScope {
  db: Db;
  config: Config;
  now: () => Date;
  settings: ReturnType<typeof mapSettings>;
}

export function angstraeumeScope(db: Db, config: Config, now: () => Date): AngstraeumeScope {
  return { db, config, now, settings: mapSettings(config) };
}

export async function placePage(
  { db, now, settings }: AngstraeumeScope,
  request: FastifyRequest,
  reply: FastifyReply,
  id: number,
  options: { rating?: RatingState; notice?: string; status?: number } = {},
) {
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
