import type { Translation } from '../../platform/i18n';
import type { accountSectionMessages } from './account-section.messages';

// Polski (Polish): the residents' texts of ./account-section.messages.ts (docs/i18n.md).
export const pl: Translation<typeof accountSectionMessages> = {
  'mine.title': 'Moje zgłoszenia',
  'mine.count':
    '{n, plural, one {Wysłali Państwo # zgłoszenie.} few {Wysłali Państwo # zgłoszenia, najnowsze na początku.} many {Wysłali Państwo # zgłoszeń, najnowsze na początku.} other {Wysłali Państwo # zgłoszenia, najnowsze na początku.}}',
  'mine.none': 'Nie zgłosili Państwo jeszcze niczego.',
  'mine.reportNow': 'Zgłoś problem',
  'mine.hidden': 'Niepubliczne: ukryte przez moderację.',
  'mine.unconfirmed': 'Jeszcze niepubliczne: prosimy potwierdzić zgłoszenie linkiem z naszego e-maila.',
  'mine.inReview': 'Jeszcze niepubliczne: miasto sprawdza miejsce i tekst przed publikacją.',
  'mine.pages': 'Strony moich zgłoszeń',
  'followed.title': 'Zgłoszenia, które obserwuję lub popieram',
  'followed.intro': 'O zmianach w obserwowanych zgłoszeniach otrzymują Państwo e-mail.',
  'followed.none':
    'Nie obserwują Państwo jeszcze ani nie popierają cudzych zgłoszeń. Służą do tego przyciski „Ja też” i „Powiadamiaj mnie o zmianach” przy każdym zgłoszeniu.',
  'followed.following': 'Obserwują Państwo',
  'followed.supporting': 'Popierają Państwo',
  'followed.stop': 'Przestań obserwować',
  'followed.pages': 'Strony obserwowanych i popieranych zgłoszeń',
  'settings.title': 'E-maile o zgłoszeniach',
  'settings.intro': 'Dotyczy e-maili na adres {email} o Państwa zgłoszeniach i tych, które Państwo obserwują.',
  'settings.mails': 'Jakie e-maile chcą Państwo otrzymywać?',
  'settings.status': 'Nowości, gdy coś zmienia się w zgłoszeniu',
  'settings.questionnaire': 'Pytanie, czy problem oznaczony jako załatwiony rzeczywiście został rozwiązany',
  'settings.digest': 'Jak często mają przychodzić nowości?',
  'settings.digestHint': 'Dotyczy sytuacji, gdy chcą Państwo otrzymywać nowości.',
  'settings.digest.immediately': 'Od razu: zmiany z 10 minut w jednym e-mailu',
  'settings.digest.daily': 'Raz dziennie: wszystkie zgłoszenia w jednym e-mailu',
  'settings.digest.weekly': 'Raz w tygodniu: wszystkie zgłoszenia w jednym e-mailu',
  'settings.save': 'Zapisz ustawienia',
  'settings.err.digest': 'Prosimy wybrać, jak często mają przychodzić nowości.',
  'digest.subject': '{n, plural, one {Nowości w # zgłoszeniu} few {Nowości w # zgłoszeniach} many {Nowości w # zgłoszeniach} other {Nowości w # zgłoszenia}}',
  'digest.intro.daily': 'Dzień dobry,\n\noto Państwa dzienne podsumowanie: co wydarzyło się od ostatniego e-maila.',
  'digest.intro.weekly': 'Dzień dobry,\n\noto Państwa tygodniowe podsumowanie: co wydarzyło się od ostatniego e-maila.',
  'digest.report': 'Zgłoszenie #{id} „{category}”:',
  'digest.unsubscribe': 'Rezygnacja z e-maili o tym zgłoszeniu: {link}',
  'digest.settings': 'Częstotliwość e-maili można ustawić w zakładce „Moje konto”: {link}',
};
