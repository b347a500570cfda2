import type { StaffRole } from '../../../db-schema';
import { type Locale, translator } from '../../../platform/i18n';
import { messages } from './backoffice.messages';

/** Back-office menu entries of the reports module, by role: [href, label]. */
export function reportBackOfficeLinks(role: StaffRole | null | undefined, locale: Locale): { all: Array<[string, string]>; admin: Array<[string, string]> } {
  const t = translator(messages, locale);
  if (!role) return { all: [], admin: [] };
  return {
    all: [['/verwaltung/meldungen', t('menu.reports')]],
    admin:
      role === 'admin'
        ? [
            ['/verwaltung/kategorien', t('menu.categories')],
            ['/verwaltung/antwortvorlagen', t('menu.templates')],
            ['/verwaltung/open311', t('menu.open311')],
          ]
        : [],
  };
}
