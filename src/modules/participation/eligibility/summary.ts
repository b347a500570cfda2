import { formatDate, type Locale, translator } from '../../../platform/i18n';
import { agesOfRange, type IsoDay } from './age';
import { messages } from './messages';
import type { VerificationRow } from './verification.queries';

// One sentence about an account's verification: "Verifiziert: Stadtbezirk Hörde, Altersgruppe 15 bis 18 Jahre,
// gültig bis 31.12.2027." The age group is the range the kept birth dates span today.

/** "14 bis 17 Jahre", "ab 18 Jahren", "bis 17 Jahre" or "ohne Angabe" for an age band with open ends. */
export function ageText(locale: Locale, min: number | null, max: number | null): string {
  const t = translator(messages, locale);
  if (min !== null && max !== null) return t('age.range', { min, max });
  if (min !== null) return t('age.from', { min });
  if (max !== null) return t('age.to', { max });
  return t('age.any');
}

/** A batch's band for staff: "14 bis 17 Jahre am 01.03.2027" (batches made before 0033 held on their day of issue). */
export function batchAgeText(locale: Locale, b: { age_min: number | null; age_max: number | null; age_on: IsoDay | null }): string {
  const age = ageText(locale, b.age_min, b.age_max);
  if (b.age_on === null || (b.age_min === null && b.age_max === null)) return age;
  return translator(messages, locale)('bo.ageOn', { age, day: dayText(b.age_on, locale) });
}

/** The ages a kept birth-date range spans today. */
export function ageGroupText(locale: Locale, range: { bornFrom: IsoDay | null; bornTo: IsoDay | null }, today: IsoDay): string {
  const { min, max } = agesOfRange(range, today);
  return ageText(locale, min, max);
}

export function dayText(day: IsoDay, locale: Locale): string {
  return formatDate(new Date(`${day}T12:00:00Z`), locale);
}

export function verificationSummary(
  locale: Locale,
  v: VerificationRow | undefined,
  cityName: string,
  today: IsoDay,
): { state: 'none' | 'verified' | 'expired'; text: string } {
  const t = translator(messages, locale);
  if (!v) return { state: 'none', text: t('status.none') };
  const area = v.district_name ? t('status.district', { name: v.district_name }) : t('status.city', { city: cityName });
  const age = ageGroupText(locale, { bornFrom: v.born_from, bornTo: v.born_to }, today);
  const date = dayText(v.valid_until, locale);
  return v.valid_until < today
    ? { state: 'expired', text: t('status.expired', { area, age, date }) }
    : { state: 'verified', text: t('status.verified', { area, age, date }) };
}
