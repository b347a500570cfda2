import type { Translation } from '../../platform/i18n';
import type { personalDataMessages } from './personal-data.messages';

// Українська (Ukrainian): the residents' texts of ./personal-data.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- uk` (docs/i18n.md).
export const uk: Translation<typeof personalDataMessages> = {
  'export.reports':
    'Ваші звернення (надіслані з вашого облікового запису або з вашою адресою електронної пошти): категорія, місце, опис, відповіді на додаткові запитання, ваші контактні дані, стан і публічні записи історії ("timeline"). "photos" називає для кожного фото файл у папці fotos/.',
  'export.photos':
    'Фото, які ви надіслали до своїх звернень, у тому вигляді, в якому ми їх зберігаємо: зменшені щонайбільше до 1600 пікселів і без метаданих (місцезнаходження, камера). Оригінал ми не зберігаємо. Фото, приховані модерацією, не містяться.',
  'export.supports': 'Звернення, які ви підтримали кнопкою «Я теж», і коли.',
  'export.follows': 'Звернення, новини яких ви отримуєте електронною поштою, і з якого часу.',
  'export.questionnaires':
    'Уточнювальні запитання після виконання звернення ("Ist das Problem behoben?" – «Чи проблему усунуто?»): коли запитано, ваша відповідь і ваш коментар.',
};
