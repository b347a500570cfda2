import type { Db } from '../../platform/db/connect';
import { publicContentChanged } from '../../platform/http/response-cache';
import * as q from './angstraeume.queries';
import {
  changeSinceLastMeasure,
  isMeasureType,
  isOverdue,
  LIMITS,
  lastNews,
  type Measure,
  type MeasureEffect,
  type MeasureType,
  measureEffects,
  parseRating,
  type Rating,
} from './angstraum';

// Use cases of the Angsträume feature: (db, input) -> result. No HTTP here.

export interface MeasureView extends Measure {
  body: string;
}

export interface PlaceSummary extends q.PlaceRow {
  lastNewsAt: Date | null;
  overdue: boolean;
  measures: MeasureView[];
  ratings: Rating[];
  effects: MeasureEffect[];
  change: ReturnType<typeof changeSinceLastMeasure>;
}

function measureType(data: unknown): MeasureType {
  const type = (data as { type?: unknown } | null)?.type;
  return isMeasureType(type) ? type : 'other';
}

export function toMeasures(rows: Array<{ id: number; report_id: number; body: string; data: unknown; created_at: Date }>): Map<number, MeasureView[]> {
  const out = new Map<number, MeasureView[]>();
  for (const r of rows) {
    const list = out.get(r.report_id) ?? [];
    list.push({ id: r.id, at: new Date(r.created_at), type: measureType(r.data), body: r.body });
    out.set(r.report_id, list);
  }
  return out;
}

export function toRatings(rows: Array<{ report_id: number; day: number; night: number; created_at: Date }>): Map<number, Rating[]> {
  const out = new Map<number, Rating[]>();
  for (const r of rows) {
    const list = out.get(r.report_id) ?? [];
    list.push({ at: new Date(r.created_at), day: Number(r.day), night: Number(r.night) });
    out.set(r.report_id, list);
  }
  return out;
}

/** Every public place with its measures, ratings, effect and overdue state: four queries whatever the count. */
export async function loadPlaces(db: Db, organizationId: number, now: Date) {
  const [settings, rows] = await Promise.all([q.settingsOf(db, organizationId), q.publicPlaces(db, organizationId)]);
  const ids = rows.map((r) => r.id);
  const [ratingRows, measureRows] = await Promise.all([q.ratingsOf(db, organizationId, ids), q.measuresOf(db, organizationId, ids)]);
  const ratings = toRatings(ratingRows);
  const measures = toMeasures(measureRows);
  const places: PlaceSummary[] = rows.map((r) => {
    const m = measures.get(r.id) ?? [];
    const rt = ratings.get(r.id) ?? [];
    const effects = measureEffects(rt, m);
    const reviewedAt = r.reviewed_at ? new Date(r.reviewed_at) : null;
    const newsAt = r.last_news_at ? new Date(r.last_news_at) : null;
    return {
      ...r,
      lastNewsAt: lastNews({ reviewedAt, lastNewsAt: newsAt }),
      overdue: isOverdue({ status: r.status, reviewedAt, lastNewsAt: newsAt }, now, settings.intervalDays),
      measures: m,
      ratings: rt,
      effects,
      change: changeSinceLastMeasure(effects),
    };
  });
  return { places, settings };
}

export interface AngstraumStatistics {
  reported: number;
  reviewed: number;
  withMeasures: number;
  overdue: number;
  intervalDays: number;
  /** Places with enough ratings before and after their last measure to tell. */
  measured: number;
  safer: number;
  same: number;
  lessSafe: number;
  /** safer / measured, or null when nothing can be told yet. */
  saferShare: number | null;
  questionnaire: { sent: number; answered: number; yes: number; no: number; unknown: number; yesShare: number | null };
}

export async function angstraumStatistics(db: Db, organizationId: number, now: Date): Promise<AngstraumStatistics> {
  const [{ places, settings }, counts, qs] = await Promise.all([
    loadPlaces(db, organizationId, now),
    q.reviewCounts(db, organizationId),
    q.questionnaireCounts(db, organizationId),
  ]);
  const groups = places.map((p) => p.change.group);
  const safer = groups.filter((g) => g === 'safer').length;
  const same = groups.filter((g) => g === 'same').length;
  const lessSafe = groups.filter((g) => g === 'less_safe').length;
  const measured = safer + same + lessSafe;
  const decided = qs.yes + qs.no;
  return {
    reported: counts.reported,
    reviewed: counts.reviewed,
    withMeasures: places.filter((p) => p.measures.length > 0).length,
    overdue: places.filter((p) => p.overdue).length,
    intervalDays: settings.intervalDays,
    measured,
    safer,
    same,
    lessSafe,
    saferShare: measured > 0 ? safer / measured : null,
    questionnaire: { ...qs, yesShare: decided > 0 ? qs.yes / decided : null },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Ratings

export type RateResult =
  | { ok: true }
  | { ok: false; kind: 'invalid'; errors: Partial<Record<'day' | 'night', true>> }
  | { ok: false; kind: 'already'; lastRatedAt: Date; nextAt: Date }
  | { ok: false; kind: 'not_found' };

/** Is the place public (reviewed, confirmed, not hidden)? Only those can be rated. */
export async function publicPlace(db: Db, organizationId: number, id: number) {
  const place = await q.placeById(db, organizationId, id);
  if (!place || place.hidden || place.status === 'unconfirmed' || !place.reviewed_at) return null;
  return place;
}

/**
 * One rating per person, place and 30 days: the slot row decides inside the transaction (see claimRatingSlot),
 * so however many submissions arrive at once, one is stored and the others are told when they may rate again.
 */
export async function ratePlace(db: Db, organizationId: number, reportId: number, userId: number, raw: { day: string; night: string }): Promise<RateResult> {
  const day = parseRating(raw.day);
  const night = parseRating(raw.night);
  if (day === null || night === null) {
    const errors: Partial<Record<'day' | 'night', true>> = {};
    if (day === null) errors.day = true;
    if (night === null) errors.night = true;
    return { ok: false, kind: 'invalid', errors };
  }
  if (!(await publicPlace(db, organizationId, reportId))) return { ok: false, kind: 'not_found' };
  const stored = await db.transaction().execute(async (trx) => {
    if (!(await q.claimRatingSlot(trx, organizationId, reportId, userId))) return false;
    await q.insertRating(trx, { organizationId, reportId, userId, day, night });
    return true;
  });
  if (stored) return { ok: true };
  const slot = await q.ratingSlot(db, organizationId, reportId, userId);
  return { ok: false, kind: 'already', lastRatedAt: new Date(slot!.last_rated_at), nextAt: new Date(slot!.next_at) };
}

// ---------------------------------------------------------------------------------------------------------
// Staff: review, measures, settings

export type StaffProblem = 'required' | 'tooLong' | 'choice' | 'range';

export async function reviewPlace(
  db: Db,
  organizationId: number,
  id: number,
  userId: number,
  raw: { description: string; address: string },
): Promise<{ ok: true } | { ok: false; errors: Record<string, StaffProblem> } | { ok: false; notFound: true }> {
  const description = raw.description.trim();
  // The place text is published too: staff may shorten it to what is needed, or empty it (the district remains).
  const address = raw.address.trim();
  const errors: Record<string, StaffProblem> = {};
  if (!description) errors.description = 'required';
  else if ([...description].length > LIMITS.descriptionMax) errors.description = 'tooLong';
  if ([...address].length > LIMITS.addressMax) errors.address = 'tooLong';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const result = await db.transaction().execute(async (trx) => {
    const place = await q.placeById(trx, organizationId, id);
    if (!place) return { ok: false, notFound: true } as const;
    const edited = place.description !== description || place.address !== address;
    const done = await q.markReviewed(trx, organizationId, id, userId, { description, address });
    if (done) await q.insertReviewEvent(trx, { organizationId, reportId: id, userId, edited });
    return { ok: true } as const;
  });
  // Published (with its moderated text): the city's shared lists and maps show it now, not after their cache time.
  if (result.ok) publicContentChanged(organizationId);
  return result;
}

export async function postMeasure(
  db: Db,
  organizationId: number,
  reportId: number,
  userId: number,
  raw: { type: string; body: string },
): Promise<
  { ok: true; eventId: number } | { ok: false; errors: Record<string, StaffProblem> } | { ok: false; notFound: true } | { ok: false; needsReview: true }
> {
  const body = raw.body.trim();
  const errors: Record<string, StaffProblem> = {};
  if (!isMeasureType(raw.type)) errors.type = 'choice';
  if (!body) errors.body = 'required';
  else if ([...body].length > LIMITS.measureMax) errors.body = 'tooLong';
  const place = await q.placeById(db, organizationId, reportId);
  if (!place) return { ok: false, notFound: true };
  if (!place.reviewed_at) return { ok: false, needsReview: true };
  if (Object.keys(errors).length > 0 || !isMeasureType(raw.type)) return { ok: false, errors };
  const type = raw.type;
  return db.transaction().execute(async (trx) => {
    const event = await q.insertMeasure(trx, { organizationId, reportId, userId, type, body });
    await q.touchReport(trx, organizationId, reportId);
    return { ok: true, eventId: event.id } as const;
  });
}

export function parseSettings(raw: {
  interval: string;
  weeks: string;
}): { ok: true; value: { intervalDays: number; questionnaireWeeks: number } } | { ok: false; errors: Record<string, StaffProblem> } {
  const errors: Record<string, StaffProblem> = {};
  const whole = (s: string, min: number, max: number) => (/^\d{1,3}$/.test(s.trim()) && Number(s) >= min && Number(s) <= max ? Number(s) : null);
  const interval = whole(raw.interval, 1, 365);
  const weeks = whole(raw.weeks, 1, 52);
  if (interval === null) errors.interval = 'range';
  if (weeks === null) errors.weeks = 'range';
  if (interval === null || weeks === null) return { ok: false, errors };
  return { ok: true, value: { intervalDays: interval, questionnaireWeeks: weeks } };
}
