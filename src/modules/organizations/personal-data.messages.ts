import type { Catalogue } from '../../platform/i18n';
import { ar } from './personal-data.messages.ar';
import { pl } from './personal-data.messages.pl';
import { tr } from './personal-data.messages.tr';
import { uk } from './personal-data.messages.uk';

// What the organizations module's file in a resident's data export holds (README.txt of the ZIP).

type Key = 'export.feedback';

export const personalDataMessages: Catalogue<Key> = {
  de: { 'export.feedback': 'Rückmeldungen zur Barrierefreiheit, die Sie mit Ihrer E-Mail-Adresse gesendet haben: Seite, Nachricht, Zeitpunkt.' },
  en: { 'export.feedback': 'Accessibility feedback you sent with your email address: page, message, time.' },
  tr,
  ar,
  uk,
  pl,
};
