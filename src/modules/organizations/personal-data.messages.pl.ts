import type { Translation } from '../../platform/i18n';
import type { personalDataMessages } from './personal-data.messages';

// Polski (Polish): the residents' texts of ./personal-data.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- pl` (docs/i18n.md).
export const pl: Translation<typeof personalDataMessages> = {
  'export.feedback': 'Uwagi dotyczące dostępności, które przesłali Państwo ze swoim adresem e-mail: strona, wiadomość, data i godzina.',
};
