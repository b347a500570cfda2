import type { Db } from '../../platform/db/connect';
import { AppError } from '../../platform/http/errors';
import { staffOnlyInOwnDepartments } from '../../platform/http/guards';
import { formatDateTime, translator } from '../../platform/i18n';
import type { TranslatableSubject } from '../../platform/i18n/content-translations';
import { languageMessages } from '../../platform/i18n/language-messages';
import type { TranslationPages } from '../../platform/i18n/translation.routes';
import { messages as backOfficeMessages } from './backoffice/backoffice.messages';
import { canWorkOnReport } from './backoffice/backoffice.policy';
import { fullTimeline, reportForStaff } from './backoffice/backoffice.queries';

// What staff write on a report's public timeline (public notes, and the text of a public status change) can be
// translated: the public report page shows the visitor's language, or the German text marked as German.

/** The stored key of these translations: content_translations.entity and field. */
export const REPORT_EVENT_BODY = { entity: 'report_event', field: 'body' } as const;

export function noteTranslationPath(reportId: number): string {
  return `/verwaltung/meldungen/${reportId}/uebersetzungen`;
}

export const noteTranslationPages: TranslationPages = {
  path: '/verwaltung/meldungen/:id/uebersetzungen',
  // As the report's own page: any staff role, department staff for their departments' reports only.
  guard: staffOnlyInOwnDepartments(),
  async load(db: Db, organizationId, id, user, locale): Promise<TranslatableSubject | null> {
    const report = await reportForStaff(db, organizationId, id);
    if (!report) return null;
    if (!canWorkOnReport(user, report)) throw new AppError('forbidden', { reason: 'report of another department' });
    const t = translator(languageMessages, locale);
    const subject = translator(backOfficeMessages, locale)('detail.title', { id });
    const events = await fullTimeline(db, organizationId, id);
    return {
      title: t('tx.title', { subject }),
      back: { href: `/verwaltung/meldungen/${id}`, label: t('tx.back', { subject }) },
      items: events
        .filter((e) => e.public && e.body.trim() !== '')
        .map((e) => ({ ...REPORT_EVENT_BODY, entityId: e.id, label: t('tx.item', { date: formatDateTime(new Date(e.created_at), locale) }), german: e.body })),
    };
  },
};
