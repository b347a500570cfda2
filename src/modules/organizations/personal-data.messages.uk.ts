import type { Translation } from '../../platform/i18n';
import type { personalDataMessages } from './personal-data.messages';

// Українська (Ukrainian): the residents' texts of ./personal-data.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- uk` (docs/i18n.md).
export const uk: Translation<typeof personalDataMessages> = {
  'export.feedback': 'Повідомлення щодо доступності (бар’єрів), які ви надіслали зі своєю адресою електронної пошти: сторінка, повідомлення, час.',
};
