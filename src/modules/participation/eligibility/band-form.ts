import type { FieldErrors } from '../../../platform/http/errors';
import { type FormBody, field } from '../../../platform/http/form';
import type { Translate } from '../../../platform/i18n';
import { type IsoDay, isIsoDay } from './age';
import type { messages } from './messages';

// The fields both staff forms share (code batch and counter): area, age band and valid-until, read and checked
// in one place. Dates are typed as 31.12.2027 (what staff write) or 2027-12-31.

type T = Translate<keyof (typeof messages)['de'] & string>;

export interface BandValues {
  district: string;
  ageMin: string;
  ageMax: string;
  validUntil: string;
}

export function bandValues(body: FormBody): BandValues {
  return { district: field(body, 'district'), ageMin: field(body, 'ageMin'), ageMax: field(body, 'ageMax'), validUntil: field(body, 'validUntil') };
}

/** '31.12.2027', '1.2.2027' or '2027-12-31' as an ISO day; null when it is no real day. */
export function parseDay(value: string): IsoDay | null {
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const iso = german ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}` : value;
  return isIsoDay(iso) ? iso : null;
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
  const validUntil = parseDay(v.validUntil);
  if (!validUntil || validUntil < today) errors.validUntil = t('bo.err.validUntil');
  if (Object.keys(errors).length > 0 || ageMin === undefined || ageMax === undefined || !validUntil) return null;
  return { districtId, ageMin, ageMax, validUntil };
}
