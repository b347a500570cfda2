import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// Polski (Polish): the residents' texts of ./messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- pl` (docs/i18n.md).
// Only the accessibility feedback form and the map attribution reach residents; the rest of this catalogue is the
// back office (districts, departments, legal pages) and the mail to the city, which stay German or English.
export const pl: Translation<typeof messages> = {
  feedbackTitle: 'Zgłoś barierę',
  feedbackIntro: 'Natrafili Państwo na barierę? Prosimy do nas napisać. Wiadomość trafi bezpośrednio do urzędu miasta.',
  feedbackMessage: 'Co nie zadziałało?',
  feedbackPage: 'Na której stronie?',
  feedbackPageHint: 'Adres lub nazwa strony, jeśli ją Państwo znają.',
  feedbackEmail: 'Państwa adres e-mail',
  feedbackEmailHint: 'Tylko jeśli chcą Państwo otrzymać odpowiedź.',
  feedbackSend: 'Wyślij wiadomość',
  feedbackThanks: 'Dziękujemy! Państwa wiadomość dotarła do urzędu miasta.',
  'err.messageRequired': 'Prosimy opisać barierę.',
  attribution: 'Granica miasta: © GeoBasis-DE / BKG 2017 (dane zmienione)',
};
