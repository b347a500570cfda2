import type { Rng } from '../../src/seed/prng';

// When residents report: more every year (the platform gets known), more on Mondays (after the weekend's
// walks) than on Sundays, few at night, peaks late in the morning and early in the evening (Dortmund time).
// The shapes are assumptions in line with what open 311 and FixMyStreet data show, not measured Dortmund data.

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Reports per year grow by this factor. */
const GROWTH_PER_YEAR = 1.25;
/** Monday … Sunday. */
const WEEKDAY = [1.18, 1.1, 1.05, 1.03, 0.95, 0.82, 0.78];
/** 00 … 23 local time. */
const HOURS = [0.4, 0.2, 0.1, 0.1, 0.1, 0.3, 1.2, 3.2, 5.5, 7.0, 7.4, 7.0, 6.4, 6.1, 6.0, 6.0, 6.4, 7.0, 7.2, 6.6, 5.2, 3.8, 2.4, 1.1];
const HOURS_CUM = cumulate(HOURS);

function cumulate(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i]!;
    out[i] = sum;
  }
  return out;
}

export function pickCumulative(cum: Float64Array, r: number): number {
  const x = r * cum[cum.length - 1]!;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Last Sunday of a month at 01:00 UTC: when Europe switches between CET and CEST. */
function lastSundayUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  last.setUTCDate(last.getUTCDate() - last.getUTCDay());
  return last.getTime();
}

const summerTime = new Map<number, [number, number]>();

/** Offset of Dortmund's local time from UTC at an instant (CET +1 h, CEST +2 h). */
export function berlinOffset(utc: number): number {
  const year = new Date(utc).getUTCFullYear();
  let range = summerTime.get(year);
  if (!range) {
    range = [lastSundayUtc(year, 2), lastSundayUtc(year, 9)];
    summerTime.set(year, range);
  }
  return utc >= range[0] && utc < range[1] ? 2 * HOUR : HOUR;
}

/** Local hour (0–23) in Dortmund. */
export function berlinHour(utc: number): number {
  return new Date(utc + berlinOffset(utc)).getUTCHours();
}

/**
 * `n` creation times in the `years` before `now`, sorted ascending, so report ids grow with time like real
 * report numbers.
 */
export function creationTimes(rng: Rng, n: number, now: number, years: number): Float64Array {
  const days = Math.round(years * 365);
  const firstDay = Math.floor(now / DAY) - days;
  const weights = new Float64Array(days + 1);
  for (let d = 0; d <= days; d++) {
    const date = new Date((firstDay + d) * DAY);
    const weekday = (date.getUTCDay() + 6) % 7;
    weights[d] = GROWTH_PER_YEAR ** (d / 365) * WEEKDAY[weekday]!;
  }
  const dayCum = cumulate(weights);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (;;) {
      const day = (firstDay + pickCumulative(dayCum, rng.next())) * DAY;
      const local = pickCumulative(HOURS_CUM, rng.next()) * HOUR + Math.floor(rng.next() * HOUR);
      // Local midnight is at most two hours away from UTC midnight; the noon offset is right on all but two days a year.
      const t = day + local - berlinOffset(day + 12 * HOUR);
      if (t < now - MINUTE) {
        out[i] = t;
        break;
      }
    }
  }
  return out.sort();
}

/** A log-normal duration with the given median; `sigma` sets the long tail. */
export function lognormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * rng.gauss());
}
