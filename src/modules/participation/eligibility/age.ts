// Ages and birth-date ranges on calendar days ('YYYY-MM-DD'), with no time zone inside: the day of an action is
// taken in Europe/Berlin once (`berlinDay`), everything after that is arithmetic on dates.
//
// A verification keeps no birth date, only the range of birth dates its age band implies on the day it was made
// ("14–17 on 2026-12-03" = born from 2008-12-04 to 2012-12-03). The day is the band's reference day ("Stichtag"),
// which staff set to the vote's reference date: "14–17 on 2027-03-01" then meets a 14–17 rule on 2027-03-01 however
// long before the vote the letter was sent, while "14–17 on the day of issue" would not, from the next day on. A rule's age check on another day passes only if
// every birth date in the range passes it, which is decided by the range's two ends (age grows with earlier birth).

export type IsoDay = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: IsoDay): [number, number, number] {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const format = (y: number, m: number, d: number): IsoDay => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A real calendar day in the form YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1800 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

/** The calendar day in Dortmund at `now` (the platform's cities are German). */
export function berlinDay(now: Date): IsoDay {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(day: IsoDay, days: number): IsoDay {
  const [y, m, d] = parts(day);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * Completed years on `on` of a person born on `born`. Someone born on 29 February is a year older on 1 March in
 * a common year (BGB §§ 187(2), 188(2),(3): the year ends with 28 February).
 */
export function ageOn(born: IsoDay, on: IsoDay): number {
  const [by, bm, bd] = parts(born);
  const [oy, om, od] = parts(on);
  const beforeBirthday = om < bm || (om === bm && od < bd);
  return oy - by - (beforeBirthday ? 1 : 0);
}

/** The latest birth date of someone at least `years` old on `on` (29 Feb in a common year: 28 Feb). */
function latestBornAtLeast(years: number, on: IsoDay): IsoDay {
  const [y, m, d] = parts(on);
  const year = y - years;
  return format(year, m, Math.min(d, daysIn(year, m)));
}

/** The same calendar day `years` later (earlier when negative); 29 February becomes 28 February in a common year. */
export function shiftYears(day: IsoDay, years: number): IsoDay {
  return latestBornAtLeast(-years, day);
}

/** A birth-date range; null ends are open (no lower or upper bound known). */
export interface BornRange {
  bornFrom: IsoDay | null;
  bornTo: IsoDay | null;
}

/** The birth dates of everyone aged `ageMin`–`ageMax` (inclusive, either may be open) on `on`. */
export function bornRangeOfBand(ageMin: number | null, ageMax: number | null, on: IsoDay): BornRange {
  return {
    bornTo: ageMin === null ? null : latestBornAtLeast(ageMin, on),
    bornFrom: ageMax === null ? null : addDays(latestBornAtLeast(ageMax + 1, on), 1),
  };
}

/**
 * Whether everyone born in `range` is `ageMin`–`ageMax` on `on`. The youngest (born last) decides the minimum, the
 * oldest (born first) the maximum; an open end fails a bound on that side, since nothing is known there.
 */
export function rangeMeetsAge(range: BornRange, ageMin: number | null, ageMax: number | null, on: IsoDay): boolean {
  if (ageMin !== null && (range.bornTo === null || ageOn(range.bornTo, on) < ageMin)) return false;
  if (ageMax !== null && (range.bornFrom === null || ageOn(range.bornFrom, on) > ageMax)) return false;
  return true;
}

/** The ages the range spans on `on`, for "Altersgruppe 15–18" (null ends stay open). */
export function agesOfRange(range: BornRange, on: IsoDay): { min: number | null; max: number | null } {
  return { min: range.bornTo === null ? null : ageOn(range.bornTo, on), max: range.bornFrom === null ? null : ageOn(range.bornFrom, on) };
}
