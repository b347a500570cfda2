import type { CloseReason, ReportStatus } from '../../../db-schema';
import type { Locale } from '../../../platform/i18n';
import { intlLocale, translator } from '../../../platform/i18n';
import { relativeTimeFormat } from '../../../platform/i18n/formatters';
import { frontDoorMessages as messages } from '../front-door.messages';
import { ReportStatusBadge } from './status';

export interface ReportCardData {
  id: number;
  status: ReportStatus;
  close_reason: CloseReason | null;
  address: string;
  description: string;
  created_at: Date | string;
  supporters_count: number;
  category_de: string;
  category_en: string;
  district: string | null;
  photo_id: number | null;
}

function shorten(text: string, words: number): string {
  const all = text.replace(/\s+/g, ' ').trim().split(' ');
  return all.length > words ? `${all.slice(0, words).join(' ')} …` : all.join(' ');
}

/** A short title people can read: the category and the place, or the first words of the description. */
export function reportTitle(locale: Locale, r: Pick<ReportCardData, 'category_de' | 'category_en' | 'address' | 'description'>): string {
  const category = locale === 'de' ? r.category_de : r.category_en;
  const where = r.address.trim() ? shorten(r.address, 8) : shorten(r.description, 6);
  return where ? `${category}: ${where}` : category;
}

/** "vor 3 Tagen", "gestern", "vor 11 Monaten" in the visitor's language, with its plural rules (Intl). */
export function ageText(locale: Locale, at: Date | string, now = new Date()): string {
  const days = Math.max(0, Math.floor((now.getTime() - new Date(at).getTime()) / 86_400_000));
  const rtf = relativeTimeFormat(intlLocale(locale));
  if (days < 60) return rtf.format(-days, 'day');
  if (days < 730) return rtf.format(-Math.floor(days / 30.44), 'month');
  return rtf.format(-Math.floor(days / 365.25), 'year');
}

/** One report as a card: thumbnail when a photo is published, title, status, age and supporters. */
export function ReportCard({ locale, report, headingLevel = 3 }: { locale: Locale; report: ReportCardData; headingLevel?: 2 | 3 }) {
  const t = translator(messages, locale);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li class="k-report-card" data-report-id={String(report.id)}>
      {report.photo_id !== null && (
        <img class="k-report-card__photo" src={`/fotos/${report.photo_id}/thumb.jpg`} alt="" width={96} height={96} loading="lazy" />
      )}
      <div class="k-report-card__body">
        <Heading class="k-report-card__title">
          <a href={`/meldungen/${report.id}`}>{reportTitle(locale, report)}</a>
        </Heading>
        <p class="k-report-card__meta">
          <ReportStatusBadge locale={locale} report={report} />{' '}
          <time dateTime={new Date(report.created_at).toISOString()}>{ageText(locale, report.created_at)}</time>
          {report.district && <> · {report.district}</>}
          {report.supporters_count > 0 && <> · {t('card.supporters', { n: report.supporters_count })}</>}
        </p>
      </div>
    </li>
  );
}
