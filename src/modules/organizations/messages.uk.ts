import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// Українська (Ukrainian): the residents' texts of ./messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- uk` (docs/i18n.md).
// The back-office keys of ./messages.ts (districts, departments, legal page editing, the feedback list) are for staff
// and left out here: the catalogue lacks its `staff` mark (reported to the lead).
export const uk: Translation<typeof messages> = {
  feedbackTitle: 'Повідомити про бар’єр',
  feedbackIntro: 'Ви натрапили на бар’єр? Напишіть нам. Ваше повідомлення надійде безпосередньо до міста.',
  feedbackMessage: 'Що не спрацювало?',
  feedbackPage: 'На якій сторінці?',
  feedbackPageHint: 'Адреса або назва сторінки, якщо ви її знаєте.',
  feedbackEmail: 'Ваша адреса електронної пошти',
  feedbackEmailHint: 'Лише якщо ви хочете отримати відповідь.',
  feedbackSend: 'Надіслати повідомлення',
  feedbackThanks: 'Дякуємо! Ваше повідомлення надійшло до міста.',
  'err.messageRequired': 'Будь ласка, опишіть бар’єр.',
  attribution: 'Межа міста: © GeoBasis-DE / BKG 2017 (дані змінено)',
};
