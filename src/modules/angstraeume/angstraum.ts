import type { ReportStatus } from '../../db-schema';
import { intlLocale, type Locale } from '../../platform/i18n';
import { numberFormat } from '../../platform/i18n/formatters';
import { berlinMonth, monthRange } from '../../platform/i18n/months';

// Pure rules of the Angsträume feature: measures, ratings, averages before and after a measure, the overdue
// rule, the monthly series. No I/O here.

export const MEASURE_TYPES = ['lighting', 'greenery', 'building', 'presence', 'other'] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];

export function isMeasureType(value: unknown): value is MeasureType {
  return typeof value === 'string' && (MEASURE_TYPES as readonly string[]).includes(value);
}

export const LIMITS = { measureMax: 2000, descriptionMax: 5000, commentMax: 2000, addressMax: 300 } as const;

export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** A person rates a place at most once in this many days. */
export const RATING_PERIOD_DAYS = 30;
export const DEFAULT_INTERVAL_DAYS = 30;
export const DEFAULT_QUESTIONNAIRE_WEEKS = 8;
/** Too few ratings on one side of a measure say nothing about it. */
export const MIN_RATINGS = 3;
/** A change of the average smaller than this (on the 1–5 scale) counts as "about the same". */
export const CHANGE_THRESHOLD = 0.25;

const DAY_MS = 86_400_000;

/** A whole number 1–5, or null: "3", " 3 " are fine; "3.5", "0", "6", "drei" are not. */
export function parseRating(raw: string): number | null {
  const s = raw.trim();
  if (!/^\d$/.test(s)) return null;
  const n = Number(s);
  return n >= RATING_MIN && n <= RATING_MAX ? n : null;
}

/** Whole days from `from` to `now` (never negative). */
export function daysSince(from: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - from.getTime()) / DAY_MS));
}

/** Events that tell residents something new about the place; what residents did themselves does not count. */
const NOT_NEWS = new Set(['created', 'confirmed', 'questionnaire', 'photo_approved']);
export function isNews(kind: string): boolean {
  return !NOT_NEWS.has(kind);
}

export interface OverdueInput {
  status: ReportStatus;
  reviewedAt: Date | null;
  /** The newest public news (a measure, a note, a status change); null when there was none yet. */
  lastNewsAt: Date | null;
}

/** Places the city still works on owe residents news; fixed and closed places and unreviewed ones do not. */
export function owesNews(status: ReportStatus): boolean {
  return status === 'new' || status === 'confirmed' || status === 'in_progress';
}

/**
 * Overdue: a reviewed, open place whose last public news (or its review, when there is none) is more than
 * `intervalDays` old. Exactly `intervalDays` days is still on time.
 */
export function isOverdue(p: OverdueInput, now: Date, intervalDays: number): boolean {
  if (!p.reviewedAt || !owesNews(p.status)) return false;
  const since = p.lastNewsAt && p.lastNewsAt > p.reviewedAt ? p.lastNewsAt : p.reviewedAt;
  return now.getTime() - since.getTime() > intervalDays * DAY_MS;
}

/** The instant the newest news (or the review) happened: what "last news N days ago" counts from. */
export function lastNews(p: Pick<OverdueInput, 'reviewedAt' | 'lastNewsAt'>): Date | null {
  if (p.lastNewsAt && p.reviewedAt) return new Date(Math.max(p.lastNewsAt.getTime(), p.reviewedAt.getTime()));
  return p.lastNewsAt ?? p.reviewedAt;
}

// ---------------------------------------------------------------------------------------------------------
// Ratings and measures

export interface Rating {
  at: Date;
  day: number;
  night: number;
}

export interface Measure {
  id: number;
  at: Date;
  type: MeasureType;
}

export interface Average {
  n: number;
  day: number | null;
  night: number | null;
}

export function average(ratings: Rating[]): Average {
  if (ratings.length === 0) return { n: 0, day: null, night: null };
  let day = 0;
  let night = 0;
  for (const r of ratings) {
    day += r.day;
    night += r.night;
  }
  return { n: ratings.length, day: day / ratings.length, night: night / ratings.length };
}

export interface MeasureEffect {
  measureId: number;
  at: Date;
  type: MeasureType;
  /** Ratings since the previous measure (or ever) up to this one. */
  before: Average;
  /** Ratings from this measure up to the next one (or now). */
  after: Average;
}

/**
 * The average before and after each measure. The periods are cut at the measures: "before" a measure is what
 * people said since the previous one, "after" is what they said until the next one, so each rating counts
 * once as "after" and at most once as "before".
 */
export function measureEffects(ratings: Rating[], measures: Measure[]): MeasureEffect[] {
  const sorted = [...measures].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id);
  return sorted.map((m, i) => {
    const from = i > 0 ? sorted[i - 1]!.at.getTime() : Number.NEGATIVE_INFINITY;
    const to = i + 1 < sorted.length ? sorted[i + 1]!.at.getTime() : Number.POSITIVE_INFINITY;
    const at = m.at.getTime();
    return {
      measureId: m.id,
      at: m.at,
      type: m.type,
      before: average(ratings.filter((r) => r.at.getTime() >= from && r.at.getTime() < at)),
      after: average(ratings.filter((r) => r.at.getTime() >= at && r.at.getTime() < to)),
    };
  });
}

export type ChangeGroup = 'safer' | 'same' | 'less_safe' | 'unknown' | 'no_measure';

/** Day and night together: the mean of the two averages. */
export function combined(a: Average): number | null {
  return a.day === null || a.night === null ? null : (a.day + a.night) / 2;
}

/** How the place changed since its last measure, in words a legend can show. */
export function changeSinceLastMeasure(effects: MeasureEffect[], minRatings = MIN_RATINGS): { group: ChangeGroup; delta: number | null } {
  const last = effects.at(-1);
  if (!last) return { group: 'no_measure', delta: null };
  const before = combined(last.before);
  const after = combined(last.after);
  if (before === null || after === null || last.before.n < minRatings || last.after.n < minRatings) return { group: 'unknown', delta: null };
  const delta = after - before;
  if (delta >= CHANGE_THRESHOLD) return { group: 'safer', delta };
  if (delta <= -CHANGE_THRESHOLD) return { group: 'less_safe', delta };
  return { group: 'same', delta };
}

/** Rounded to one decimal for display; "–" when there is nothing to show. */
export function formatAverage(value: number | null, locale: Locale): string {
  if (value === null) return '–';
  return numberFormat(intlLocale(locale), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

// ---------------------------------------------------------------------------------------------------------
// Monthly series (Berlin months, platform/i18n/months.ts)

export interface MonthlyAverage {
  month: string;
  n: number;
  day: number | null;
  night: number | null;
}

/** Ratings grouped by Berlin month, from the first rating's month to `now`'s month; empty months carry n = 0. */
export function monthlyAverages(ratings: Rating[], now: Date): MonthlyAverage[] {
  if (ratings.length === 0) return [];
  const groups = new Map<string, Rating[]>();
  for (const r of ratings) {
    const key = berlinMonth(r.at);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const first = [...groups.keys()].sort()[0]!;
  return monthRange(first, berlinMonth(now)).map((month) => ({ month, ...average(groups.get(month) ?? []) }));
}
