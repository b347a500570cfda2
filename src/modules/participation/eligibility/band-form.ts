import type { FieldErrors } from '../../../platform/http/errors';
import { type FormBody, field } from '../../../platform/http/form';
import type { Translate } from '../../../platform/i18n';
import { type IsoDay, isIsoDay, shiftYears } from './age';
import type { messages } from './messages';

// The fields both staff forms share (code batch and counter): area, age band and valid-until, read and checked
// in one place: area, age band with the day it refers to ("Alter am Stichtag": the vote's reference date, so the
// attribute still answers the vote's rule months later; default today), valid until. Dates are typed as 31.12.2027 (what staff write) or 2027-12-31.

type T = Translate<keyof (typeof messages)['de'] & string>;

export interface BandValues {
  district: string;
  ageMin: string;
  ageMax: string;
  ageOn: string;
  validUntil: string;
}

/** How far ahead a code or a counter verification may hold: long enough for a term, short enough to be renewed. */
export const MAX_VALID_YEARS = 5;
/** How far from today the band's reference day may be (a typo like 2207 is caught). */
const MAX_AGE_ON_YEARS = 5;

export function bandValues(body: FormBody): BandValues {
  return {
    district: field(body, 'district'),
    ageMin: field(body, 'ageMin'),
    ageMax: field(body, 'ageMax'),
    ageOn: field(body, 'ageOn'),
    validUntil: field(body, 'validUntil'),
  };
}

/** '31.12.2027', '1.2.2027' or '2027-12-31' as an ISO day; null when it is no real day. */
export function parseDay(value: string): IsoDay | null {
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const iso = german ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}` : value;
  return isIsoDay(iso) ? iso : null;
}

/** An ISO day as staff type it: 2031-12-03 → 03.12.2031. */
export function typedDay(day: IsoDay): string {
  return day.split('-').reverse().join('.');
}

function parseAge(value: string): number | null | undefined {
  if (value === '') return null;
  if (!/^\d{1,3}$/.test(value)) return undefined;
  const n = Number(value);
  return n <= 130 ? n : undefined;
}

export interface Band {
  districtId: number | null;
  ageMin: number | null;
  ageMax: number | null;
  /** The day the band refers to ("Stichtag"); absent: the day of issue. */
  ageOn?: IsoDay | undefined;
  validUntil: IsoDay;
}

/** Checks the shared fields; `districtIds` are the city's. Errors go into `errors` under the field names. */
export function parseBand(v: BandValues, districtIds: number[], today: IsoDay, t: T, errors: FieldErrors): Band | null {
  let districtId: number | null = null;
  if (v.district !== '') {
    districtId = /^\d{1,10}$/.test(v.district) ? Number(v.district) : Number.NaN;
    if (!districtIds.includes(districtId)) errors.district = t('bo.err.district');
  }
  const ageMin = parseAge(v.ageMin);
  const ageMax = parseAge(v.ageMax);
  if (ageMin === undefined) errors.ageMin = t('bo.err.age');
  if (ageMax === undefined) errors.ageMax = t('bo.err.age');
  if (typeof ageMin === 'number' && typeof ageMax === 'number' && ageMin > ageMax) errors.ageMax = t('bo.err.ageOrder');
  const ageOn = v.ageOn === '' ? today : parseDay(v.ageOn);
  if (!ageOn || ageOn < shiftYears(today, -MAX_AGE_ON_YEARS) || ageOn > shiftYears(today, MAX_AGE_ON_YEARS)) errors.ageOn = t('bo.err.ageOn');
  const validUntil = parseDay(v.validUntil);
  const latest = shiftYears(today, MAX_VALID_YEARS);
  if (!validUntil || validUntil < today) errors.validUntil = t('bo.err.validUntil');
  else if (validUntil > latest) errors.validUntil = t('bo.err.validUntilFar', { day: typedDay(latest) });
  if (Object.keys(errors).length > 0 || ageMin === undefined || ageMax === undefined || !ageOn || !validUntil) return null;
  return { districtId, ageMin, ageMax, ageOn, validUntil };
}
