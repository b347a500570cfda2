import type { Catalogue } from '../../platform/i18n';
import { ar } from './personal-data.messages.ar';
import { pl } from './personal-data.messages.pl';
import { tr } from './personal-data.messages.tr';
import { uk } from './personal-data.messages.uk';

// What the Angsträume module's files in a resident's data export hold (README.txt of the ZIP).

type Key = 'export.ratings' | 'export.questionnaires';

export const personalDataMessages: Catalogue<Key> = {
  de: {
    'export.ratings':
      'Ihre Bewertungen von Angsträumen: wie sicher Sie sich tagsüber ("day") und nachts ("night") fühlen, von 1 (sehr unsicher) bis 5 (sicher).',
    'export.questionnaires':
      'Rückfragen nach einer Maßnahme an einem Angstraum ("Fühlen Sie sich jetzt sicherer?"): wann gefragt, Ihre Antwort und Ihr Kommentar.',
  },
  en: {
    'export.ratings': 'Your ratings of places that feel unsafe: how safe you feel by day ("day") and at night ("night"), from 1 (very unsafe) to 5 (safe).',
    'export.questionnaires': 'Follow-up questions after a measure at such a place ("Do you feel safer now?"): when asked, your answer and your comment.',
  },
  tr,
  ar,
  uk,
  pl,
};
