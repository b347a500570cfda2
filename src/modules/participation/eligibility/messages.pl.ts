import type { Translation } from '../../../platform/i18n';
import type { messages } from './messages';

export const pl: Translation<typeof messages> = {
  'refusal.sign_in': 'Aby wziąć tu udział, zaloguj się.',
  'refusal.verify':
    'Tu mogą brać udział tylko zweryfikowani mieszkańcy. Zweryfikuj swoje konto kodem z listu od miasta albo w okienku biura obsługi mieszkańców (Bürgerbüro), pokazując dokument tożsamości.',
  'refusal.verification_expired':
    'Twoja weryfikacja wygasła. Wpisz nowy kod z listu od miasta albo zweryfikuj konto ponownie w okienku biura obsługi mieszkańców (Bürgerbüro).',
  'refusal.district': 'Tu mogą brać udział tylko mieszkańcy określonych dzielnic, a Twoje konto jest zweryfikowane dla innej dzielnicy.',
  'refusal.age': 'Tu mogą brać udział tylko osoby z określonej grupy wiekowej, a Twoja weryfikacja dotyczy innej grupy.',
  'refusal.body': 'Tu mogą brać udział tylko członkowie właściwego gremium. Jeśli jesteś członkiem, skontaktuj się z biurem gremium.',
  'link.sign_in': 'Zaloguj się',
  'link.verify': 'Zweryfikuj konto',
  'page.title': 'Zweryfikuj konto',
  'page.intro':
    'Niektóre formy udziału są tylko dla mieszkańców miasta, dzielnicy lub określonej grupy wiekowej. Dzięki kodowi z listu od miasta Twoje konto otrzymuje dokładnie te dane: dzielnicę, grupę wiekową i okres ważności. Nie przechowujemy danych z dokumentów ani daty urodzenia.',
  'page.code': 'Kod z listu',
  'page.codeHint': '16 znaków, na przykład K7QM-3WXE-PN4R-9HTZ. Wielkość liter i myślniki nie mają znaczenia.',
  'page.submit': 'Użyj kodu',
  'page.counter':
    'Nie masz listu? W każdym okienku biura obsługi mieszkańców (Bürgerbüro) można zweryfikować Twoje konto po okazaniu dokumentu tożsamości. Nic nie jest kopiowane.',
  'page.done': 'Twoje konto jest teraz zweryfikowane.',
  'page.renew': 'Nowy kod zastępuje dotychczasową weryfikację.',
  'status.verified': 'Zweryfikowano: {area}, grupa wiekowa {age}, ważne do {date}.',
  'status.expired': 'Twoja weryfikacja ({area}, grupa wiekowa {age}) wygasła {date}.',
  'status.none': 'Twoje konto nie jest zweryfikowane.',
  'status.district': 'dzielnica {name}',
  'status.city': 'mieszkaniec/mieszkanka miasta {city}',
  'age.range': 'od {min} do {max} lat',
  'age.from': 'od {min} lat',
  'age.to': 'do {max} lat',
  'age.any': 'nie podano',
  'err.format': 'Kod ma 16 znaków: cyfry i wielkie litery. Sprawdź, co zostało wpisane.',
  'err.unknown': 'Nie znamy tego kodu. Sprawdź każdy znak.',
  'err.used': 'Ten kod został już użyty. Każdy kod działa tylko raz.',
  'err.expired': 'Ten kod wygasł. Skontaktuj się z biurem obsługi mieszkańców (Bürgerbüro).',
  'section.title': 'Weryfikacja',
  'section.link': 'Wpisz kod',
  'export.verification': 'Twoja weryfikacja: dzielnica, zakres dat urodzenia wynikający z grupy wiekowej, data ważności, jak i kiedy została przeprowadzona.',
  'export.memberships': 'Gremia, w których jesteś zapisany(-a) jako członek (na przykład młodzieżowa rada, rada seniorów), i od kiedy.',
};
