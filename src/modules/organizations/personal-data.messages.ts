import type { Catalogue } from '../../platform/i18n';

// What the organizations module's file in a resident's data export holds (README.txt of the ZIP).

type Key = 'export.feedback';

export const personalDataMessages: Catalogue<Key> = {
  de: { 'export.feedback': 'Rückmeldungen zur Barrierefreiheit, die Sie mit Ihrer E-Mail-Adresse gesendet haben: Seite, Nachricht, Zeitpunkt.' },
  en: { 'export.feedback': 'Accessibility feedback you sent with your email address: page, message, time.' },
};
