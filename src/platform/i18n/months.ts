import { dateTimeFormat } from './formatters';
import { intlLocale, type Locale } from './index';

// The city's calendar: days and months as people in Germany count them (Europe/Berlin), whatever the server's
// time zone. Months are "YYYY-MM" strings, which sort and compare as text.

/** Midnight in Berlin of a YYYY-MM-DD date, as an instant (summer and winter time handled). */
export function berlinMidnight(date: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(utc);
  if (back.getUTCFullYear() !== Number(m[1]) || back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return null;
  const offsetName = dateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' })
    .formatToParts(new Date(utc + 12 * 3600_000))
    .find((p) => p.type === 'timeZoneName')?.value;
  const o = /GMT([+-])(\d{2}):(\d{2})/.exec(offsetName ?? '');
  const offsetMs = o ? (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3])) * 60_000 : 0;
  return new Date(utc - offsetMs);
}

/** "YYYY-MM" of an instant in Berlin. */
export function berlinMonth(date: Date): string {
  const parts = dateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit' }).formatToParts(date);
  const y = parts.find((p) => p.type === 'year')!.value;
  const m = parts.find((p) => p.type === 'month')!.value;
  return `${y}-${m}`;
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The `count` whole months before the month of `now`, oldest first. */
export function lastFullMonths(now: Date, count: number): string[] {
  const current = berlinMonth(now);
  return Array.from({ length: count }, (_, i) => addMonths(current, i - count));
}

/** Months from `first` to `last` inclusive. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last && out.length < 600; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** A month for people: "März 2026", "Mar 2026". */
export function monthLabel(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return dateTimeFormat(intlLocale(locale), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
}
