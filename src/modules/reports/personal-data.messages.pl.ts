import type { Translation } from '../../platform/i18n';
import type { personalDataMessages } from './personal-data.messages';

// Polski (Polish): the residents' texts of ./personal-data.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- pl` (docs/i18n.md).
export const pl: Translation<typeof personalDataMessages> = {
  'export.reports':
    'Państwa zgłoszenia (wysłane z konta lub z adresu e-mail): kategoria, miejsce, opis, odpowiedzi na pytania dodatkowe, Państwa dane kontaktowe, status i publiczne wpisy historii („timeline”). „photos” podaje dla każdego zdjęcia nazwę pliku w folderze fotos/.',
  'export.photos':
    'Zdjęcia przesłane przez Państwa do zgłoszeń, w takiej postaci, w jakiej je przechowujemy: zmniejszone do najwyżej 1600 pikseli i bez metadanych (lokalizacja, aparat). Oryginałów nie przechowujemy. Zdjęcia ukryte przez moderację nie są zawarte.',
  'export.supports': 'Zgłoszenia, które poparli Państwo przyciskiem „Ja też”, i kiedy to nastąpiło.',
  'export.follows': 'Zgłoszenia, których nowości obserwują Państwo przez e-mail, i od kiedy.',
  'export.questionnaires':
    'Pytania uzupełniające po załatwieniu zgłoszenia („Czy problem został rozwiązany?”): kiedy zadano pytanie, Państwa odpowiedź i komentarz.',
};
