import type { Translation } from '../../platform/i18n';
import type { personalDataMessages } from './personal-data.messages';

// Українська (Ukrainian): the residents' texts of ./personal-data.messages.ts. What is missing shows German; list it
// with `npm run i18n:missing -- uk` (docs/i18n.md).
export const uk: Translation<typeof personalDataMessages> = {
  'export.ideas':
    'Ваші ідеї на платформі KümmertEuch: назва, опис, тема, місце, статус із обґрунтуванням, відповідь міста, кількість підтримок, дати та публічна історія.',
  'export.supports': 'Ідеї, які ви підтримуєте, і відколи.',
  'export.photos': 'Фотографії до ваших ідей у тому вигляді, у якому ми їх зберігаємо: зменшені щонайбільше до 1600 пікселів і без метаданих (місце, камера).',
};
