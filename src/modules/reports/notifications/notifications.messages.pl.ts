import type { Translation } from '../../../platform/i18n';
import type { notificationMessages } from './notifications.messages';

// Polski (Polish): the residents' texts of ./notifications.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- pl` (docs/i18n.md).
export const pl: Translation<typeof notificationMessages> = {
  'mail.updateSubject': 'Nowe informacje o zgłoszeniu #{id}',
  'mail.updateIntro': 'Dzień dobry,\n\nsą nowe informacje o zgłoszeniu #{id} „{category}”:',
  'mail.updateState': 'Aktualny stan: {status}',
  'mail.updateLink': 'Zobacz zgłoszenie: {link}',
  'mail.updateWhy':
    'Otrzymują Państwo tę wiadomość, ponieważ obserwują Państwo to zgłoszenie. Kilka zmian w ciągu 10 minut łączymy w jedną wiadomość. Rezygnacja z wiadomości o tym zgłoszeniu:',
  'mail.englishBelow': '(wersja angielska poniżej)',
  'mail.greeting': 'Z poważaniem\n{city}',
  'mail.questionSubject': 'Czy problem został rozwiązany? Zgłoszenie #{id}',
  'mail.questionBody':
    'Dzień dobry,\n\nmiasto oznaczyło dnia {date} Państwa zgłoszenie #{id} „{category}” jako załatwione. Czy problem naprawdę został rozwiązany?\n\nPaństwa odpowiedź pomaga nam działać lepiej. Wystarczy jedno kliknięcie, logowanie nie jest potrzebne (link jest ważny do {until}):\n{link}\n\nJeśli odpowiedzą Państwo „Nie”, ponownie otworzymy zgłoszenie.',
  'mail.event.questionnaire.yes': 'Osoba zgłaszająca potwierdza: problem został rozwiązany.',
  'mail.event.questionnaire.no': 'Osoba zgłaszająca informuje: problem nie został rozwiązany.',
  'mail.event.questionnaire.unknown': 'Osoba zgłaszająca nie wie, czy problem został rozwiązany.',
  unsubscribeTitle: 'Rezygnacja z wiadomości e-mail o zgłoszeniu',
  unsubscribeText: 'Otrzymują Państwo wiadomość e-mail, gdy coś zmienia się w zgłoszeniu #{id}. Czy chcą Państwo zrezygnować z tych wiadomości?',
  unsubscribeButton: 'Nie wysyłaj więcej wiadomości o tym zgłoszeniu',
  unsubscribedTitle: 'Rezygnacja przyjęta',
  unsubscribedText: 'Nie będą Państwo już otrzymywać wiadomości e-mail o zgłoszeniu #{id}.',
  unsubscribeGoneTitle: 'Ten link jest już nieważny',
  unsubscribeGoneText: 'Link jest nieznany albo rezygnacja z wiadomości już nastąpiła. Nie trzeba nic więcej robić.',
  toReport: 'Przejdź do zgłoszenia #{id}',
  toHome: 'Przejdź do strony głównej',
  qTitle: 'Czy problem został rozwiązany?',
  qIntro: 'Miasto oznaczyło dnia {date} zgłoszenie #{id} „{category}” jako załatwione. Prosimy dać nam znać, czy to się zgadza.',
  qLegend: 'Czy problem został rozwiązany?',
  qYes: 'Tak, został rozwiązany',
  qNo: 'Nie, nie został rozwiązany',
  qUnknown: 'Nie wiem',
  qComment: 'Co jeszcze nie jest w porządku?',
  qCommentHint: 'Zwłaszcza jeśli odpowiedzą Państwo „Nie”. Do {max} znaków.',
  qSend: 'Wyślij odpowiedź',
  qPrivacy:
    'Państwa odpowiedź zostanie odnotowana przy zgłoszeniu; treść komentarza widzi tylko urząd miasta. Prosimy nie podawać danych osobowych innych osób.',
  qGoneTitle: 'Ta ankieta jest już zakończona',
  qGoneText: 'Link wygasł, jest nieznany albo został już użyty. Dziękujemy, że chcieli Państwo poświęcić nam czas!',
  qThanksTitle: 'Dziękujemy za odpowiedź',
  qThanksYes: 'Cieszymy się, że problem został rozwiązany.',
  qThanksNo: 'Ponownie otworzyliśmy zgłoszenie #{id}; zajmie się nim właściwa jednostka. Otrzymają Państwo wiadomość e-mail, gdy coś się zmieni.',
  qThanksUnknown: 'Dziękujemy, odnotowaliśmy Państwa odpowiedź.',
  'err.answer': 'Prosimy wybrać odpowiedź: „Tak”, „Nie” lub „Nie wiem”.',
  'err.commentTooLong': 'Prosimy skrócić tekst do {max} znaków.',
  errorSummaryTitle: 'Wystąpił problem',
};
