import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// Polski (Polish): the residents' texts of ./messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- pl` (docs/i18n.md).
export const pl: Translation<typeof messages> = {
  signInTitle: 'Logowanie',
  signInIntro: 'Wyślemy Państwu e-mailem link do logowania. Hasło nie jest potrzebne. Do przeglądania strony konto nie jest potrzebne.',
  email: 'Adres e-mail',
  emailHint: 'Na przykład name@example.de',
  sendLink: 'Wyślij link do logowania',
  checkMailTitle: 'Prosimy sprawdzić skrzynkę pocztową',
  checkMailText: 'Jeśli adres jest prawidłowy, link do logowania jest już w drodze na adres {email}. Jest ważny przez 15 minut i można go użyć tylko raz.',
  checkMailHint: 'Nie dotarł e-mail? Prosimy zajrzeć do folderu spam albo poprosić o nowy link.',
  confirmTitle: 'Potwierdzenie logowania',
  confirmText: 'Logują się Państwo jako {email}.',
  confirmButton: 'Zaloguj się teraz',
  linkInvalidTitle: 'Ten link jest już nieważny',
  linkInvalidText: 'Linki do logowania są ważne przez 15 minut i można ich użyć tylko raz. Wystarczy poprosić o nowy.',
  requestNewLink: 'Poproś o nowy link do logowania',
  accountTitle: 'Moje konto',
  accountIntro: 'Zalogowano jako {email}.',
  displayName: 'Imię i nazwisko',
  displayNameHint: 'Wyświetlane tylko wtedy, gdy wyraźnie Państwo tego zechcą przy danym wpisie.',
  save: 'Zapisz',
  saved: 'Zapisano.',
  signOutEverywhere: 'Wyloguj się na wszystkich urządzeniach',
  signedOut: 'Wylogowano.',
  'mail.magicSubject': 'Link do logowania – {city}',
  'mail.magicBody':
    'Dzień dobry,\n\ntym linkiem mogą się Państwo zalogować (ważny przez 15 minut, jednorazowy):\n{link}\n\nNie prosili Państwo o logowanie? W takim razie wystarczy zignorować tę wiadomość.\n\n{city}',
  'err.required': 'Prosimy wypełnić to pole.',
  yourData: 'Państwa dane',
  yourDataIntro: 'W każdej chwili mogą Państwo pobrać kopię swoich danych albo usunąć konto.',
  'data.title': 'Pobierz moje dane',
  'data.intro':
    'Tutaj mogą Państwo pobrać kopię danych, które {city} przechowuje o Państwu na tej platformie (prawo dostępu do danych, art. 15 RODO – po niemiecku DSGVO).',
  'data.includes': 'Plik ZIP zawiera:',
  'data.item.account': 'Państwa konto: adres e-mail, imię i nazwisko, datę założenia i datę ostatniego logowania',
  'data.item.reports': 'Państwa zgłoszenia z publicznymi wpisami ich historii oraz zdjęcia, które Państwo przesłali',
  'data.item.engagement':
    'Państwa poparcia („Ja też”), obserwowane zgłoszenia, oceny Angsträume (miejsc, w których czujemy się niebezpiecznie) i odpowiedzi na pytania uzupełniające',
  'data.item.sessions': 'Państwa logowania na urządzeniach (sesje) wraz z godzinami, bez tajnych identyfikatorów',
  'data.item.mails': 'Wiadomości e-mail do Państwa, które jeszcze przechowujemy (linki w nich są unieszkodliwione)',
  'data.format': 'Dane są w formacie JSON, który można odczytać w każdym edytorze tekstu. Plik README.txt objaśnia każdy plik.',
  'data.linkHint':
    'Link do pobrania jest ważny przez {minutes, plural, one {# minutę} few {# minuty} many {# minut} other {# minuty}}, tylko w tej przeglądarce i tylko dopóki są Państwo zalogowani.',
  'data.button': 'Pobierz plik ZIP',
  'data.expiredTitle': 'Ten link do pobrania jest już nieważny',
  'data.expiredText':
    'Linki do pobrania są ważne przez {minutes, plural, one {# minutę} few {# minuty} many {# minut} other {# minuty}} i tylko w przeglądarce, w której zostały utworzone. Wystarczy utworzyć nowy.',
  'data.again': 'Utwórz nowy link do pobrania',
  backToAccount: 'Wróć do „Moje konto”',
  'delete.title': 'Usuń konto',
  'delete.intro': 'Po usunięciu konta:',
  'delete.item.account':
    'Państwa konto, łącznie z adresem e-mail oraz imieniem i nazwiskiem, zostanie usunięte, a Państwo zostaną wylogowani na wszystkich urządzeniach.',
  'delete.item.anonymise':
    'Państwa opublikowane zgłoszenia, poparcia i oceny pozostaną widoczne dla wszystkich, ale bez imienia i nazwiska, adresu e-mail, numeru telefonu i konta (anonimowo). Zgłoszenia, których Państwo nigdy nie potwierdzili, zostaną usunięte.',
  'delete.item.remove': 'Państwa zgłoszenia ze wszystkimi zdjęciami, Państwa poparcia i oceny zostaną usunięte.',
  'delete.item.photos': 'Zdjęcia, które nie zostały opublikowane, zostaną usunięte.',
  'delete.item.mails':
    'Powiadomienia i pytania uzupełniające wysyłane e-mailem ustaną; wiadomości e-mail do Państwa, które czekają na wysłanie lub są przechowywane, zostaną usunięte.',
  'delete.exportFirst': 'Czy chcą Państwo najpierw pobrać kopię swoich danych?',
  'delete.irreversible': 'Usunięcia nie można cofnąć.',
  'delete.confirm': 'Dla potwierdzenia: Państwa adres e-mail',
  'delete.confirmHint': 'Prosimy wpisać {email}.',
  'delete.button': 'Usuń konto na stałe',
  'delete.mismatch': 'Adres e-mail nie zgadza się z Państwa kontem. Prosimy wpisać {email}.',
  'delete.staff': 'Konta pracowników usuwa administracja. Prosimy się z nią skontaktować.',
  'deleted.title': 'Państwa konto zostało usunięte',
  'deleted.text':
    'Wylogowano. Państwa konto i dane osobowe zostały usunięte. W każdej chwili mogą Państwo przeglądać stronę bez konta albo zalogować się ponownie adresem e-mail.',
  'deleted.home': 'Przejdź do strony głównej',
  'readme.title': 'Moje dane – {city}',
  'readme.created': 'Utworzono dnia {date} dla konta {email}.',
  'readme.files': 'Pliki w tym archiwum:',
  'readme.times':
    'Czas podano w uniwersalnym czasie koordynowanym (UTC) w formacie ISO 8601, na przykład 2026-12-03T09:30:00.000Z (= godz. 10:30 w Niemczech zimą).',
  'readme.notIncluded':
    'Archiwum nie zawiera wewnętrznych notatek urzędu dotyczących zgłoszeń. Pytania o ochronę danych i o dostęp do tych informacji prosimy kierować na adres: {contact}.',
  'readme.account': 'Państwa konto: adres e-mail, imię i nazwisko („display_name”), data założenia i ostatniego logowania.',
  'readme.sessions':
    'Państwa zalogowane urządzenia (sesje): kiedy nastąpiło logowanie, ostatnia aktywność, najpóźniejsze wylogowanie. Tajne identyfikatory nie są zawarte.',
  'readme.mails':
    'Wiadomości e-mail do Państwa, które jeszcze przechowujemy (wysłane przechowujemy najwyżej {days, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}): temat, treść, data utworzenia, data wysłania. Osobiste linki w nich zastąpiono tekstem „{marker}”.',
  'readme.linkRemoved': '[link usunięty]',
};
